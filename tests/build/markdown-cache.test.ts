/**
 * Markdown rendered by one build is taken by the next, for the same text, options and code;
 * the cache file keeps only what the last build used.
 */
import { statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { MarkdownCache } from "../../src/build/markdown-cache.js";
import { cleanupTemps, tempDir } from "./build-helpers.js";

afterAll(cleanupTemps);

const FILE = join(".versus-cache", "markdown.bin");

describe("MarkdownCache", () => {
  it("gives a later build's cache what an earlier one rendered, for the same version of the code", async () => {
    const root = await tempDir();
    const first = MarkdownCache.open(root, "v1");
    expect(first.html("key", () => "<p>one</p>")).toBe("<p>one</p>");
    first.save();
    const render = vi.fn(() => "<p>again</p>");
    expect(MarkdownCache.open(root, "v1").html("key", render)).toBe("<p>one</p>");
    expect(render).not.toHaveBeenCalled();
    expect(MarkdownCache.open(root, "v2").html("key", render)).toBe("<p>again</p>");
    expect(MarkdownCache.open(root, "v1").html("other key", render)).toBe("<p>again</p>");
  });

  it("keeps only the entries the last build used", async () => {
    const root = await tempDir();
    const first = MarkdownCache.open(root, "v1");
    first.html("kept", () => "<p>kept</p>");
    first.html("dropped", () => "<p>dropped</p>");
    first.save();
    const second = MarkdownCache.open(root, "v1");
    second.html("kept", () => "<p>new</p>");
    second.save();
    const third = MarkdownCache.open(root, "v1");
    expect(third.html("kept", () => "<p>new</p>")).toBe("<p>kept</p>");
    expect(third.html("dropped", () => "<p>rendered again</p>")).toBe("<p>rendered again</p>");
  });

  it("leaves the file alone when a build used exactly what it holds", async () => {
    const root = await tempDir();
    const first = MarkdownCache.open(root, "v1");
    first.html("a", () => "<p>a</p>");
    first.save();
    // Whole seconds: a millisecond time can come back from the file system a fraction off.
    const old = new Date(Math.floor(Date.now() / 1000 - 60) * 1000);
    utimesSync(join(root, FILE), old, old);
    const second = MarkdownCache.open(root, "v1");
    second.html("a", () => "<p>a</p>");
    second.save();
    expect(statSync(join(root, FILE)).mtimeMs).toBe(old.getTime());
    const third = MarkdownCache.open(root, "v1");
    third.html("b", () => "<p>b</p>");
    third.html("a", () => "<p>a</p>");
    third.save();
    expect(statSync(join(root, FILE)).mtimeMs).toBeGreaterThan(old.getTime());
  });
});
