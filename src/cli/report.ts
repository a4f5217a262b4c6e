import path from "node:path";
import { formatProblem } from "../content/problems.js";
import type { Problem } from "../content/types.js";
import { plural } from "../compute/plural.js";
import { stringFlag, UsageError, type ParsedArgs } from "./args.js";
import { githubAnnotation } from "./github-annotations.js";

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Prints every problem, one line each (already sorted by file and line), and a count. With
 * `annotate` (see problemAnnotations), each problem also goes to stdout in that form.
 * Returns whether any is an error.
 */
export function reportProblems(problems: readonly Problem[], io: Output, outcome: string, annotate?: (p: Problem) => string): boolean {
  for (const p of problems) {
    io.err(formatProblem(p));
    if (annotate) io.out(annotate(p));
  }
  // A line standing for problems not shown counts as those problems.
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    errors += p.hidden ? p.hidden.errors : p.severity === "error" ? 1 : 0;
    warnings += p.hidden ? p.hidden.warnings : p.severity === "warning" ? 1 : 0;
  }
  if (errors > 0) io.err(`${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""}: ${outcome}`);
  return errors > 0;
}

/**
 * What `--reporter` asks for besides the problem lines: for `github`, each problem as a GitHub
 * Actions annotation on its file (a path from GITHUB_WORKSPACE, the repository's root, or else
 * the working folder) and line; for `text`, the default, nothing.
 * @example problemAnnotations(parseArgs(["--reporter", "github"], ["reporter"]), "/repo/site")
 */
export function problemAnnotations(args: ParsedArgs, root: string, env: NodeJS.ProcessEnv = process.env): ((p: Problem) => string) | undefined {
  const reporter = stringFlag(args, "reporter", "text");
  if (reporter === "text") return undefined;
  if (reporter !== "github") throw new UsageError(`--reporter: expected text or github, found ${JSON.stringify(reporter)}`);
  const repository = env.GITHUB_WORKSPACE || process.cwd();
  return (p) => githubAnnotation(p, path.relative(repository, path.join(root, p.file)).split(path.sep).join("/"));
}
