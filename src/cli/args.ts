/** Parsed command-line flags: `--name value`, `--name=value` and bare `--flag`. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * @example parseArgs(["build", "--root", "x", "--no-search"]).flags.get("root") // "x"
 */
export function parseArgs(argv: readonly string[], valued: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (eq !== -1) flags.set(name, arg.slice(eq + 1));
    else if (valued.includes(name)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
      i++;
    } else flags.set(name, true);
  }
  return { positional, flags };
}

/** A mistake in how the command was called: one line, exit code 2. */
export class UsageError extends Error {}

export function stringFlag(args: ParsedArgs, name: string, fallback: string): string {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v ?? fallback;
}
