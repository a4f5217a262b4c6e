import type { BodySection } from "../types.js";

/** A `##` section with the file line of its heading (undefined when the body came from JSON). */
export interface LocatedSection extends BodySection {
  line: number | undefined;
}

/** A body line that looks like a front-matter field: one written below a stray "---". */
const FIELD_LINE = /^([a-z_]+):(\s|$)/;

const H2 = /^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** What a markdown body holds, read once (see readBody). Lines are counted from 0. */
export interface BodyReading {
  /** The `##` sections, headings inside fenced code blocks not counted, markdown trimmed. */
  sections: LocatedSection[];
  /** The first line of text above the first heading, which no page shows. Blank lines and HTML comments are not text. */
  intro: number | undefined;
  /** The field the intro line reads as ("logo" for "logo: …"): one below a stray "---". */
  introField: string | undefined;
  /** A "<!--" above the sections that no "-->" closes, which hides every heading after it. */
  openComment: number | undefined;
}

/**
 * A body's lines: a JSON body may hold "\r\n" or "\r" line breaks, where a file's are already "\n".
 * @example bodyLines("a\r\nb\rc\nd") // ["a", "b", "c", "d"]
 */
export function bodyLines(body: string): string[] {
  return body.split(/\r\n?|\n/);
}

/**
 * Splits a markdown body at its `## ` headings, and finds what sits above the first one.
 * @param firstLine file line of the body's first line, to locate each heading
 * @example readBody("intro\n## Current state\nStable.\n", 5)
 * // { sections: [{ title: "Current state", markdown: "Stable.", line: 6 }], intro: 0, introField: undefined, openComment: undefined }
 */
export function readBody(body: string, firstLine?: number): BodyReading {
  const sections: LocatedSection[] = [];
  let current: { title: string; line: number | undefined; lines: string[] } | undefined;
  let fence: string | undefined;
  let comment = false;
  let commentLine = 0;
  let intro: number | undefined;
  const flush = (): void => {
    if (current) sections.push({ title: current.title, markdown: current.lines.join("\n").trim(), line: current.line });
  };
  const lines = bodyLines(body);
  lines.forEach((text, i) => {
    // Above the sections an HTML comment hides what it holds, "##" lines and fences too: no
    // page shows it, so an editor's note or a section commented out there is fine.
    if (current === undefined && comment) {
      const end = text.indexOf("-->");
      if (end < 0) return;
      comment = false;
      if (hasTextOutsideComments(text.slice(end + 3), i)) intro ??= i;
      return;
    }
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
    else if (fenceMatch || fence !== undefined || hasTextOutsideComments(text, i)) intro ??= i;
  });

  // Whether line i holds text besides whole comments; one left open goes on to the next lines.
  function hasTextOutsideComments(line: string, i: number): boolean {
    const closed = line.replace(/<!--[\s\S]*?-->/g, "");
    const open = closed.indexOf("<!--");
    if (open >= 0) [comment, commentLine] = [true, i];
    return (open >= 0 ? closed.slice(0, open) : closed).trim() !== "";
  }
  flush();
  const introField = intro === undefined ? undefined : FIELD_LINE.exec(lines[intro]!)?.[1];
  return { sections, intro, introField, openComment: comment && current === undefined ? commentLine : undefined };
}
