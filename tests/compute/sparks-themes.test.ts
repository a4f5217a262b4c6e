import { describe, expect, it } from "vitest";
import { sparksInLast30Days } from "../../src/compute/sparks.js";
import { sharedThemes } from "../../src/compute/themes.js";
import { AS_OF, DAY, entry } from "./helpers.js";

const iso = (ms: number) => new Date(ms).toISOString();

describe("sparksInLast30Days", () => {
  it("counts sparks in (asOf − 30d, asOf]", () => {
    const timeline = [
      entry(iso(AS_OF), "release", true), //                 at the as-of instant: in
      entry(iso(AS_OF - 30 * DAY + 1), "post", true), //     1 ms inside the window: in
      entry(iso(AS_OF - 30 * DAY), "release", true), //      exactly 30 days: out
      entry(iso(AS_OF + 1), "release", true), //             future: out
      entry(iso(AS_OF - DAY), "release", false), //          not a spark
    ];
    expect(sparksInLast30Days(timeline, AS_OF)).toBe(2);
  });

  it("is 0 for an empty timeline", () => {
    expect(sparksInLast30Days([], AS_OF)).toBe(0);
  });

  it("reads dates with offsets as instants", () => {
    // 2026-04-21T01:00+02:00 is 2026-04-20T23:00Z, 30 days and 1 hour before the as-of time
    expect(sparksInLast30Days([entry("2026-04-21T01:00:00+02:00", "release", true)], AS_OF)).toBe(0);
    expect(sparksInLast30Days([entry("2026-04-21T01:00:00Z", "release", true)], AS_OF)).toBe(1);
  });
});

describe("sharedThemes", () => {
  it("keeps a's order and drops duplicates", () => {
    expect(sharedThemes(["streaming", "share-groups", "kraft", "streaming"], ["kraft", "streaming", "baas"])).toEqual(["streaming", "kraft"]);
  });

  it("is empty when nothing overlaps", () => {
    expect(sharedThemes(["baas", "database"], ["service-mesh"])).toEqual([]);
    expect(sharedThemes([], ["x"])).toEqual([]);
  });
});
