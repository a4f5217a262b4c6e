import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { CONFIG_FILE, ENTRIES_DIR } from "../eleventy/paths.js";
import { TEMPLATES_DIR } from "../render/nunjucks-environment.js";
import { siteRoot, stringFlag, UsageError, type ParsedArgs } from "./args.js";
import { resolveAsOf } from "../compute/as-of.js";
import { reportTemplateError } from "../eleventy/dev-server-plugin.js";
import { lockOutput, OutputLockedError } from "../build/commit-output.js";
import { isWithin } from "../build/output-folder.js";

/**
 * `versus serve`: Eleventy's dev server with live reload over the root's content. Content and
 * template problems are shown in the terminal and the browser; the server keeps running (unless
 * the very first build fails, when there is nothing to serve).
 */
export async function serveCommand(args: ParsedArgs): Promise<number> {
  const root = siteRoot(args);
  const portText = stringFlag(args, "port", "8080");
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port: expected a port number, found "${portText}"`);
  // Eleventy moves to the next free port; one asked for by name is kept or refused.
  if (args.flags.has("port") && port !== 0 && !(await portIsFree(port))) {
    process.stderr.write(`versus serve: port ${port} is in use; stop what serves on it, or give another with --port\n`);
    return 1;
  }
  // A bad SOURCE_DATE_EPOCH is reported in one line here; inside Eleventy's plugin setup it
  // would end in Eleventy's stack trace.
  resolveAsOf(process.env, Date.now);
  process.env.VERSUS_ROOT = root;
  process.env.VERSUS_DEV = "1";
  // Not _site: that is `versus build`'s, whose manifest must describe every file in it, and a
  // build run while serving would otherwise publish the dev server's pages.
  const output = path.join(root, ".versus-cache", "serve");
  // One dev server per site: a second would empty the first one's folder below.
  let release: () => void;
  try {
    release = lockOutput(output);
  } catch (error) {
    if (!(error instanceof OutputLockedError)) throw error;
    const holder = error.holder === undefined ? "" : ` (process ${error.holder})`;
    process.stderr.write(`versus serve: another versus serve${holder} is serving ${root}; stop it first, or serve a copy of the site\n`);
    return 1;
  }
  try {
    return await serve(root, port, output);
  } finally {
    release();
  }
}

async function serve(root: string, port: number, output: string): Promise<number> {
  // Emptied first: a page an earlier session wrote would be served where the renderer no longer
  // answers (a deleted product's pages).
  rmSync(output, { recursive: true, force: true });
  // Eleventy's watcher sees no change at all when what it watches is not all under the working
  // folder (Versus installed elsewhere than the site): serve from a folder that holds both.
  const both = [root, TEMPLATES_DIR, path.dirname(CONFIG_FILE)];
  if (!both.every((dir) => isWithin(process.cwd(), dir))) process.chdir(commonFolder(both));
  const eleventy = new Eleventy(ENTRIES_DIR, output, { configPath: CONFIG_FILE, runMode: "serve", source: "cli" });
  await eleventy.init();
  // Eleventy prints a failed rebuild's error with its stack trace, once while writing and again
  // from the watcher; Versus prints it once, in one line, and shows it in the browser.
  const reported = new WeakSet<object>();
  const report = (error: unknown): void => {
    if (typeof error === "object" && error !== null) {
      if (reported.has(error)) return;
      reported.add(error);
    }
    reportTemplateError(error);
  };
  eleventy.errorHandler.error = report;
  let rebuild: (file: string) => Promise<void>;
  try {
    rebuild = await eleventy.watch();
  } catch (error) {
    // The first build failed, so Eleventy never started watching: there is nothing to serve yet.
    report(error);
    process.stderr.write("versus serve: the site did not build; fix the template and start versus serve again\n");
    await eleventy.stopWatch().catch(() => undefined);
    return 1;
  }
  // Eleventy 3.1 logs a deleted file but does not rebuild, so a deleted product stayed on the site.
  eleventy.watcher.on("unlink", (file) => void rebuild(file));
  // Eleventy does not listen for the watcher's errors (a link to itself: ELOOP), and an error
  // nobody listens for stops the process with a stack trace.
  eleventy.watcher.on("error", (error) => {
    const where = error.path === undefined ? "a file" : path.relative(root, path.resolve(error.path));
    process.stderr.write(`versus serve: cannot watch ${where} (${error.code ?? error.message}); it is left unwatched\n`);
  });
  await eleventy.serve(port);
  // Runs until interrupted. A signal listener replaces Node's default exit, so the watcher and
  // server must be closed here, or the first Ctrl-C would leave the process running.
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop).off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop).on("SIGTERM", stop);
  });
  await eleventy.stopWatch();
  return 0;
}

/** Whether a server could listen on `port` now (on every interface, as the dev server does). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/**
 * The deepest folder holding every one of `paths` (absolute).
 * @example commonFolder(["/tmp/site", "/opt/versus/templates"]) // "/"
 */
export function commonFolder(paths: readonly string[]): string {
  const [first, ...rest] = paths.map((p) => path.resolve(p).split(path.sep));
  let length = first!.length;
  for (const parts of rest) {
    let i = 0;
    while (i < length && i < parts.length && parts[i] === first![i]) i++;
    length = i;
  }
  return first!.slice(0, length).join(path.sep) || path.sep;
}
