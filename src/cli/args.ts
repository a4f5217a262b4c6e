import { statSync } from "node:fs";
import path from "node:path";
import { didYouMean } from "../content/did-you-mean.js";

/** Parsed command-line flags: `--name value`, `--name=value` and bare `--flag`. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
}

/**
 * Reads `--name value` / `--name=value` for the `valued` options and bare `--name` for the
 * `switches`. Anything else is a UsageError: a mistyped `--no-serach` must not quietly build
 * with search, and no command here takes positional arguments.
 * @example parseArgs(["--root", "x", "--no-search"], ["root"], ["no-search"]).flags.get("root") // "x"
 * @example parseArgs(["--no-serach"], ["root"], ["no-search"]) // throws "unknown option --no-serach; did you mean --no-search?"
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    // Two values for one option: which one was meant is a guess.
    if (flags.has(name) && valued.includes(name)) throw new UsageError(`--${name} is given twice; give it once`);
    if (valued.includes(name)) {
      const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
      if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
      if (eq === -1) i++;
    } else if (switches.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else {
      const known = [...valued, ...switches];
      const close = didYouMean(name, known);
      const hint = close ? `did you mean --${close}?` : known.length ? `expected one of ${known.map((k) => `--${k}`).join(", ")}` : "this command takes no options";
      throw new UsageError(`unknown option --${name}; ${hint}`);
    }
  }
  return { flags };
}

/** A mistake in how the command was called: one line, exit code 2. */
export class UsageError extends Error {}

/**
 * The site root `--root` names (the working folder by default), as an absolute path. A folder
 * that is missing, or holds neither content/ nor data/, is a mistake in the command, not a site
 * with every file missing.
 * @example siteRoot(parseArgs(["--root", "../site"], …)) // "/home/me/site"
 */
export function siteRoot(args: ParsedArgs): string {
  const root = path.resolve(stringFlag(args, "root", "."));
  if (!isFolder(root)) throw new UsageError(`--root: no folder ${root}`);
  if (!isFolder(path.join(root, "content")) && !isFolder(path.join(root, "data"))) {
    throw new UsageError(`${root} is not a site root: it has no content/ or data/ folder; run the command in a site root, or give one with --root`);
  }
  return root;
}

/**
 * Whether `dir` is a folder (following links); false when it is missing or a file.
 * @example isFolder("/tmp") // true
 */
export function isFolder(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The value of a `valued` option, or `fallback` when it was not given. */
export function stringFlag(args: ParsedArgs, name: string, fallback: string): string {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : fallback;
}
