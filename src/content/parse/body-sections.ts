import type { BodySection } from "../types.js";

/** A `##` section with the file line of its heading (undefined when the body came from JSON). */
export interface LocatedSection extends BodySection {
  line: number | undefined;
}

const H2 = /^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits a markdown body at its `## ` headings. Text before the first heading is dropped;
 * headings inside fenced code blocks are not headings. Section markdown is trimmed.
 * @param firstLine file line of the body's first line, to locate each heading
 * @example splitSections("intro\n## Current state\nStable.\n", 5)
 * // [{ title: "Current state", markdown: "Stable.", line: 6 }]
 */
export function splitSections(body: string, firstLine?: number): LocatedSection[] {
  const sections: LocatedSection[] = [];
  let current: { title: string; line: number | undefined; lines: string[] } | undefined;
  let fence: string | undefined;
  const flush = (): void => {
    if (current) sections.push({ title: current.title, markdown: current.lines.join("\n").trim(), line: current.line });
  };
  body.split("\n").forEach((text, i) => {
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (fence === undefined) {
      const heading = H2.exec(text);
      if (heading && heading[1] !== "") {
        flush();
        current = { title: heading[1]!, line: firstLine === undefined ? undefined : firstLine + i, lines: [] };
        return;
      }
    }
    current?.lines.push(text);
  });
  flush();
  return sections;
}
