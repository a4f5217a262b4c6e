/**
 * `--shard K/N`: the N shards of a build of the small fixture root hold every file of the full
 * build exactly once, byte for byte (the full build is made from the same root, whose social-card
 * cache the shards then reuse).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupRoots } from "../content/helpers.js";
import { build, cleanupTemps, listTree, runVersus, smallRoot, tempDir } from "./build-helpers.js";

let root: string;
let parent: string;

beforeAll(async () => {
  root = await smallRoot();
  parent = await tempDir();
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

describe("shards", () => {
  const shardUnion = async (count: number, full: string, extra: string[]): Promise<void> => {
    const outputs: string[] = [];
    const problems: string[] = [];
    for (let k = 1; k <= count; k++) {
      const out = join(parent, `shard-${k}-of-${count}${extra.join("")}`);
      const result = await runVersus(["build", "--root", root, "--output", out, "--shard", `${k}/${count}`, ...extra]);
      if (result.code !== 0) problems.push(`shard ${k}/${count} exited ${result.code}: ${result.stderr.trim()}`);
      else expect(result.stdout).toMatch(new RegExp(`^built \\d+ pages \\(shard ${k}/${count}\\) in `));
      outputs.push(out);
    }
    expect(problems).toEqual([]);
    const owner = new Map<string, number>();
    const twice: string[] = [];
    outputs.forEach((out, i) => {
      for (const f of listTree(out)) {
        if (owner.has(f)) twice.push(`${f} (shards ${owner.get(f)! + 1} and ${i + 1})`);
        owner.set(f, i);
      }
    });
    expect(twice).toEqual([]);
    expect([...owner.keys()].sort()).toEqual(listTree(full));
    const differ = [...owner].filter(([f, i]) => !readFileSync(join(outputs[i]!, f)).equals(readFileSync(join(full, f))));
    expect(differ.map(([f]) => f)).toEqual([]);
    // Every shard renders pair pages, not only their reverse-order redirects: with an even
    // count, a split over all jobs in turn gave every pair page to the odd shards.
    const pairPages = outputs.map((out) => listTree(out).filter((f) => f.startsWith("compare/") && !readFileSync(join(out, f), "utf8").includes('http-equiv="refresh"')).length);
    expect(pairPages.filter((n) => n === 0)).toEqual([]);
    // Social cards, most of a first build's time, are split too, not all rendered by shard 1.
    if (!extra.includes("--no-social-cards")) {
      const cards = outputs.map((out) => listTree(out).filter((f) => f.startsWith("og/")).length);
      expect(cards.filter((n) => n > 0).length).toBeGreaterThan(1);
    }
  };

  it("--shard 1/4 to 4/4 together hold exactly the full build's files, each once, byte for byte", async () => {
    const full = join(parent, "full");
    await build(root, full);
    await shardUnion(4, full, []);
  });

  it("the same holds for 3 shards without search and social cards", async () => {
    const full = join(parent, "plain");
    await build(root, full, ["--no-search", "--no-social-cards"]);
    await shardUnion(3, full, ["--no-search", "--no-social-cards"]);
  });
});
