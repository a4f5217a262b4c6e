import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeVelocity, describeVelocityModel, explainVelocity, toVelocityView, VELOCITY_MODEL } from "../../src/compute/velocity.js";
import { AS_OF, DAY, entry } from "./helpers.js";

const tenths = (parts: { points: number }[]) => parts.reduce((s, p) => s + Math.round(p.points * 10), 0);

describe("computeVelocity", () => {
  it("scores a small timeline as worked out by hand", () => {
    const timeline = [
      entry("2026-05-21", "release"), //               age 0   → 1.0 × 1        = 1.0
      entry("2026-04-21", "release"), //               age 30  → 1.0 × 0.5      = 0.5
      entry("2026-03-22", "bugfix"), //                age 60  → 0.5 × 0.25     = 0.125
      entry("2026-04-21", "announcement", true), //    age 30  → 0.6 × 0.5      = 0.3, spark bonus 0.5 × 0.5 = 0.25
      entry("2025-05-21", "post"), //                  age 365 → outside the window (age < 365 only)
      entry("2026-05-22", "release"), //               future  → ignored
    ];
    // S = 1 + 0.5 + 0.125 + 0.3 + 0.25 = 2.175
    // score = 10 × (1 − e^(−2.175/3)) = 10 × (1 − e^(−0.725)) = 10 × (1 − 0.484324) = 5.15676 → 5.2 (52 tenths)
    // shares of 52 tenths: releases 1.5/2.175×52 = 35.862, announcement 0.3/2.175×52 = 7.172,
    //   bugfix 0.125/2.175×52 = 2.989, sparks 0.25/2.175×52 = 5.977
    // floors 35 + 7 + 2 + 5 = 49; the 3 left go to the largest remainders: bugfix .989, sparks .977, releases .862
    // → 36, 7, 3, 6 tenths
    expect(computeVelocity(timeline, AS_OF)).toEqual({
      score: 5.2,
      parts: [
        { label: "2 releases", points: 3.6 },
        { label: "1 announcement", points: 0.7 },
        { label: "1 bugfix", points: 0.3 },
        { label: "Bonus for 1 spark", points: 0.6 },
      ],
      override: false,
    });
  });

  it("does not depend on the timeline's order", () => {
    const timeline = [entry("2026-05-21"), entry("2026-04-21"), entry("2026-03-22", "bugfix"), entry("2026-04-21", "announcement", true)];
    expect(computeVelocity([...timeline].reverse(), AS_OF)).toEqual(computeVelocity(timeline, AS_OF));
  });

  it("scores a single release today as 10 × (1 − e^(−1/3)) = 2.83 → 2.8", () => {
    expect(computeVelocity([entry("2026-05-21")], AS_OF)).toEqual({ score: 2.8, parts: [{ label: "1 release", points: 2.8 }], override: false });
  });

  it("scores an empty timeline as 0.0 with no parts", () => {
    expect(computeVelocity([], AS_OF)).toEqual({ score: 0, parts: [], override: false });
    expect(toVelocityView(computeVelocity([], AS_OF)).text).toBe("0.0");
  });

  it("ignores entries after the as-of time and older than the window", () => {
    const future = [entry("2026-05-21T00:00:01Z"), entry("2027-01-01", "release", true)];
    expect(computeVelocity(future, AS_OF)).toEqual({ score: 0, parts: [], override: false });
    // 364.99 days old still counts: 0.5^(365/30) ≈ 0.000218 → 10 × (1 − e^(−0.0000727)) ≈ 0.0007 → 0.0
    const edge = computeVelocity([entry("2025-05-21T00:00:01Z")], AS_OF);
    expect(edge.score).toBe(0);
    expect(edge.parts).toEqual([{ label: "1 release", points: 0 }]);
    expect(computeVelocity([entry("2025-05-21T00:00:00Z")], AS_OF).parts).toEqual([]);
  });

  it("uses the editors' override, rounded to one decimal", () => {
    const timeline = [entry("2026-05-21")];
    expect(computeVelocity(timeline, AS_OF, 7.25)).toEqual({ score: 7.3, parts: [{ label: "Set by the editors", points: 7.3 }], override: true });
    expect(computeVelocity(timeline, AS_OF, 0)).toEqual({ score: 0, parts: [{ label: "Set by the editors", points: 0 }], override: true });
    expect(computeVelocity([], AS_OF, 12).score).toBe(10);
  });

  it("saturates at 10.0 for a flood of releases", () => {
    const flood = Array.from({ length: 60 }, (_, i) => entry(new Date(AS_OF - i * DAY).toISOString()));
    const result = computeVelocity(flood, AS_OF);
    expect(result.score).toBe(10);
    expect(tenths(result.parts)).toBe(100);
  });

  it("always has parts that add up to the score, with a score in 0..10", () => {
    const kinds = ["release", "bugfix", "announcement", "post"] as const;
    const arbEntry = fc.record({
      age: fc.integer({ min: -30 * DAY, max: 400 * DAY }),
      kind: fc.constantFrom(...kinds),
      spark: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbEntry, { maxLength: 40 }), (raw) => {
        const timeline = raw.map((r) => entry(new Date(AS_OF - r.age).toISOString(), r.kind, r.spark));
        const { score, parts } = computeVelocity(timeline, AS_OF);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(10);
        expect(Number(score.toFixed(1))).toBe(score); // one decimal
        if (parts.length > 0) expect(tenths(parts)).toBe(Math.round(score * 10));
      }),
    );
  });
});

describe("explainVelocity", () => {
  it("lists every entry newest first with its weight and status", () => {
    const timeline = [entry("2025-01-01", "post"), entry("2026-04-21", "announcement", true), entry("2026-06-01"), entry("2026-05-21")];
    const explained = explainVelocity(timeline, AS_OF);
    expect(explained.entries.map((e) => [e.date, e.ageDays, e.weight, e.status])).toEqual([
      ["2026-06-01", -11, 0, "future"],
      ["2026-05-21", 0, 1, "counted"],
      ["2026-04-21", 30, 0.55, "counted"], // (0.6 + 0.5) × 0.5
      ["2025-01-01", 505, 0, "too-old"],
    ]);
    // S = 1 + 0.55 = 1.55; 10 × (1 − e^(−1.55/3)) = 10 × (1 − 0.596531) = 4.03 → 4.0
    expect(explained.sum).toBeCloseTo(1.55, 12);
    expect(explained.score).toBe(4);
    expect(explained).toMatchObject(computeVelocity(timeline, AS_OF));
  });
});

describe("VELOCITY_MODEL", () => {
  it("exposes the constants the methodology page shows", () => {
    expect(VELOCITY_MODEL).toMatchObject({ halfLifeDays: 30, windowDays: 365, saturation: 3, sparkBonus: 0.5 });
    expect(VELOCITY_MODEL.kindWeights).toEqual({ release: 1, announcement: 0.6, bugfix: 0.5, post: 0.3 });
    expect(describeVelocityModel()[0]).toEqual({ label: "Half-life", value: "30 days" });
    expect(describeVelocityModel().map((row) => row.label).filter((label) => label.startsWith("Weight"))).toEqual([
      "Weight of a release",
      "Weight of an announcement",
      "Weight of a bugfix",
      "Weight of a post",
    ]);
  });

  it("builds the view with one decimal and a meter percentage", () => {
    expect(toVelocityView({ score: 8.8, parts: [], override: false })).toEqual({ score: 8.8, text: "8.8", override: false, parts: [], percent: 88 });
    expect(toVelocityView({ score: 10, parts: [], override: true })).toMatchObject({ text: "10.0", percent: 100 });
    // Every part shows one decimal too: "7.0" beside "0.8", not "7".
    expect(toVelocityView({ score: 7.8, parts: [{ label: "7 releases", points: 7 }, { label: "1 bugfix", points: 0.8 }], override: false }).parts).toEqual([
      { label: "7 releases", points: 7, text: "7.0" },
      { label: "1 bugfix", points: 0.8, text: "0.8" },
    ]);
  });
});
