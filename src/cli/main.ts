import path from "node:path";
import { AsOfError } from "../compute/as-of.js";
import { parseArgs, stringFlag, UsageError } from "./args.js";

const USAGE = `usage: versus <command> [options]

  check   [--root DIR] [--reporter github]   validate content, print every problem
  build   [--root DIR] [--output DIR] [--shard K/N] [--url URL] [--no-search] [--no-social-cards] [--reporter github]
  serve   [--root DIR] [--port N]            dev server with live reload
  new     product <slug> --sector <s> --name "<name>" | comparison <a> <b> | matrix <slug> --columns a,b,c | sector <slug> --name "<name>"
  schema  [--root DIR] [--check] [--out DIR] write (or check) the JSON Schemas in schemas/

  --help shows this; --version the version.`;

/**
 * Runs one command; returns the process exit code. Content problems are printed, never thrown.
 * Each command is loaded when called, so `check` does not pay for Eleventy or the renderers.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  // Asked for help with any command: the usage, not an "unknown option" error.
  if (rest.includes("--help") || rest.includes("-h")) {
    out(USAGE);
    return 0;
  }
  try {
    switch (command) {
      case "check":
        return await (await import("./check-command.js")).checkCommand(parseArgs(rest, ["root", "reporter"]), { out, err });
      case "build":
        return await (await import("./build-command.js")).buildCommand(parseArgs(rest, ["root", "output", "shard", "url", "reporter"], ["no-search", "no-social-cards"]), { out, err });
      case "serve":
        return await (await import("./serve-command.js")).serveCommand(parseArgs(rest, ["root", "port"]));
      case "schema": {
        const args = parseArgs(rest, ["out", "root"], ["check"]);
        const { schemaCommand } = await import("../authoring/schema-command.js");
        // The site root's schemas/ folder, as the README says every command takes --root.
        const outDir = stringFlag(args, "out", path.join(stringFlag(args, "root", "."), "schemas"));
        const result = await schemaCommand({ outDir, check: args.flags.has("check") });
        result.lines.forEach(result.exitCode === 0 ? out : err);
        return result.exitCode;
      }
      case "new": {
        const today = new Date().toISOString().slice(0, 10);
        const { newCommand } = await import("../authoring/new-command.js");
        const result = await newCommand([...rest], { root: process.cwd(), today });
        result.lines.forEach(result.exitCode === 0 ? out : err);
        return result.exitCode;
      }
      case "--version":
      case "-v":
        out(await versionText());
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        err(`versus: unknown command "${command}"`);
        err(USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`versus ${command}: ${error.message}`);
      return 2;
    }
    if (error instanceof AsOfError) {
      err(error.message);
      return 1;
    }
    // The file system said no (a folder that is a file, no permission, a full disk): the
    // caller's environment, not a bug, so one line without a stack.
    if (isSystemError(error)) {
      err(`versus ${command}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function isSystemError(error: unknown): error is Error & { code: string; syscall: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string" && typeof (error as { syscall?: unknown }).syscall === "string";
}

/** "versus 0.1.0", from this installation's package.json. */
async function versionText(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const { PROJECT_DIR } = await import("../../bin/bundle-cache.js");
  const pkg = JSON.parse(await readFile(`${PROJECT_DIR}package.json`, "utf8")) as { version: string };
  return `versus ${pkg.version}`;
}
