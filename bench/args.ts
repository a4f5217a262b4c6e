import { parseArgs, UsageError, type ParsedArgs } from "../src/cli/args.js";

/**
 * Switches of the scripts that build the synthetic corpus (bench, bench:hugo):
 * `--no-reverse-pages` (writeCorpus), `--with-search` and `--with-cards` (pagesOnlyFlags), `--keep`.
 */
export const CORPUS_BUILD_SWITCHES = ["no-reverse-pages", "with-search", "with-cards", "keep"] as const;

/**
 * The bench script's own command line (see parseArgs): a mistake is one line and exit code 2,
 * as in `versus` itself, not a stack trace.
 * @example const args = benchArgs("bench", ["products", "sectors"], ["keep"])
 */
export function benchArgs(script: string, valued: readonly string[], switches: readonly string[] = []): ParsedArgs {
  try {
    return parseArgs(process.argv.slice(2), valued, switches);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${script}: ${error.message}\n`);
    process.exit(2);
  }
}
