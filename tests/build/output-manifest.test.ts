/**
 * The manifest beside an output: read back as written, in the build's order; a manifest of an
 * earlier format (version 1, one key per file; version 2, one flat list) or a damaged one counts
 * as none, so the next build renders everything into a fresh output instead of trusting it.
 * Pages are looked up by place first, and removed files are found with or without a change in
 * the pages.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileCount, lastPageDigests, manifestPath, readManifest, removedFiles, writeManifest, type Manifest } from "../../src/build/output-manifest.js";
import { cleanupRoots } from "../content/helpers.js";
import { build, cleanupTemps, diffTrees, parseSummary, smallRoot, tempDir } from "./build-helpers.js";

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

describe("output manifest", () => {
  it("reads back the pages and files in the order written, with Eleventy's pages and the search inputs", async () => {
    const output = join(await tempDir(), "site");
    const manifest: Manifest = {
      version: 3,
      pages: ["products/nats/index.html", "d1", "compare/a-vs-b/index.html", "d2"],
      files: new Map([["index.html", "d3"], ["assets/site.css", "d4"]]),
      eleventy: { inputs: "i", pages: [{ url: "/", file: "index.html" }] },
      search: "s",
    };
    writeManifest(output, manifest);
    const read = readManifest(output)!;
    expect(read.pages).toEqual(manifest.pages);
    expect([...read.files]).toEqual([...manifest.files]);
    expect(read.eleventy).toEqual(manifest.eleventy);
    expect(read.search).toBe("s");
    expect(fileCount(read)).toBe(4);
  });

  it("finds the last digest of a page at its place, and by name once the pages moved", () => {
    const last = lastPageDigests(["a/index.html", "d1", "b/index.html", "d2", "c/index.html", "d3"]);
    expect(last("a/index.html", 0)).toBe("d1");
    expect(last("b/index.html", 2)).toBe("d2");
    // A page added before c: c is two places further on.
    expect(last("new/index.html", 4)).toBeUndefined();
    expect(last("c/index.html", 6)).toBe("d3");
    expect(last("a/index.html", 8)).toBe("d1");
  });

  it("lists the removed pages and files, whether or not the pages still line up", () => {
    const manifest = (pages: string[], files: string[]): Manifest => ({ version: 3, pages: pages.flatMap((f) => [f, "d"]), files: new Map(files.map((f) => [f, "d"])) });
    const before = manifest(["a/index.html", "b/index.html"], ["index.html", "feed.xml"]);
    expect(removedFiles(before, manifest(["a/index.html", "b/index.html"], ["index.html", "feed.xml"]))).toEqual([]);
    expect(removedFiles(before, manifest(["a/index.html", "b/index.html"], ["index.html"]))).toEqual(["feed.xml"]);
    expect(removedFiles(before, manifest(["b/index.html"], ["index.html", "feed.xml"]))).toEqual(["a/index.html"]);
    expect(removedFiles(before, manifest(["c/index.html", "a/index.html"], ["index.html"]))).toEqual(["b/index.html", "feed.xml"]);
    // A file can change sides (a page becomes one of Eleventy's): it is not removed.
    expect(removedFiles(before, manifest(["a/index.html"], ["index.html", "feed.xml", "b/index.html"]))).toEqual([]);
    expect(removedFiles(before, manifest(["a/index.html", "b/index.html", "feed.xml"], ["index.html"]))).toEqual([]);
  });

  it.each([
    ["the first format", JSON.stringify({ version: 1, files: { "index.html": "x" } })],
    ["the second format", JSON.stringify({ version: 2, files: ["index.html", "x"] })],
    ["a torn file", '{"version":3,"pages":[],"files":["index.html",'],
    ["files that are not a list", JSON.stringify({ version: 3, pages: [], files: { "index.html": "x" } })],
    ["a list of odd length", JSON.stringify({ version: 3, pages: ["index.html"], files: [] })],
    ["a list with other than text", JSON.stringify({ version: 3, pages: ["index.html", 7], files: [] })],
  ])("reads %s as no manifest", async (_, text) => {
    const output = join(await tempDir(), "site");
    writeFileSync(manifestPath(output), text);
    expect(readManifest(output)).toBeUndefined();
  });

  it("a build over an output with an earlier-format manifest renders everything and matches a clean build", async () => {
    const root = await smallRoot();
    const output = join(await tempDir(), "site");
    const first = parseSummary((await build(root, output)).stdout);
    const manifest = readManifest(output)!;
    const files = [...manifest.pages, ...[...manifest.files].flat()];
    writeFileSync(manifestPath(output), JSON.stringify({ version: 2, files }));

    const summary = parseSummary((await build(root, output)).stdout);
    expect(summary).toMatchObject({ files: fileCount(manifest), rendered: first.rendered, written: fileCount(manifest), unchanged: 0 });
    const clean = join(await tempDir(), "site");
    await build(root, clean);
    expect(diffTrees(output, clean)).toEqual({ onlyA: [], onlyB: [], differ: [] });
    expect(readFileSync(manifestPath(output), "utf8")).toBe(readFileSync(manifestPath(clean), "utf8"));
  });
});
