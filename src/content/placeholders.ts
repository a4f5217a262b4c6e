import { forEachString, formatPath, type LineMap, type PathSegment } from "./paths.js";

/**
 * A value or body line still holding scaffolding text. Scaffolding writes values that match
 * it (e.g. `TODO: one-line headline`) and the loader reports every one until it is replaced.
 * @example PLACEHOLDER_PATTERN.test("TODO: write the summary") // true
 * @example PLACEHOLDER_PATTERN.test("TODOS") // false
 */
export const PLACEHOLDER_PATTERN = /^TODO\b/;

/**
 * @example isPlaceholder("TODO") // true
 * @example isPlaceholder(42) // false
 */
export function isPlaceholder(value: unknown): value is string {
  return typeof value === "string" && PLACEHOLDER_PATTERN.test(value);
}

/** A placeholder found in a record: where, and the text to quote. */
export interface Placeholder {
  path: PathSegment[];
  field: string;
  line: number | undefined;
  text: string;
}

/**
 * Every string in parsed front matter that is still a placeholder, in document order.
 * @example findFieldPlaceholders({ tagline: "TODO: headline" }, lines) // [{ field: "tagline", ... }]
 */
export function findFieldPlaceholders(data: unknown, lines: LineMap): Placeholder[] {
  const found: Placeholder[] = [];
  forEachString(data, (value, path) => {
    if (isPlaceholder(value)) found.push({ path: [...path], field: formatPath(path), line: lines.lineOf(path), text: value });
  });
  return found;
}

/**
 * Body lines that start with a placeholder, with their file lines.
 * @param firstLine file line of the body's first line; undefined when the body is a JSON
 *   string, in which case `fallbackLine` (the `body` key) is used for every hit.
 * @example findBodyPlaceholders("intro\nTODO: more", 10) // [{ line: 11, text: "TODO: more", ... }]
 */
export function findBodyPlaceholders(body: string, firstLine: number | undefined, fallbackLine?: number): Placeholder[] {
  const found: Placeholder[] = [];
  body.split("\n").forEach((text, i) => {
    if (isPlaceholder(text)) {
      found.push({ path: ["body"], field: "body", line: firstLine === undefined ? fallbackLine : firstLine + i, text: text.trimEnd() });
    }
  });
  return found;
}

/**
 * The message for one placeholder, quoting (a shortened) placeholder text.
 * @example placeholderMessage("TODO: headline") // 'not yet written (placeholder "TODO: headline")'
 */
export function placeholderMessage(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return `not yet written (placeholder ${JSON.stringify(short)})`;
}
