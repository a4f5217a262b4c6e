import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { workerBundle } from "../../src/render/worker-bundle.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "versus-bundles-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("workerBundle", () => {
  it("builds one bundle per key and reuses it", async () => {
    const url = await workerBundle("one", dir);
    expect(fileURLToPath(url)).toBe(path.join(dir, "render-worker-one.mjs"));
    const again = await workerBundle("one", dir);
    expect(again.href).toBe(url.href);
    expect(readdirSync(dir)).toEqual(["render-worker-one.mjs"]);
  }, 30_000);

  it("deletes other versions' bundles older than a day when it builds a new one, and keeps the rest", async () => {
    const old = path.join(dir, "render-worker-old.mjs");
    const recent = path.join(dir, "render-worker-recent.mjs");
    const other = path.join(dir, "notes.txt");
    for (const f of [old, recent, other]) writeFileSync(f, "");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    utimesSync(other, twoDaysAgo, twoDaysAgo);
    await workerBundle("two", dir);
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["notes.txt", "render-worker-one.mjs", "render-worker-recent.mjs", "render-worker-two.mjs"]);
  }, 30_000);
});
