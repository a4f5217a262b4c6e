import path from "node:path";
import type { Problem } from "../content/types.js";
import { TEMPLATES_DIR } from "./nunjucks-environment.js";

/**
 * A template error as a problem line: the innermost template its message names, with the line,
 * and what went wrong. Nunjucks names every template on the way down (page, layout, include),
 * and Eleventy wraps that error in its own; the last template named is the one to fix.
 * Lines and columns are read as Nunjucks prints them: counted from 1, errors met while rendering
 * too, in an environment made by createNunjucksEnvironment (see installErrorLines).
 * Undefined when the error names no template (see errorText).
 * @example
 * formatProblem(templateProblem(new Error("Template render error: (/v/templates/pages/pair.njk) [Line 3, Column 12]\n  unknown block tag: iff"))!)
 * // "templates/pages/pair.njk:3: unknown block tag: iff (column 12)"
 */
export function templateProblem(error: unknown, templatesDir = TEMPLATES_DIR): Problem | undefined {
  const text = innermostMessage(error);
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(/\(([^()\n]+\.njk)\)(?: \[Line (\d+), Column (\d+)\])?/g)) last = m;
  if (!last) return undefined;
  // An error met while rendering wraps a JavaScript error, whose name ("TypeError: ") says
  // nothing to a template's author.
  const what = collapseWhitespace(text.slice(last.index + last[0].length).replace(/^[\s:]*/, "").replace(/^\w*Error: /, "")) || "template error";
  return {
    severity: "error",
    file: displayPath(last[1]!, templatesDir),
    ...(last[2] ? { line: Number(last[2]) } : {}),
    field: "",
    message: last[3] ? `${what} (column ${last[3]})` : what,
  };
}

/**
 * An error's innermost message (under Eleventy's wrappers), in one line.
 * @example errorText(new Error("ENOSPC: no space left\n  at write")) // "ENOSPC: no space left at write"
 */
export function errorText(error: unknown): string {
  return collapseWhitespace(innermostMessage(error));
}

// Eleventy's error says which entry it was rendering; the Nunjucks error inside it says where.
function innermostMessage(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 10; depth++) {
    const inner = (e as { originalError?: unknown } | undefined)?.originalError;
    if (!(inner instanceof Error)) break;
    e = inner;
  }
  return e instanceof Error ? e.message : String(e);
}

/** `templates/…` for a template of this project, however Nunjucks (absolute) or Eleventy (from the working folder) wrote its path. */
function displayPath(file: string, templatesDir: string): string {
  const project = path.dirname(path.resolve(templatesDir));
  const relative = path.relative(project, path.resolve(file)).split(path.sep).join("/");
  return relative.startsWith("..") ? file : relative;
}

// Not content/problems.ts oneLine, which escapes line breaks: a message's own line breaks only wrap it.
function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
