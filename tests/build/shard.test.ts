import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inShard, ownsSharedFiles, parseShard, WHOLE_SITE } from "../../src/build/shard.js";

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

describe("inShard", () => {
  it("puts every position in exactly one shard, and shard sizes differ by at most one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 200 }), (count, positions) => {
        const sizes = Array.from({ length: count }, () => 0);
        for (let p = 0; p < positions; p++) {
          const owners = sizes.map((_, i) => i).filter((i) => inShard({ index: i + 1, count }, p));
          expect(owners).toHaveLength(1);
          sizes[owners[0]!]!++;
        }
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("the whole site owns every position and the shared files; only shard 1 of N owns shared files", () => {
    for (let p = 0; p < 50; p++) expect(inShard(WHOLE_SITE, p)).toBe(true);
    expect(ownsSharedFiles(WHOLE_SITE)).toBe(true);
    expect([1, 2, 3].map((index) => ownsSharedFiles({ index, count: 3 }))).toEqual([true, false, false]);
  });
});
