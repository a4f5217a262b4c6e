/**
 * Whole builds of the small fixture root: the same input and SOURCE_DATE_EPOCH give the same
 * bytes, whatever the output folder or the root's path; a build that is not on a terminal prints
 * only its one summary line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupRoots } from "../content/helpers.js";
import { build, cleanupTemps, diffTrees, listTree, parseSummary, smallRoot, tempDir, type RunResult } from "./build-helpers.js";
import { readManifest } from "../../src/build/output-manifest.js";

let root: string;
let parent: string;
let first: RunResult;

beforeAll(async () => {
  root = await smallRoot();
  parent = await tempDir();
  first = await build(root, join(parent, "a"));
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

describe("reproducibility", () => {
  it("two builds of the same input into different folders (and from a copy of the root elsewhere) are byte-identical", async () => {
    const copy = await smallRoot();
    await build(copy, join(parent, "b"));
    const a = join(parent, "a");
    const b = join(parent, "b");
    expect(listTree(a).length).toBeGreaterThan(30);
    expect(listTree(b)).toEqual(listTree(a));
    expect(diffTrees(a, b)).toEqual({ onlyA: [], onlyB: [], differ: [] });
    // The manifests beside the outputs list the same files. (Their page digests include a
    // fingerprint of src/ and templates/, so they are not compared while others edit the tree.)
    const files = (dir: string): string[] => {
      const { pages, files } = readManifest(dir)!;
      return [...pages.filter((_, i) => i % 2 === 0), ...files.keys()].sort();
    };
    expect(files(b)).toEqual(files(a));
    expect(files(a)).toEqual(listTree(a));
  });

  it("nothing in the output names the output folder or the root", () => {
    const a = join(parent, "a");
    for (const file of listTree(a)) {
      const text = readFileSync(join(a, file)).toString("latin1");
      expect(text.includes(parent), file).toBe(false);
      expect(text.includes(root), file).toBe(false);
    }
  });
});

describe("progress when not on a terminal", () => {
  it("prints no progress line on stderr and one summary line on stdout", () => {
    expect(first.stderr).toBe("");
    const summary = parseSummary(first.stdout);
    expect(summary.removed).toBe(0);
    expect(summary.written).toBe(summary.files);
    expect(summary.files).toBe(listTree(join(parent, "a")).length);
    // 5 products, 5 alternatives pages, 2 sectors, 1 matrix, home, methodology, search, 404 and 5 pair pages.
    expect(summary.pages).toBe(22);
  });
});
