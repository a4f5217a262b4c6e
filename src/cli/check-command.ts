import { loadRoot } from "../content/load-root.js";
import { mergeProblems, sortProblems } from "../content/problems.js";
import { resolveAsOf } from "../compute/as-of.js";
import { plural } from "../compute/plural.js";
import { findStale } from "../authoring/staleness.js";
import { findCardGlyphGaps } from "../authoring/card-glyphs.js";
import { openRecordCache } from "../build/record-cache-file.js";
import { siteRoot, type ParsedArgs } from "./args.js";
import { problemAnnotations, reportProblems, type Output } from "./report.js";

/**
 * `versus check`: every problem in the root, one line each, exit 1 on any error; otherwise the
 * warnings (staleness, stray files, text social cards cannot draw) and a one-line summary.
 */
export async function checkCommand(args: ParsedArgs, io: Output): Promise<number> {
  const root = siteRoot(args);
  const annotate = problemAnnotations(args, root);
  const loaded = await loadRoot(root, { recordCache: openRecordCache(root) });
  const content = loaded.content;
  // Checked one record at a time, so the valid records of a root with errors get them too.
  const records = content ?? loaded.validRecords;
  const found = records ? [...findStale(records, resolveAsOf(process.env, Date.now).ms), ...findCardGlyphGaps(records)] : [];
  // Found on the loaded content, which keeps no lines: the loader still knows them.
  const warnings = found.map((p) => {
    const line = p.field === undefined ? undefined : loaded.lineOf?.(p.file, p.field);
    return line === undefined ? p : { ...p, line };
  });
  if (reportProblems(mergeProblems(loaded.problems, sortProblems(warnings)), io, "fix them and run check again", annotate)) return 1;
  io.out(
    `ok: ${plural(content!.products.length, "product")}, ${plural(content!.sectors.length, "sector")}, ` +
      `${plural(content!.comparisons.length, "comparison")}, ${plural(content!.matrices.length, "matrix", "matrices")}`,
  );
  return 0;
}
