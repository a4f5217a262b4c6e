import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { workerBundle } from "../../src/render/worker-bundle.js";
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

  it("imports packages by absolute file URL, never by bare name", async () => {
    const text = readFileSync(await workerBundle("one", [dir]), "utf8");
    const specifiers = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    expect(specifiers).toContain(new URL("../../node_modules/nunjucks/index.js", import.meta.url).href);
    expect(specifiers.filter((s) => !s.startsWith("node:") && !s.startsWith("file:"))).toEqual([]);
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
    const worker = new Worker(await workerBundle("one", [dir]));
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
});
