/**
 * The built example site, for tests and scripts/audit.ts:
 *
 * - `buildExampleSite(dir?)` runs `versus build` once into a folder (a fresh temp folder by default).
 * - `builtSiteDir()` is what test files call: it returns the folder `tests/helpers/global-setup.ts`
 *   built once for the whole run (handed over with vitest's provide/inject, and as the env var
 *   VERSUS_SITE_DIR). Without that global setup (a config that lacks it) the test files of a run
 *   share one build made by whichever worker asks first.
 * - `startStaticServer(root)` serves a folder on 127.0.0.1 (random port) the way a static host does:
 *   index.html for directories, 404.html with status 404 for anything missing.
 *
 * Nothing here imports vitest at module level, so scripts can use it outside a test run.
 */
import { createReadStream, existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { isMainThread } from "node:worker_threads";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { runCaptured } from "./run-captured.js";
import { isProcessRunning } from "../../src/build/process-running.js";

/** The repository root (this file is tests/helpers/built-site.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Fixed build clock, so relative times and velocity scores are the same on every run. */
export const SOURCE_DATE_EPOCH = "1779451200";

/** The env var (and provide/inject key) that carries the built folder to test workers. */
export const SITE_DIR_ENV = "VERSUS_SITE_DIR";

export interface BuildResult {
  /** The built site. */
  dir: string;
  /**
   * Removes what the build made when it chose the folder itself (a temp folder holding the site
   * and the build's `<out>.versus-manifest.json` next to it); a no-op for a caller-given `out`.
   */
  cleanup(): Promise<void>;
  /** The one summary line `versus build` prints. */
  summary: string;
  ms: number;
}

export interface BuildOptions {
  /** Output folder; a new temp folder by default. */
  out?: string;
  /** Content root (holds content/ and data/); the repository's example site by default. */
  root?: string;
  /** Extra `versus build` flags, e.g. ["--no-social-cards", "--no-search"]. */
  args?: string[];
}

/** Runs `versus build` (the example site unless `root` is given) with the fixed SOURCE_DATE_EPOCH. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  // The build writes `<out>.versus-manifest.json` beside `out`, so a temp build goes one level down.
  const parent = options.out ? undefined : await mkdtemp(join(tmpdir(), "versus-site-"));
  const out = options.out ?? join(parent!, "site");
  const cleanup = async (): Promise<void> => {
    if (parent) await rm(parent, { recursive: true, force: true });
  };
  const started = Date.now();
  const argv = [join(REPO_ROOT, "bin", "versus.js"), "build", "--output", out];
  if (options.root) argv.push("--root", options.root);
  argv.push(...(options.args ?? []));
  const { code, stdout, stderr } = await runCaptured(process.execPath, argv, {
    cwd: REPO_ROOT,
    env: { ...process.env, SOURCE_DATE_EPOCH },
  });
  if (code !== 0) {
    await cleanup();
    throw new Error(`versus build exited ${code}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
  }
  return { dir: out, cleanup, summary: stdout.trim(), ms: Date.now() - started };
}

/**
 * The example site with its `url` set to `url`, such as a GitHub Pages project site's
 * "https://user.github.io/repo/", built into a new temp folder from a copy of its root.
 */
export async function buildExampleSiteAt(url: string, args: string[] = []): Promise<BuildResult> {
  const root = await mkdtemp(join(tmpdir(), "versus-root-"));
  const removeRoot = () => rm(root, { recursive: true, force: true });
  try {
    for (const folder of ["content", "data"]) await cp(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
    const settings = JSON.parse(await readFile(join(root, "data", "site.json"), "utf8")) as Record<string, unknown>;
    await writeFile(join(root, "data", "site.json"), JSON.stringify({ ...settings, url }, null, 2));
    const built = await buildSite({ root, args });
    return { ...built, cleanup: async () => void (await Promise.all([built.cleanup(), removeRoot()])) };
  } catch (error) {
    await removeRoot();
    throw error;
  }
}

/** Builds the example site (content/ and data/ in the repo) into `dir`, or a new temp folder. */
export function buildExampleSite(dir?: string): Promise<BuildResult> {
  return buildSite(dir ? { out: dir } : {});
}

let fallbackBuild: Promise<string> | undefined;

const FALLBACK_PREFIX = "versus-test-site-run";

/** Removes fallback builds of earlier runs (their vitest process is gone). */
async function removeStaleFallbackBuilds(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.slice(FALLBACK_PREFIX.length));
    if (name.startsWith(FALLBACK_PREFIX) && Number.isInteger(pid) && pid > 0 && !isProcessRunning(pid)) {
      await rm(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/**
 * Without the global setup: one build per vitest run, shared by its test-file workers, in
 * $TMPDIR/versus-test-site-run<PID of the vitest process>/.
 * The first worker builds under a mkdir lock; the others wait for its "build-complete" marker.
 * Folders of finished runs are removed by the next run.
 */
async function sharedFallbackBuild(): Promise<string> {
  // The vitest process: the parent of a "forks" worker, or this very process for a "threads" worker.
  const vitestPid = isMainThread ? process.ppid : process.pid;
  const parent = join(tmpdir(), `${FALLBACK_PREFIX}${vitestPid}`);
  const dir = join(parent, "site");
  const done = join(parent, "build-complete");
  const failed = join(parent, "build-failed");
  if (existsSync(done)) return dir;
  await removeStaleFallbackBuilds();
  await mkdir(parent, { recursive: true });
  let owner = false;
  try {
    await mkdir(join(parent, "lock"));
    owner = true;
  } catch {
    owner = false;
  }
  if (owner) {
    console.warn(
      "[built-site] no global setup (add tests/helpers/global-setup.ts to vitest.config.ts test.globalSetup); building the example site for this run",
    );
    try {
      await buildSite({ out: dir });
      await writeFile(done, new Date().toISOString());
    } catch (error) {
      await writeFile(failed, String(error));
      throw error;
    }
    return dir;
  }
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (existsSync(done)) return dir;
    if (existsSync(failed)) throw new Error(`the shared example-site build failed:\n${await readFile(failed, "utf8")}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
  }
  throw new Error(`timed out waiting for the shared example-site build in ${parent}`);
}

/**
 * The built site folder for this test run. Prefers the folder built by the global setup
 * (tests/helpers/global-setup.ts, handed over by provide/inject or VERSUS_SITE_DIR); without it,
 * one shared build per vitest run (see sharedFallbackBuild).
 */
export async function builtSiteDir(): Promise<string> {
  let provided: string | undefined;
  try {
    const vitest = await import("vitest");
    provided = (vitest.inject as (key: string) => unknown)(SITE_DIR_ENV) as string | undefined;
  } catch {
    provided = undefined; // not inside a vitest worker
  }
  provided ||= process.env[SITE_DIR_ENV];
  if (provided) return provided;
  fallbackBuild ??= sharedFallbackBuild();
  return fallbackBuild;
}

/** Every file under `root`, as site paths with forward slashes and no leading slash ("compare/a-vs-b/index.html"). */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** Every HTML file under `root`, as site paths (see listFiles). */
export async function listHtmlFiles(root: string): Promise<string[]> {
  return (await listFiles(root)).filter((f) => f.endsWith(".html"));
}

/** The site path a file is served at: "compare/a-vs-b/index.html" → "/compare/a-vs-b/", "404.html" → "/404.html". */
export function urlPathOf(file: string): string {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}

// ---------------------------------------------------------------------------------------------
// Static server

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".jsonld": "application/ld+json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  // Pagefind's index chunks
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

export interface StaticServerOptions {
  /** Serve the folder under this path ("/repo"), as GitHub Pages serves a project site; other paths are 404. */
  basePath?: string;
  /**
   * Apply the headers from the site's `_headers` file (Netlify/Cloudflare format: a path pattern
   * line, then indented `Name: value` lines), e.g. the production Content-Security-Policy.
   */
  productionHeaders?: boolean;
}

export interface StaticServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** Absolute URL for a site path ("/compare/a-vs-b/"), under the base path if any. */
  url(path: string): string;
  close(): Promise<void>;
}

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

async function readHeaderRules(root: string): Promise<HeaderRule[]> {
  let text: string;
  try {
    text = await readFile(join(root, "_headers"), "utf8");
  } catch {
    return [];
  }
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
      current = { pattern: new RegExp(`^${source}$`), headers: [] };
      rules.push(current);
    } else if (current) {
      const colon = line.indexOf(":");
      if (colon > 0) current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** Serves `root` on 127.0.0.1 at a random port. GET and HEAD only. */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const rules = options.productionHeaders ? await readHeaderRules(base) : [];
  const basePath = options.basePath ?? "";

  const server: Server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? "GET";
      if (method !== "GET" && method !== "HEAD") {
        res.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
      }
      const url = new URL(req.url ?? "/", "http://localhost");
      if (!url.pathname.startsWith(`${basePath}/`)) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname.slice(basePath.length));
      } catch {
        res.writeHead(400).end();
        return;
      }
      for (const rule of rules) {
        if (rule.pattern.test(url.pathname)) for (const [name, value] of rule.headers) res.setHeader(name, value);
      }
      let file = resolve(base, `.${pathname}`);
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!pathname.endsWith("/")) {
          // What static hosts do for a folder without its trailing slash.
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, "index.html");
        info = await stat(file).catch(() => undefined);
      }
      let status = 200;
      if (!info?.isFile()) {
        status = 404;
        file = join(base, "404.html");
        info = await stat(file).catch(() => undefined);
        if (!info?.isFile()) {
          res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
          return;
        }
      }
      res.writeHead(status, {
        "Content-Type": contentTypeOf(file),
        "Content-Length": String(info.size),
        "Cache-Control": "no-store",
      });
      if (method === "HEAD") {
        res.end();
        return;
      }
      createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(String(error));
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path: string) => new URL(basePath + path, origin).href,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolvePromise()));
      }),
  };
}
