/**
 * Pagefind has no incremental mode, so a rebuild keeps the last search index when no page it
 * indexes changed, and indexes again when one did. The real CLI runs with loader hooks that make
 * the pagefind package fail (tests/build/support/), so a build that starts Pagefind fails.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keptSearchFiles, searchInputsDigest } from "../../src/build/kept-search-index.js";
import { readManifest, type Manifest } from "../../src/build/output-manifest.js";
import type { PageJob } from "../../src/render/page-jobs.js";
import { cleanupRoots, writeFiles } from "../content/helpers.js";
import {
  build, changedBytes, changedMtimes, cleanupTemps, diffTrees, NO_PAGEFIND_IMPORT, parseSummary, runVersus, smallRoot, snapshot, SOURCE_DATE_EPOCH,
  tempDir,
} from "./build-helpers.js";

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

const product = (slug: string, digest: string) => ({ job: { kind: "product", file: `products/${slug}/index.html`, slug } as PageJob, digest });
const pair = (a: string, b: string, digest: string) => ({
  job: { kind: "pair", file: `compare/${a}-vs-${b}/index.html`, slug: `${a}-vs-${b}`, a, b } as PageJob,
  digest,
});
const alternatives = (slug: string, digest: string) => ({ job: { kind: "alternatives", file: `alternatives/${slug}/index.html`, slug } as PageJob, digest });

describe("searchInputsDigest", () => {
  const jobs = [product("kafka", "p1"), alternatives("kafka", "a1"), product("nats", "p2"), pair("kafka", "nats", "c1"), pair("kafka", "redpanda", "c2")];
  const curated = { "kafka-vs-nats": {} };
  const base = searchInputsDigest(jobs, "e1", curated);

  it("changes with a product page, a curated comparison or Eleventy's inputs", () => {
    expect(searchInputsDigest(jobs.map((j) => (j.digest === "p2" ? { ...j, digest: "p2'" } : j)), "e1", curated)).not.toBe(base);
    expect(searchInputsDigest(jobs.map((j) => (j.digest === "c1" ? { ...j, digest: "c1'" } : j)), "e1", curated)).not.toBe(base);
    expect(searchInputsDigest(jobs, "e2", curated)).not.toBe(base);
    expect(searchInputsDigest(jobs.filter((j) => j.digest !== "p2"), "e1", curated)).not.toBe(base);
  });

  it("ignores the pages the index leaves out: alternatives and generated pairs", () => {
    expect(searchInputsDigest(jobs.map((j) => (j.digest === "a1" ? { ...j, digest: "a1'" } : j)), "e1", curated)).toBe(base);
    expect(searchInputsDigest(jobs.map((j) => (j.digest === "c2" ? { ...j, digest: "c2'" } : j)), "e1", curated)).toBe(base);
  });
});

describe("keptSearchFiles", () => {
  const manifest: Manifest = {
    version: 3,
    pages: [],
    files: new Map([["index.html", "d1"], ["pagefind/pagefind.js", "d2"], ["pagefind/index/en_1.pf_index", "d3"]]),
    search: "s1",
  };

  it("lists the last index's files when it was made from the same inputs and all are in place", async () => {
    const output = await tempDir();
    await writeFiles(output, { "pagefind/pagefind.js": "", "pagefind/index/en_1.pf_index": "" });
    expect(keptSearchFiles("s1", { output, manifest })).toEqual([["pagefind/pagefind.js", "d2"], ["pagefind/index/en_1.pf_index", "d3"]]);
    expect(keptSearchFiles("s2", { output, manifest })).toBeUndefined();
    expect(keptSearchFiles("s1", undefined)).toBeUndefined();
    expect(keptSearchFiles("s1", { output, manifest: { ...manifest, search: undefined } as unknown as Manifest })).toBeUndefined();
    rmSync(join(output, "pagefind/index/en_1.pf_index"));
    expect(keptSearchFiles("s1", { output, manifest })).toBeUndefined();
  });
});

describe("a rebuild with the search index on", () => {
  let root: string;
  let output: string;

  beforeAll(async () => {
    root = await smallRoot();
    output = join(await tempDir(), "site");
    await build(root, output);
  });

  const withoutPagefind = (env: Record<string, string> = {}) =>
    runVersus(["build", "--root", root, "--output", output], { imports: [NO_PAGEFIND_IMPORT], env });

  it("keeps the index, without starting Pagefind, when no indexed page changed", async () => {
    const before = snapshot(output);
    // Later, as an editor's rebuild is: only the data file stamped with its time changes.
    const result = await withoutPagefind({ SOURCE_DATE_EPOCH: String(Number(SOURCE_DATE_EPOCH) + 10) });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const after = snapshot(output);
    expect([...after.keys()].filter((f) => f.startsWith("pagefind/")).length).toBeGreaterThan(3);
    expect(changedMtimes(before, after)).toEqual(["api/products.json"]);
    expect(changedBytes(before, after)).toEqual(["api/products.json"]);
    expect(parseSummary(result.stdout)).toMatchObject({ rendered: 0, written: 1, removed: 0, files: before.size });
    // The manifest still lists the kept files, so the next build keeps them again.
    expect([...readManifest(output)!.files.keys()].filter((f) => f.startsWith("pagefind/")).length).toBe(
      [...after.keys()].filter((f) => f.startsWith("pagefind/")).length,
    );
  });

  it("indexes again when a product page changes (the hooks make that fail), and the result equals a fresh build", async () => {
    const file = join(root, "content/products/nats.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("More adoption in IoT.", "More adoption in IoT, and at the edge."));
    const failed = await withoutPagefind();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("pagefind was started (failing-pagefind.mjs)");

    await build(root, output);
    const fresh = join(await tempDir(), "fresh");
    await build(root, fresh);
    expect(diffTrees(output, fresh)).toEqual({ onlyA: [], onlyB: [], differ: [] });
    expect(readManifest(output)!.search).toBe(readManifest(fresh)!.search);
  });

  it("indexes again when a search file is missing from the output", async () => {
    const manifest = readManifest(output)!;
    const indexFile = [...manifest.files.keys()].find((f) => f.startsWith("pagefind/") && f.endsWith(".pf_meta"))!;
    rmSync(join(output, indexFile));
    expect((await withoutPagefind()).code).toBe(1);
    await build(root, output);
    const fresh = join(await tempDir(), "fresh");
    await build(root, fresh);
    expect(diffTrees(output, fresh)).toEqual({ onlyA: [], onlyB: [], differ: [] });
  });
});
