import { didYouMean } from "./did-you-mean.js";
import { readBody } from "./parse/body-sections.js";
import { REQUIRED_SECTIONS } from "./schema/index.js";
import type { BodySection } from "./types.js";

/** A body problem; the field is always `body`. */
export interface BodyProblem {
  line: number | undefined;
  message: string;
}

/**
 * Splits a product body into sections and checks the three required ones are there, once each.
 * @param bodyLine file line of the body's first line (markdown), or undefined (JSON)
 * @param fallbackLine line for problems whose exact line is unknown (the JSON `body` key)
 * @example checkProductBody("## Current state\nx\n", 6).problems[0].message
 * // 'missing section "## Where it\'s heading"'
 */
export function checkProductBody(body: string, bodyLine: number | undefined, fallbackLine?: number): { sections: BodySection[]; problems: BodyProblem[] } {
  const { sections: located, intro, introField, openComment: open } = readBody(body, bodyLine);
  const problems: BodyProblem[] = [];
  const firstLine = new Map<string, number | undefined>();
  for (const section of located) {
    if (firstLine.has(section.title)) {
      const first = firstLine.get(section.title);
      const where = first === undefined ? "" : ` (first at line ${first})`;
      problems.push({ line: section.line ?? fallbackLine, message: `duplicate section "## ${section.title}"${where}; each section title may appear once` });
    } else {
      firstLine.set(section.title, section.line);
    }
  }
  const titles = [...firstLine.keys()];
  // The sections it hides are then missing, as a consequence: one line says why.
  if (open !== undefined) {
    problems.push({ line: bodyLine === undefined ? fallbackLine : bodyLine + open, message: 'this "<!--" opens a comment that no "-->" closes, so it hides every section below it' });
  }
  for (const required of open === undefined ? REQUIRED_SECTIONS : []) {
    if (firstLine.has(required)) continue;
    // Suggest only headings that are not themselves required titles.
    const near = didYouMean(required, titles.filter((t) => !(REQUIRED_SECTIONS as readonly string[]).includes(t)));
    const hint = near === undefined ? "" : `; did you mean "## ${near}"?`;
    const line = near === undefined ? fallbackLine : firstLine.get(near) ?? fallbackLine;
    problems.push({ line, message: `missing section "## ${required}"${hint}` });
  }
  if (intro !== undefined) {
    // A field under a stray "---" lands here too, as text.
    const fence = bodyLine !== undefined && introField !== undefined ? `; "${introField}:" is below the "---" on line ${bodyLine - 1}, which ends the fields` : "";
    problems.push({ line: bodyLine === undefined ? fallbackLine : bodyLine + intro, message: `text above the first "##" heading is shown on no page; put it under a section or remove it${fence}` });
  }
  return { sections: located.map(({ title, markdown }) => ({ title, markdown })), problems };
}
