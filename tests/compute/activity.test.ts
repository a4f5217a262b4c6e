import { describe, expect, it } from "vitest";
import { interleaveActivity, interleaveBy, sortTimelineNewestFirst } from "../../src/compute/activity.js";
import { entry } from "./helpers.js";

describe("sortTimelineNewestFirst", () => {
  it("sorts newest first, keeps ties in input order, and does not touch its input", () => {
    const input = [
      entry("2026-01-01", "release", false, "jan"),
      entry("2026-05-01", "release", false, "may-1"),
      entry("2026-03-01", "release", false, "mar"),
      entry("2026-05-01T00:00:00Z", "bugfix", false, "may-2"), // same instant as may-1
      entry("2026-05-01T02:00:00+02:00", "post", false, "may-3"), // same instant again, written with an offset
    ];
    const before = input.map((e) => e.title);
    expect(sortTimelineNewestFirst(input).map((e) => e.title)).toEqual(["may-1", "may-2", "may-3", "mar", "jan"]);
    expect(input.map((e) => e.title)).toEqual(before);
  });
});

describe("interleaveActivity", () => {
  const kafka = sortTimelineNewestFirst([
    entry("2026-05-20", "release", false, "k1"),
    entry("2026-05-18", "release", false, "k2"),
    entry("2026-05-18", "bugfix", false, "k3"), // ties with k2 and a2
    entry("2026-03-01", "release", false, "k4"),
  ]);
  const appwrite = sortTimelineNewestFirst([
    entry("2026-05-19", "release", true, "a1"),
    entry("2026-05-18", "release", false, "a2"),
    entry("2026-01-01", "release", false, "a3"),
  ]);

  it("merges newest first; ties go to the first list, then keep list order", () => {
    const merged = interleaveActivity([{ owner: "kafka", entries: kafka }, { owner: "appwrite", entries: appwrite }]);
    expect(merged.map((r) => `${r.owner}:${r.entry.title}`)).toEqual([
      "kafka:k1", "appwrite:a1", "kafka:k2", "kafka:k3", "appwrite:a2", "kafka:k4", "appwrite:a3",
    ]);
  });

  it("puts the tie the other way when the lists are swapped", () => {
    const merged = interleaveActivity([{ owner: "appwrite", entries: appwrite }, { owner: "kafka", entries: kafka }]);
    expect(merged.map((r) => r.entry.title)).toEqual(["k1", "a1", "a2", "k2", "k3", "k4", "a3"]);
  });

  it("stops at the limit (default 12)", () => {
    expect(interleaveActivity([{ owner: 1, entries: kafka }, { owner: 2, entries: appwrite }], 3).map((r) => r.entry.title)).toEqual(["k1", "a1", "k2"]);
    const many = sortTimelineNewestFirst(Array.from({ length: 20 }, (_, i) => entry(`2026-01-${String(i + 1).padStart(2, "0")}`)));
    expect(interleaveActivity([{ owner: 1, entries: many }])).toHaveLength(12);
    expect(interleaveActivity([{ owner: 1, entries: many }], 0)).toEqual([]);
  });

  it("handles empty lists", () => {
    expect(interleaveActivity([])).toEqual([]);
    expect(interleaveActivity([{ owner: 1, entries: [] }, { owner: 2, entries: kafka }], 2).map((r) => r.owner)).toEqual([2, 2]);
  });
});

describe("interleaveBy", () => {
  it("reads only the entries it needs", () => {
    let reads = 0;
    const long = Array.from({ length: 1000 }, (_, i) => ({ ms: 1000 - i }));
    const msOf = (e: { ms: number }) => (reads++, e.ms);
    const merged = interleaveBy([{ owner: "a", entries: long }, { owner: "b", entries: long }], msOf, 4);
    expect(merged.map((r) => `${r.owner}${r.entry.ms}`)).toEqual(["a1000", "b1000", "a999", "b999"]);
    expect(reads).toBeLessThanOrEqual(6);
  });
});
