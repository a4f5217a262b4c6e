/**
 * The manifest beside an output: read back as written, in the build's order; a manifest of the
 * earlier format (version 1, one key per file) or a damaged one counts as none, so the next
 * build renders everything into a fresh output instead of trusting it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { manifestPath, readManifest, writeManifest, type Manifest } from "../../src/build/output-manifest.js";
import { cleanupRoots } from "../content/helpers.js";
import { build, cleanupTemps, diffTrees, parseSummary, smallRoot, tempDir } from "./build-helpers.js";

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

describe("output manifest", () => {
  it("reads back the files in the order written, with Eleventy's pages", async () => {
    const output = join(await tempDir(), "site");
    const manifest: Manifest = {
      version: 2,
      files: new Map([["products/nats/index.html", "d1"], ["compare/a-vs-b/index.html", "d2"], ["assets/site.css", "d3"]]),
      eleventy: { inputs: "i", pages: [{ url: "/", file: "index.html" }] },
    };
    writeManifest(output, manifest);
    const read = readManifest(output)!;
    expect([...read.files]).toEqual([...manifest.files]);
    expect(read.eleventy).toEqual(manifest.eleventy);
  });

  it.each([
    ["the earlier format", JSON.stringify({ version: 1, files: { "index.html": "x" } })],
    ["a torn file", '{"version":2,"files":["index.html",'],
    ["files that are not a list", JSON.stringify({ version: 2, files: { "index.html": "x" } })],
  ])("reads %s as no manifest", async (_, text) => {
    const output = join(await tempDir(), "site");
    writeFileSync(manifestPath(output), text);
    expect(readManifest(output)).toBeUndefined();
  });

  it("a build over an output with an earlier-format manifest renders everything and matches a clean build", async () => {
    const root = await smallRoot();
    const output = join(await tempDir(), "site");
    const first = parseSummary((await build(root, output)).stdout);
    const files = readManifest(output)!.files;
    writeFileSync(manifestPath(output), JSON.stringify({ version: 1, files: Object.fromEntries(files) }));

    const summary = parseSummary((await build(root, output)).stdout);
    expect(summary).toMatchObject({ files: files.size, rendered: first.rendered, written: files.size, unchanged: 0 });
    const clean = join(await tempDir(), "site");
    await build(root, clean);
    expect(diffTrees(output, clean)).toEqual({ onlyA: [], onlyB: [], differ: [] });
    expect(readFileSync(manifestPath(output), "utf8")).toBe(readFileSync(manifestPath(clean), "utf8"));
  });
});
