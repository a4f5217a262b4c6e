import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { init as initModuleLexer, parse as parseModule } from "es-module-lexer";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_ELEVENTY_CONFIG, CLI_MAIN, cliBundleDir } from "../../bin/bundle-cache.js";
import { cliBundle, startBundleWorker, workerBundle } from "../../src/build/code-bundles.js";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "../../src/render/page-jobs.js";

// Outside any node_modules, so a bundle here must run without package lookups from its folder.
const dir = mkdtempSync(path.join(os.tmpdir(), "versus-bundles-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BUNDLE_NAME = /^render-worker-[A-Za-z0-9_-]{16}\.mjs$/;

describe("workerBundle", () => {
  it("builds one bundle per key and reuses it", async () => {
    const url = await workerBundle("one", [dir]);
    expect(path.dirname(fileURLToPath(url))).toBe(dir);
    expect(path.basename(fileURLToPath(url))).toMatch(BUNDLE_NAME);
    const again = await workerBundle("one", [dir]);
    expect(again.href).toBe(url.href);
    expect(readdirSync(dir)).toEqual([path.basename(fileURLToPath(url))]);
  }, 30_000);

  it("deletes other versions' bundles older than a day when it builds a new one, and keeps the rest", async () => {
    const one = path.basename(fileURLToPath(await workerBundle("one", [dir])));
    const old = path.join(dir, "render-worker-old.mjs");
    const recent = path.join(dir, "render-worker-recent.mjs");
    const other = path.join(dir, "notes.txt");
    for (const f of [old, recent, other]) writeFileSync(f, "");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    utimesSync(other, twoDaysAgo, twoDaysAgo);
    const two = path.basename(fileURLToPath(await workerBundle("two", [dir])));
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["notes.txt", one, "render-worker-recent.mjs", two].sort());
  }, 30_000);

  it("bundles another worker under its own name, and prunes only that worker's old bundles", async () => {
    const cardWorker = fileURLToPath(new URL("../../src/social-cards/card-worker.ts", import.meta.url));
    const old = path.join(dir, "render-worker-old2.mjs");
    writeFileSync(old, "");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    const card = path.basename(fileURLToPath(await workerBundle("one", [dir], cardWorker)));
    expect(card).toMatch(/^card-worker-[A-Za-z0-9_-]{16}\.mjs$/);
    expect(existsSync(old)).toBe(true);
    rmSync(old);
  }, 30_000);

  it("carries the pure packages it uses, and imports the others by absolute file URL, never by bare name", async () => {
    const file = fileURLToPath(await workerBundle("one", [dir]));
    expect(importedModules(file)).not.toContain(new URL("../../node_modules/nunjucks/index.js", import.meta.url).href);
    expect(inlineSourceMap(file).sources.map((s) => path.resolve(dir, s))).toContain(fileURLToPath(new URL("../../node_modules/nunjucks/src/environment.js", import.meta.url)));
    const cardWorker = fileURLToPath(new URL("../../src/social-cards/card-worker.ts", import.meta.url));
    const card = importedModules(fileURLToPath(await workerBundle("one", [dir], cardWorker)));
    // satori loads its WebAssembly from its own folder: it stays there.
    expect(card.some((s) => s.startsWith(new URL("../../node_modules/satori/", import.meta.url).href))).toBe(true);
    expect([...importedModules(file), ...card].filter((s) => !s.startsWith("node:") && !s.startsWith("file:"))).toEqual([]);
  }, 30_000);

  // A container that builds as a non-root user often cannot write the installed package's folders.
  it("uses the next folder when the first cannot be written", async () => {
    const file = path.join(dir, "a-file");
    writeFileSync(file, "");
    const fallback = path.join(dir, "fallback");
    const url = await workerBundle("three", [path.join(file, "cache"), fallback]);
    expect(path.dirname(fileURLToPath(url))).toBe(fallback);
    await expect(workerBundle("three", [path.join(file, "cache")])).rejects.toThrow(/ENOTDIR|EEXIST/);
  }, 30_000);

  it("renders in a worker from a folder outside node_modules", async () => {
    const outDir = path.join(dir, "out");
    const setup = { context: { site: { url: "https://example.com" }, productPages: {}, alternativesPages: {} }, outDir } as unknown as WorkerSetup;
    const worker = startBundleWorker(await workerBundle("one", [dir]));
    try {
      const reply = await new Promise<WorkerReply>((resolve, reject) => {
        worker.once("message", resolve).once("error", reject);
        worker.postMessage(setup);
        const request: WorkerRequest = {
          jobs: [{ kind: "redirect", file: "compare/b-vs-a/index.html", from: "/compare/b-vs-a/", to: "/compare/a-vs-b/" }],
          pages: { productPages: {}, alternativesPages: {} },
        };
        worker.postMessage(request);
      });
      expect(reply).toEqual({ done: 1, unchanged: [] });
    } finally {
      await worker.terminate();
    }
    expect(readFileSync(path.join(outDir, "compare/b-vs-a/index.html"), "utf8")).toContain('<link rel="canonical" href="https://example.com/compare/a-vs-b/">');
  }, 30_000);

  it("starts a thread whose stack traces name lines of the TypeScript source when this thread has source maps on", async () => {
    const source = fileURLToPath(new URL("./support/throwing-worker.ts", import.meta.url));
    const entry = await workerBundle("one", [dir], source);
    const failure = (): Promise<Error> => new Promise<Error>((resolve) => startBundleWorker(entry).once("error", resolve));
    const was = process.sourceMapsEnabled;
    try {
      process.setSourceMapsEnabled(false);
      const plain = await failure();
      expect(plain.message).toBe("thrown in a worker bundle");
      expect(plain.stack).toContain(`at failAtOnce (${entry.href}:`);
      process.setSourceMapsEnabled(true);
      expect((await failure()).stack).toContain(`at failAtOnce (${source}:3:9)`);
    } finally {
      process.setSourceMapsEnabled(was);
    }
  }, 30_000);
});

await initModuleLexer;

/** What a bundle imports statically: modules it loads from outside itself. Bundles are minified, so read with a lexer. */
function importedModules(file: string): string[] {
  const [imports] = parseModule(readFileSync(file, "utf8"));
  return imports.filter((i) => i.d === -1).map((i) => i.n!);
}

/** The source map inlined at the end of a bundle file. */
function inlineSourceMap(file: string): { sources: string[]; sourcesContent?: unknown } {
  const m = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(readFileSync(file, "utf8"));
  if (!m) throw new Error(`${file} has no inline source map`);
  return JSON.parse(Buffer.from(m[1]!, "base64").toString("utf8")) as { sources: string[] };
}

describe("cliBundle", () => {
  // A version no real code has, so the test neither finds nor leaves a bundle a run would use.
  const version = `test-${process.pid}-${Date.now()}`;
  const folder = cliBundleDir(version);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("makes the command and Eleventy's config one bundle per version, split into chunks, and reuses it", async () => {
    const url = await cliBundle(version);
    expect(fileURLToPath(url)).toBe(path.join(folder, CLI_MAIN));
    const files = readdirSync(folder);
    expect(files).toContain(CLI_ELEVENTY_CONFIG);
    expect(files.filter((f) => f.startsWith("chunk-")).length).toBeGreaterThan(1);
    const made = statSync(fileURLToPath(url)).mtimeMs;
    expect(await cliBundle(version)).toBe(url);
    expect(statSync(fileURLToPath(url)).mtimeMs).toBe(made);
    expect(readdirSync(path.dirname(folder)).filter((f) => f.startsWith(`${path.basename(folder)}.`))).toEqual([]);
  }, 60_000);

  // The build fills the model store of the bundle; a config loaded from the TypeScript source would
  // read a second, empty one.
  it("points Eleventy at the bundle's own config, which shares the command's modules", async () => {
    await cliBundle(version);
    const texts = readdirSync(folder).map((f) => readFileSync(path.join(folder, f), "utf8"));
    expect(texts.filter((t) => t.includes(JSON.stringify(path.join(folder, CLI_ELEVENTY_CONFIG)))).length).toBe(1);
    expect(texts.some((t) => t.includes("VERSUS_BUNDLED_ELEVENTY_CONFIG"))).toBe(false);
    expect(texts.filter((t) => t.includes("The site model is not loaded"))).toHaveLength(1);
  }, 60_000);

  it("carries source maps that lead to the TypeScript source, without copies of it", async () => {
    const map = inlineSourceMap(fileURLToPath(await cliBundle(version)));
    const sources = map.sources.map((s) => path.resolve(folder, s));
    expect(sources).toContain(fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url)));
    expect(map.sourcesContent).toBeUndefined();
  }, 60_000);

  it("keeps the module URLs of the source, also in the code that makes bundles", async () => {
    await cliBundle(version);
    const files = readdirSync(folder).map((f) => path.join(folder, f));
    const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
    // The render threads' bundle is made from the source beside this file's source.
    expect(text).toContain(JSON.stringify(new URL("../../src/build/code-bundles.ts", import.meta.url).href));
    expect(text).not.toMatch(/\bimport\.meta\.url\b/);
    // Not bundled: the launcher's copy, and the code version it hashed, are shared.
    expect(files.flatMap(importedModules)).toContain(new URL("../../bin/bundle-cache.js", import.meta.url).href);
  }, 60_000);

  // Loading them file by file took about 0.3 s of every command's start (docs/performance.md).
  it("carries Eleventy, Nunjucks, markdown-it, zod, yaml and gray-matter, one copy of each", async () => {
    await cliBundle(version);
    const chunks = readdirSync(folder).map((f) => path.join(folder, f));
    const imported = new Set(chunks.flatMap(importedModules));
    const modules = new URL("../../node_modules/", import.meta.url).href;
    for (const name of ["@11ty/eleventy/", "nunjucks/", "markdown-it/", "zod/", "yaml/", "gray-matter/"]) {
      expect([...imported].filter((s) => s.startsWith(modules + name))).toEqual([]);
    }
    const sources = chunks.flatMap((f) => inlineSourceMap(f).sources.map((s) => path.resolve(folder, s)));
    const environment = fileURLToPath(new URL("../../node_modules/nunjucks/src/environment.js", import.meta.url));
    expect(sources.filter((s) => s === environment)).toHaveLength(1);
    // Eleventy finds its own package.json through the URL of its source file.
    const text = chunks.map((f) => readFileSync(f, "utf8")).join("\n");
    expect(text).toContain(JSON.stringify(new URL("../../node_modules/@11ty/eleventy/src/Util/Require.js", import.meta.url).href));
  }, 60_000);
});
