import { formatProblem } from "../content/problems.js";
import type { Problem } from "../content/types.js";
import { plural } from "../compute/plural.js";

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Prints every problem, one line each (already sorted by file and line), and a count.
 * Returns whether any is an error.
 */
export function reportProblems(problems: readonly Problem[], io: Output, outcome: string): boolean {
  for (const p of problems) io.err(formatProblem(p));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (errors > 0) io.err(`${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""}: ${outcome}`);
  return errors > 0;
}
