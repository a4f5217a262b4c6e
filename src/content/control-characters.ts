import { bodyLines } from "./parse/body-sections.js";
import { forEachString, formatPath, type LineMap } from "./paths.js";

/**
 * What no page or feed can carry: control characters other than tab, line feed and carriage
 * return (an XML parser refuses the whole feed or sitemap over one), the noncharacters U+FFFE
 * and U+FFFF, and halves of a surrogate pair, which cannot be written as UTF-8. Word's soft
 * line break (U+000B) is the usual way one gets into a file.
 */
const UNSHOWABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A value or body line holding such a character: where, and what to say. */
export interface ControlCharacter {
  field: string;
  line: number | undefined;
  message: string;
}

/**
 * Every string value, and every body line, holding a character no page or feed can carry.
 * @param bodyLine file line of the body's first line; undefined for a JSON body, whose `body` key's line (`bodyKeyLine`) is used
 * @example findControlCharacters({ title: "a\u000bb" }, lines, "", undefined)[0].message
 * // "holds the control character U+000B, which pages and feeds cannot carry; delete it, or put a space in its place"
 */
export function findControlCharacters(data: unknown, lines: LineMap, body: string, bodyLine: number | undefined, bodyKeyLine?: number): ControlCharacter[] {
  const found: ControlCharacter[] = [];
  forEachString(data, (value, path) => {
    const message = unshowable(value);
    if (message) found.push({ field: formatPath(path), line: lines.lineOf(path), message });
  });
  bodyLines(body).forEach((text, i) => {
    const message = unshowable(text);
    if (message) found.push({ field: "body", line: bodyLine === undefined ? bodyKeyLine : bodyLine + i, message });
  });
  return found;
}

function unshowable(text: string): string | undefined {
  const match = UNSHOWABLE.exec(text);
  if (!match) return undefined;
  const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  if (match[0] >= "\uD800" && match[0] <= "\uDFFF") return `holds half of a character (${code}, an unpaired surrogate), which cannot be written as UTF-8; delete it or write the whole character`;
  const kind = match[0] >= "\uFFFE" ? "noncharacter" : "control character";
  return `holds the ${kind} ${code}, which pages and feeds cannot carry; delete it, or put a space in its place`;
}
