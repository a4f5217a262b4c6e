import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ownsByName, ownsSharedFiles, parseShard, shardMembers, shareOfJobs, WHOLE_SITE } from "../../src/build/shard.js";
import { mostPageJobs } from "../../src/render/page-jobs.js";
import { rendersInThisThread } from "../../src/render/worker-pool.js";

const KINDS = ["product", "alternatives", "pair", "redirect"] as const;

describe("parseShard", () => {
  it.each([
    ["1/1", { index: 1, count: 1 }],
    ["2/4", { index: 2, count: 4 }],
    ["10/10", { index: 10, count: 10 }],
  ])("%s", (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each([["3/2"], ["0/2"], ["1/0"], ["2"], ["a/b"], [""], ["1/2/3"], [" 1/2"], ["-1/2"], ["1.5/2"]])("rejects %j with one line", (text) => {
    expect(() => parseShard(text)).toThrow(new RangeError(`--shard: expected K/N with 1 ≤ K ≤ N, found "${text}"`));
  });
});

describe("shardMembers", () => {
  /** The shard (0-based) of each job, asking every shard about every job in order. */
  const owners = (count: number, jobs: readonly { kind: string }[]): number[][] => {
    const members = Array.from({ length: count }, (_, i) => shardMembers({ index: i + 1, count }));
    return jobs.map((job) => members.flatMap((mine, i) => (mine(job) ? [i] : [])));
  };

  it("puts every job in exactly one shard, and each kind's share per shard differs by at most one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.constantFrom(...KINDS), { maxLength: 200 }), (count, kinds) => {
        const jobs = kinds.map((kind) => ({ kind }));
        const owner = owners(count, jobs);
        for (const o of owner) expect(o).toHaveLength(1);
        for (const kind of KINDS) {
          const sizes = Array.from({ length: count }, () => 0);
          jobs.forEach((job, i) => {
            if (job.kind === kind) sizes[owner[i]![0]!]!++;
          });
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  // Regression: jobs are each product's two pages, then each pair followed by its reverse-order
  // redirect. Round-robin over positions gave shards 2 and 4 of 4 (and 2 of 2) only redirects.
  it.each([2, 4])("with %i shards, every shard renders an equal share of the pair pages, not only redirects", (count) => {
    const jobs = [
      ...Array.from({ length: 6 }, (_, i) => ({ kind: i % 2 === 0 ? "product" : "alternatives" })),
      ...Array.from({ length: 40 }, (_, i) => ({ kind: i % 2 === 0 ? "pair" : "redirect" })),
    ];
    const owner = owners(count, jobs);
    const pairsPerShard = Array.from({ length: count }, (_, shard) => jobs.filter((job, i) => job.kind === "pair" && owner[i]![0] === shard).length);
    expect(pairsPerShard).toEqual(Array.from({ length: count }, () => 20 / count));
  });

  it("the whole site owns every job and the shared files; only shard 1 of N owns shared files", () => {
    const mine = shardMembers(WHOLE_SITE);
    for (let p = 0; p < 50; p++) expect(mine({ kind: KINDS[p % 4]! })).toBe(true);
    expect(ownsSharedFiles(WHOLE_SITE)).toBe(true);
    expect([1, 2, 3].map((index) => ownsSharedFiles({ index, count: 3 }))).toEqual([true, false, false]);
  });
});

describe("shareOfJobs", () => {
  it("is each shard's number of jobs, within one per kind of page", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.constantFrom(...KINDS), { maxLength: 300 }), (count, kinds) => {
        for (let index = 1; index <= count; index++) {
          const owned = kinds.map((kind) => ({ kind })).filter(shardMembers({ index, count })).length;
          expect(Math.abs(owned - shareOfJobs(kinds.length, { index, count }))).toBeLessThanOrEqual(KINDS.length);
        }
      }),
    );
  });

  it("regression: a shard too small for threads starts none, though the whole site would", () => {
    // 30 products in one sector: 930 jobs; each of 2 shards renders 465, in its own thread.
    expect(rendersInThisThread(shareOfJobs(mostPageJobs(30), WHOLE_SITE))).toBe(false);
    expect(rendersInThisThread(shareOfJobs(mostPageJobs(30), { index: 2, count: 2 }))).toBe(true);
  });
});

describe("ownsByName", () => {
  const names = Array.from({ length: 400 }, (_, i) => `og/products/product-${i}.png`);

  it("puts every name in exactly one shard, in shares of about 1/N", () => {
    for (const count of [1, 2, 3, 4]) {
      const shares = Array.from({ length: count }, (_, i) => names.filter((name) => ownsByName({ index: i + 1, count }, name)).length);
      expect(shares.reduce((a, b) => a + b)).toBe(names.length);
      for (const share of shares) expect(Math.abs(share - names.length / count)).toBeLessThan(names.length / count / 4);
    }
  });

  it("keeps each name in its shard when names are added or removed, unlike dealing in turn", () => {
    const owner = (list: string[]) => new Map(list.map((name) => [name, [1, 2, 3, 4].find((index) => ownsByName({ index, count: 4 }, name))]));
    const before = owner(names);
    const after = owner(["og/products/a-new-first-product.png", ...names.slice(7)]);
    for (const name of names.slice(7)) expect(after.get(name)).toBe(before.get(name));
  });
});
