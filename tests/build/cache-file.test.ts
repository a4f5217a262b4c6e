/**
 * The files under `.versus-cache/`: read back only by the version of the code that wrote them,
 * and never a reason for a build to fail.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCacheFile, writeCacheFile } from "../../src/build/cache-file.js";
import { cleanupTemps, tempDir } from "./build-helpers.js";

afterAll(cleanupTemps);

describe("readCacheFile and writeCacheFile", () => {
  it("read back what was written, making the folder, for the same version only", async () => {
    const file = join(await tempDir(), ".versus-cache", "memo.bin");
    writeCacheFile(file, "v1", new Map([["a", { html: "<p>A</p>" }], ["b", { html: "<p>B</p>" }]]));
    expect([...readCacheFile<{ html: string }>(file, "v1")]).toEqual([
      ["a", { html: "<p>A</p>" }],
      ["b", { html: "<p>B</p>" }],
    ]);
    expect(readCacheFile(file, "v2").size).toBe(0);
  });

  it("start empty from a missing or damaged file", async () => {
    const dir = await tempDir();
    expect(readCacheFile(join(dir, "none.bin"), "v1").size).toBe(0);
    writeFileSync(join(dir, "damaged.bin"), "not a serialized map");
    expect(readCacheFile(join(dir, "damaged.bin"), "v1").size).toBe(0);
  });

  it("do not throw when the cache cannot be written", async () => {
    const dir = await tempDir();
    writeFileSync(join(dir, "a-file"), "");
    expect(() => writeCacheFile(join(dir, "a-file", "memo.bin"), "v1", new Map([["a", 1]]))).not.toThrow();
    mkdirSync(join(dir, "taken.bin"));
    expect(() => writeCacheFile(join(dir, "taken.bin"), "v1", new Map([["a", 1]]))).not.toThrow();
  });
});
