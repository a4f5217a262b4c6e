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
  const shardUnion = async (full: string, extra: string[]): Promise<void> => {
    const outputs: string[] = [];
    const problems: string[] = [];
    for (const k of [1, 2, 3]) {
      const out = join(parent, `shard-${k}-of-3${extra.join("")}`);
      const result = await runVersus(["build", "--root", root, "--output", out, "--shard", `${k}/3`, ...extra]);
      if (result.code !== 0) problems.push(`shard ${k}/3 exited ${result.code}: ${result.stderr.trim()}`);
      else expect(result.stdout).toMatch(new RegExp(`^built \\d+ pages \\(shard ${k}/3\\) in `));
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
    // Every shard has work: the split is round-robin, not "everything in shard 1".
    for (const out of outputs.slice(1)) expect(listTree(out).some((f) => f.startsWith("compare/"))).toBe(true);
  };

  it("--shard 1/3, 2/3 and 3/3 together hold exactly the full build's files, each once, byte for byte", async () => {
    const full = join(parent, "full");
    await build(root, full);
    await shardUnion(full, []);
  });

  it("the same holds without search and social cards", async () => {
    const full = join(parent, "plain");
    await build(root, full, ["--no-search", "--no-social-cards"]);
    await shardUnion(full, ["--no-search", "--no-social-cards"]);
  });
});
