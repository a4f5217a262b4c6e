import { describe, expect, it, vi } from "vitest";
import { cadenceChart, seriesSummary, type CadenceSeries } from "../../src/charts/cadence-chart.js";
import { monthlyCadence } from "../../src/compute/cadence.js";
import { entry } from "../compute/helpers.js";

const AS_OF = Date.UTC(2026, 4, 21);
const kafkaTimeline = [
  entry("2025-07-10"),
  entry("2025-11-02"),
  entry("2026-01-15", "bugfix"),
  entry("2026-02-03"),
  entry("2026-03-02", "bugfix"),
  entry("2026-03-10", "bugfix"),
  entry("2026-03-24", "release", true),
  entry("2026-04-20"),
  entry("2026-05-20"),
];
const appwriteTimeline = [entry("2026-05-04", "announcement", true), entry("2026-05-12"), entry("2026-04-01")];
const kafka = { name: "Apache Kafka", months: monthlyCadence(kafkaTimeline, AS_OF) };
const appwrite = { name: "Appwrite", months: monthlyCadence(appwriteTimeline, AS_OF) };

const count = (svg: string, re: RegExp) => svg.match(re)?.length ?? 0;

describe("cadenceChart", () => {
  it("draws one bar per month with entries and a spark marker where sparks happened", () => {
    const { svg, summary } = cadenceChart([kafka], "cadence-kafka");
    // Kafka: Jul, Nov, Jan, Feb, Mar, Apr, May have entries → 7 bars; sparks only in March
    expect(count(svg, /<g class="bar series-a">/g)).toBe(7);
    expect(count(svg, /<polygon class="spark"/g)).toBe(1 + 1); // the March marker and the legend key
    expect(svg).toContain("<title>Apache Kafka, March 2026: 3 entries</title>");
    expect(svg).toContain("<title>Apache Kafka, March 2026: 1 spark</title>");
    expect(summary).toBe("Apache Kafka: 9 entries from June 2025 to May 2026, most in March (3); 1 spark.");
    // The busiest month has 3 entries: grid lines at 0, 1, 2 and 3.
    expect([...svg.matchAll(/<text class="axis" [^>]*text-anchor="end"[^>]*>(\d+)<\/text>/g)].map((m) => m[1])).toEqual(["0", "1", "2", "3"]);
    expect(count(svg, /<line class="grid"/g)).toBe(4);
  });

  it("is an accessible, responsive image with unique ids", () => {
    const { svg } = cadenceChart([kafka, appwrite], "pair-7");
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="pair-7-title pair-7-desc"/);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+" width="100%"/);
    expect(svg).not.toMatch(/<svg[^>]* height=/);
    expect(svg).toContain('<title id="pair-7-title">Entries per month: Apache Kafka and Appwrite</title>');
    expect(svg).toContain('<desc id="pair-7-desc">From June 2025 to May 2026. Apache Kafka: 9 entries');
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["pair-7-title", "pair-7-desc", "pair-7-hatch"]);
    // Two charts on one page do not share ids.
    const other = cadenceChart([kafka, appwrite], "pair-8").svg;
    expect([...other.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]).some((id) => ids.includes(id))).toBe(false);
    expect(() => cadenceChart([kafka], "bad id")).toThrow(RangeError);
  });

  it("draws grouped bars for two series, told apart by pattern as well as class", () => {
    const { svg, summary } = cadenceChart([kafka, appwrite], "pair");
    expect(count(svg, /<g class="bar series-a">/g)).toBe(7);
    expect(count(svg, /<g class="bar series-b">/g)).toBe(2); // April, May
    expect(count(svg, /<g class="bar series-b"><rect [^>]*fill="url\(#pair-hatch\)"/g)).toBe(2);
    expect(svg).toContain('<g class="legend series-a">');
    expect(svg).toContain('<g class="legend series-b">');
    expect(count(svg, /<polygon class="spark" [^>]*><title>/g)).toBe(2); // Kafka March, Appwrite May
    expect(summary).toBe(
      "Apache Kafka: 9 entries from June 2025 to May 2026, most in March (3); 1 spark. " +
        "Appwrite: 3 entries from June 2025 to May 2026, most in May (2); 1 spark.",
    );
  });

  it("labels every month on the axis", () => {
    const { svg } = cadenceChart([kafka], "c");
    const labels = [...svg.matchAll(/<text class="axis" [^>]*text-anchor="middle"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May"]);
  });

  it("escapes names everywhere", () => {
    const hostile = { name: `<script>alert(1)</script> & "co"`, months: kafka.months };
    const { svg, summary } = cadenceChart([hostile, appwrite], "x");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;");
    expect(summary.startsWith(hostile.name)).toBe(true); // plain text; templates escape it
  });

  it("draws an empty chart without bars, markers or a spark key", () => {
    const { svg, summary } = cadenceChart([{ name: "Quiet", months: monthlyCadence([], AS_OF) }], "q");
    expect(count(svg, /class="bar /g)).toBe(0);
    expect(count(svg, /class="spark"/g)).toBe(0);
    expect(summary).toBe("Quiet: no entries from June 2025 to May 2026.");
  });

  it("draws a series the same whatever charts drew it before (its bars are cached per scale, position and legend)", async () => {
    // Calm and Steady have no sparks; Appwrite's busiest month has 2 entries, as Steady's.
    const calm = { name: "Calm", months: monthlyCadence([entry("2026-05-02")], AS_OF) };
    const steady = { name: "Steady", months: monthlyCadence([entry("2026-04-02"), entry("2026-04-09")], AS_OF) };
    const charts: [CadenceSeries[], string][] = [
      [[appwrite], "c"],
      [[appwrite, calm], "c"],
      [[calm, appwrite], "c"],
      [[calm, steady], "c"],
      [[kafka, appwrite], "c"],
      [[calm], "c"],
      [[appwrite], "d"],
    ];
    const inOrder = charts.map(([series, prefix]) => cadenceChart(series, prefix));
    // Each chart again, drawn by a fresh copy of the module with nothing cached.
    for (const [i, [series, prefix]] of charts.entries()) {
      vi.resetModules();
      const fresh = await import("../../src/charts/cadence-chart.js");
      expect(inOrder[i]).toEqual(fresh.cadenceChart(series, prefix));
    }
  });

  it("rejects series that cover different months", () => {
    const shifted = { name: "B", months: monthlyCadence([], Date.UTC(2026, 5, 1)) };
    expect(() => cadenceChart([kafka, shifted], "z")).toThrow("same months");
  });
});

describe("seriesSummary", () => {
  const months = (counts: number[], sparks: number[] = []) =>
    monthlyCadence([], AS_OF).map((m, i) => ({ ...m, count: counts[i] ?? 0, sparks: sparks[i] ?? 0 }));

  it("words single entries, ties and concentrated months", () => {
    expect(seriesSummary({ name: "A", months: months([0, 0, 1]) })).toBe("A: 1 entry from June 2025 to May 2026, in August; no sparks.");
    expect(seriesSummary({ name: "A", months: months([0, 4], [0, 2]) })).toBe("A: 4 entries from June 2025 to May 2026, all in July; 2 sparks.");
    expect(seriesSummary({ name: "A", months: months([2, 0, 2, 1]) })).toBe("A: 5 entries from June 2025 to May 2026, most in June and August (2 each); no sparks.");
    // Many months tied at 1: no "most in" clause.
    expect(seriesSummary({ name: "A", months: months([1, 1, 1, 1]) })).toBe("A: 4 entries from June 2025 to May 2026; no sparks.");
  });
});
