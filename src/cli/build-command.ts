import path from "node:path";
import { buildSite } from "../build/build-site.js";
import { UnsafeOutputError } from "../build/output-folder.js";
import { parseShard, WHOLE_SITE } from "../build/shard.js";
import { siteRoot, stringFlag, UsageError, type ParsedArgs } from "./args.js";
import { httpsSiteUrl } from "../content/schema/common.js";
import { problemAnnotations, reportProblems, type Output } from "./report.js";
import { formatProblem } from "../content/problems.js";
import { errorText, templateProblem } from "../render/template-error.js";

/** `versus build`: validate, then build into the output folder; one summary line on success. */
export async function buildCommand(args: ParsedArgs, io: Output): Promise<number> {
  const started = Date.now();
  const root = siteRoot(args);
  const output = path.resolve(stringFlag(args, "output", path.join(root, "_site")));
  let shard = WHOLE_SITE;
  if (args.flags.has("shard")) {
    try {
      shard = parseShard(stringFlag(args, "shard", ""));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const annotate = problemAnnotations(args, root);
  const url = args.flags.has("url") ? siteUrlFlag(stringFlag(args, "url", "")) : undefined;
  let result;
  try {
    result = await buildSite({
      root,
      output,
      shard,
      ...(url === undefined ? {} : { url }),
      search: !args.flags.has("no-search"),
      socialCards: !args.flags.has("no-social-cards"),
    });
  } catch (error) {
    if (error instanceof UnsafeOutputError) throw new UsageError(error.message);
    // A template or file-system failure: one line, the previous output stays as it was.
    const problem = templateProblem(error);
    io.err(`versus build: ${problem ? formatProblem(problem) : errorText(error)}; the previous output was left unchanged`);
    return 1;
  }
  if (!result.ok) {
    reportProblems(result.problems, io, "nothing was built", annotate);
    return 1;
  }
  reportProblems(result.warnings, io, "", annotate);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const share = shard.count > 1 ? ` (shard ${shard.index}/${shard.count})` : "";
  io.out(
    `built ${result.pages} pages${share} in ${seconds}s → ${shownPath(output)} ` +
      `(${result.files} files: ${result.rendered} rendered, ${result.written} written, ${result.removed} removed, ${result.files - result.written} unchanged)`,
  );
  return 0;
}

/** `--url`, checked by the rule site.json's `url` follows. */
function siteUrlFlag(value: string): string {
  const checked = httpsSiteUrl.safeParse(value);
  if (!checked.success) throw new UsageError(`--url: ${checked.error.issues[0]!.message}, found ${JSON.stringify(value)}`);
  return value;
}

/**
 * The output folder as the summary names it: relative to the working folder when inside it,
 * else its full path, which "../../.." would only make harder to read.
 * @example shownPath("/work/site/_site") // "_site", run from /work/site
 * @example shownPath("/tmp/out") // "/tmp/out", run from /work/site
 */
function shownPath(output: string): string {
  const relative = path.relative(process.cwd(), output);
  if (relative === "") return ".";
  return relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? output : relative;
}
