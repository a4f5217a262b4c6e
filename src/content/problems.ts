import type { Problem } from "./types.js";

/**
 * Makes an error problem; `line` and `field` are optional so call sites stay short.
 * @example error("content/products/a.md", "file is empty") // { severity: "error", file, field: "", message }
 */
export function error(file: string, message: string, where: { line?: number | undefined; field?: string } = {}): Problem {
  return make("error", file, message, where);
}

/**
 * Makes a warning problem: reported, but the content still loads.
 * @example warning("content/products/notes.txt", "ignored: ...")
 */
export function warning(file: string, message: string, where: { line?: number | undefined; field?: string } = {}): Problem {
  return make("warning", file, message, where);
}

function make(severity: Problem["severity"], file: string, message: string, where: { line?: number | undefined; field?: string }): Problem {
  const problem: Problem = { severity, file, field: where.field ?? "", message };
  if (where.line !== undefined) problem.line = where.line;
  return problem;
}

/**
 * One problem as one printable line: `file:line: field: message`, without the parts that are
 * unknown, and `warning: ` in front of warnings. Control characters are escaped so a hostile
 * file name or value can never break the one-line-per-problem output.
 * @example formatProblem({ severity: "error", file: "content/products/a.md", line: 7, field: "timeline[2].date", message: "expected an ISO 8601 date, found \"2026-13-01\"" })
 * // 'content/products/a.md:7: timeline[2].date: expected an ISO 8601 date, found "2026-13-01"'
 */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? oneLine(p.file) : `${oneLine(p.file)}:${p.line}`;
  const field = p.field === "" ? "" : `${oneLine(p.field)}: `;
  const prefix = p.severity === "warning" ? "warning: " : "";
  return `${prefix}${where}: ${field}${oneLine(p.message)}`;
}

/**
 * Sorts by file, then line (problems without a line first), then field (numbers in numeric
 * order); stable otherwise, so problems found in file order keep it.
 * @example sortProblems([b, a]) // a new array, [a, b]
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((x, y) => comparePlace(x, y) || compareField(x.field, y.field));
}

/**
 * Adds sorted `more` (warnings found later) to problems already sorted and limited per file, by
 * file and line only, so a file's closing "N more problems" line stays after its shown ones.
 * @example mergeProblems(loaded.problems, sortProblems(staleWarnings))
 */
export function mergeProblems(sorted: readonly Problem[], more: readonly Problem[]): Problem[] {
  return [...sorted, ...more].sort(comparePlace);
}

function comparePlace(x: Problem, y: Problem): number {
  return compare(x.file, y.file) || (x.line ?? 0) - (y.line ?? 0);
}

/** Field paths with their numbers in numeric order: facts.k2 before facts.k10, timeline[9] before timeline[10]. */
function compareField(a: string, b: string): number {
  const x = a.split(/(\d+)/);
  const y = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    // Odd places hold the digit runs.
    const order = i % 2 === 1 ? Number(x[i]) - Number(y[i]) || compare(x[i]!, y[i]!) : compare(x[i]!, y[i]!);
    if (order !== 0) return order;
  }
  return x.length - y.length;
}

/**
 * Keeps the first `limit` problems of each file (in the given order) and puts one line in place
 * of the rest, counting them: a file with thousands of problems is hostile or wholly wrong, and
 * its lines would bury every other file's. The line is an error when any hidden problem is.
 * @example limitPerFile(sortProblems(problems), 50)
 */
export function limitPerFile(problems: readonly Problem[], limit: number): Problem[] {
  const out: Problem[] = [];
  let i = 0;
  while (i < problems.length) {
    const file = problems[i]!.file;
    let end = i;
    while (end < problems.length && problems[end]!.file === file) end++;
    out.push(...problems.slice(i, Math.min(end, i + limit)));
    const hidden = problems.slice(i + limit, end);
    if (hidden.length > 0) {
      const message = `${hidden.length} more ${hidden.length === 1 ? "problem" : "problems"} in this file from here on, not shown; fix the ones above and run check again`;
      const errors = hidden.filter((p) => p.severity === "error").length;
      const line = (errors > 0 ? error : warning)(file, message, { line: hidden[0]!.line });
      out.push({ ...line, hidden: { errors, warnings: hidden.length - errors } });
    }
    i = end;
  }
  return out;
}

/**
 * True when any problem is an error (warnings alone do not stop a build).
 * @example hasErrors([warning("a.md", "w")]) // false
 */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

// Code-unit order, not localeCompare: output must not depend on the machine's locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Escapes control characters (newlines included) as `\n`, `\t` or `\u001b`, and invisible
 * format characters (zero-width spaces, bidi overrides) as `\u200b`: a key with one would
 * otherwise print the same as the name it is mistaken for, or turn the rest of the line around.
 * @example oneLine("a\nb") // "a\\nb"
 * @example oneLine("website\u200b") // "website\\u200b"
 */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
