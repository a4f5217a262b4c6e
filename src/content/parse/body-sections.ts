import type { BodySection } from "../types.js";

/** A `##` section with the file line of its heading (undefined when the body came from JSON). */
export interface LocatedSection extends BodySection {
  line: number | undefined;
}

/** A body line that looks like a front-matter field: one written below a stray "---". */
export const FIELD_LINE = /^[a-z_]+:(\s|$)/;

const H2 = /^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits a markdown body at its `## ` headings. Text before the first heading is dropped (see
 * textBeforeSections); headings inside fenced code blocks are not headings. Section markdown is trimmed.
 * @param firstLine file line of the body's first line, to locate each heading
 * @example splitSections("intro\n## Current state\nStable.\n", 5)
 * // [{ title: "Current state", markdown: "Stable.", line: 6 }]
 */
export function splitSections(body: string, firstLine?: number): LocatedSection[] {
  return scan(body, firstLine).sections;
}

/**
 * The body's line (counted from 0) of the first text before its first `## ` heading, which no
 * page shows; undefined when there is none. Blank lines and HTML comments are not text.
 * @example textBeforeSections("\nAn intro.\n## Current state\nStable.") // 1
 */
export function textBeforeSections(body: string): number | undefined {
  return scan(body).intro;
}

function scan(body: string, firstLine?: number): { sections: LocatedSection[]; intro: number | undefined } {
  const sections: LocatedSection[] = [];
  let current: { title: string; line: number | undefined; lines: string[] } | undefined;
  let fence: string | undefined;
  let comment = false;
  let intro: number | undefined;
  const flush = (): void => {
    if (current) sections.push({ title: current.title, markdown: current.lines.join("\n").trim(), line: current.line });
  };
  // A JSON body may hold "\r\n" line breaks; a file's are already "\n".
  body.split(/\r?\n/).forEach((text, i) => {
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
    if (current) current.lines.push(text);
    else if (intro === undefined) {
      // An HTML comment shows nothing either, so an editor's note above the sections is fine.
      let line = text;
      if (comment) {
        const end = line.indexOf("-->");
        if (end < 0) return;
        line = line.slice(end + 3);
        comment = false;
      }
      line = line.replace(/<!--[\s\S]*?-->/g, "");
      const open = line.indexOf("<!--");
      if (open >= 0) [line, comment] = [line.slice(0, open), true];
      if (line.trim() !== "" || fenceMatch) intro = i;
    }
  });
  flush();
  return { sections, intro };
}
