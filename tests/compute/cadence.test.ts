import { describe, expect, it } from "vitest";
import { monthlyCadence } from "../../src/compute/cadence.js";
import { AS_OF, entry } from "./helpers.js";

describe("monthlyCadence", () => {
  it("has 12 UTC months, oldest first, ending with the as-of month", () => {
    const months = monthlyCadence([], AS_OF);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: "2025-06", label: "Jun", count: 0, sparks: 0 });
    expect(months[11]).toEqual({ month: "2026-05", label: "May", count: 0, sparks: 0 });
    expect(months.map((m) => m.label).join(" ")).toBe("Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar Apr May");
  });

  it("buckets entries by UTC month at the edges", () => {
    const timeline = [
      entry("2025-05-31T23:59:59Z"), //             before the first month: out
      entry("2025-06-01T00:00:00Z", "release", true), // first instant of the first month: June
      entry("2026-03-31T23:59:59Z"), //             last second of March
      entry("2026-04-01T01:00:00+02:00"), //        = 2026-03-31T23:00Z: March, not April
      entry("2026-04-01", "bugfix", true), //       April
      entry("2026-05-21T00:00:00Z", "post", true), // the as-of instant: May
      entry("2026-05-21T00:00:01Z"), //             after the as-of time: out
    ];
    const months = monthlyCadence(timeline, AS_OF);
    expect(months[0]).toEqual({ month: "2025-06", label: "Jun", count: 1, sparks: 1 });
    expect(months.find((m) => m.month === "2026-03")).toMatchObject({ count: 2, sparks: 0 });
    expect(months.find((m) => m.month === "2026-04")).toMatchObject({ count: 1, sparks: 1 });
    expect(months[11]).toMatchObject({ month: "2026-05", count: 1, sparks: 1 });
    expect(months.reduce((s, m) => s + m.count, 0)).toBe(5);
  });

  it("crosses year boundaries and takes other lengths", () => {
    expect(monthlyCadence([entry("2025-12-15")], Date.UTC(2026, 0, 1), 2)).toEqual([
      { month: "2025-12", label: "Dec", count: 1, sparks: 0 },
      { month: "2026-01", label: "Jan", count: 0, sparks: 0 },
    ]);
    expect(monthlyCadence([entry("2025-12-15")], AS_OF, 0)).toEqual([]);
    expect(() => monthlyCadence([], AS_OF, -1)).toThrow(RangeError);
  });
});
