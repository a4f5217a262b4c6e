import { describe, expect, it } from "vitest";
import type { Content, Product } from "../../src/content/types.js";
import { ageInDays, findStale } from "../../src/authoring/staleness.js";

const DAY = 86_400_000;
const asOf = Date.UTC(2026, 4, 21, 15, 30); // 2026-05-21T15:30Z: time of day must not matter

function product(slug: string, updated: string, asOfDate?: string): Product {
  return {
    slug, file: `content/products/${slug}.md`, name: slug, sector: "streaming", website: "https://example.com",
    tagline: "t", summary: "s", themes: [], updated, timeline: [], body: "", sections: [],
    ...(asOfDate ? { metrics: { as_of: asOfDate } } : {}),
  };
}

function content(products: Product[], stale_after_days = 180): Content {
  return {
    site: { name: "S", url: "https://s.example", description: "d", pairs: "sector", alternatives_limit: 8, reverse_pair_pages: true, stale_after_days },
    sectors: [], products, comparisons: [], matrices: [],
  };
}

/** The ISO date `n` days before the as-of day. */
const daysBefore = (n: number) => new Date(Date.UTC(2026, 4, 21) - n * DAY).toISOString().slice(0, 10);

describe("findStale", () => {
  it("exactly 180 days old is fresh; 181 days old is stale", () => {
    expect(findStale(content([product("a", daysBefore(180))]), asOf)).toEqual([]);
    expect(findStale(content([product("a", daysBefore(181))]), asOf)).toEqual([
      {
        severity: "warning",
        file: "content/products/a.md",
        field: "updated",
        message: `last updated 181 days ago (${daysBefore(181)}); stale after 180 days — review and bump "updated"`,
      },
    ]);
  });

  // Regression: "updated: 2099-05-12" passed check silently, and pages said "Updated in 73y".
  it("warns about a review or figures dated after the as-of time, beyond a day for time zones", () => {
    expect(findStale(content([product("a", daysBefore(-1), daysBefore(-1))]), asOf)).toEqual([]);
    expect(findStale(content([product("a", daysBefore(-2), daysBefore(-30))]), asOf)).toEqual([
      { severity: "warning", file: "content/products/a.md", field: "updated", message: `dated 2 days after the build's as-of time (${daysBefore(-2)}); expected the day of the last review, not a future one` },
      { severity: "warning", file: "content/products/a.md", field: "metrics.as_of", message: `dated 30 days after the build's as-of time (${daysBefore(-30)}); expected the day the figures were taken, not a future one` },
    ]);
  });

  it("checks metrics.as_of with the same boundary, independently of updated", () => {
    const problems = findStale(content([product("a", daysBefore(1), daysBefore(181)), product("b", daysBefore(1), daysBefore(180))]), asOf);
    expect(problems).toEqual([
      {
        severity: "warning",
        file: "content/products/a.md",
        field: "metrics.as_of",
        message: `metrics as of 181 days ago (${daysBefore(181)}); stale after 180 days — refresh the figures and bump "as_of"`,
      },
    ]);
    expect(problems[0]).not.toHaveProperty("line");
  });

  it("reports both fields of one product, in product order, and matches the documented example", () => {
    const problems = findStale(content([product("redpanda", "2025-10-21", "2025-10-21"), product("zeta", daysBefore(500))]), asOf);
    expect(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual([
      'content/products/redpanda.md: updated: last updated 212 days ago (2025-10-21); stale after 180 days — review and bump "updated"',
      'content/products/redpanda.md: metrics.as_of: metrics as of 212 days ago (2025-10-21); stale after 180 days — refresh the figures and bump "as_of"',
      'content/products/zeta.md: updated: last updated 500 days ago (2025-01-06); stale after 180 days — review and bump "updated"',
    ]);
  });

  it("puts stale figures from a metrics file on that file, where the field is as_of", () => {
    const fromFile: Product = { ...product("redpanda", daysBefore(1), "2025-10-21"), metricsFile: "data/metrics/redpanda.json" };
    expect(findStale(content([fromFile]), asOf).map((p) => [p.file, p.field])).toEqual([["data/metrics/redpanda.json", "as_of"]]);
  });

  it("follows stale_after_days and reads datetimes with offsets", () => {
    expect(findStale(content([product("a", daysBefore(31))], 30), asOf)).toHaveLength(1);
    expect(findStale(content([product("a", daysBefore(30))], 30), asOf)).toHaveLength(0);
    // 2026-05-20T23:00-05:00 is 2026-05-21T04:00Z: 0 days old.
    expect(ageInDays("2026-05-20T23:00:00-05:00", asOf)).toBe(0);
    // Never stale, however short the limit, but from the future.
    expect(findStale(content([product("a", "2026-06-01")], 1), asOf).map((p) => p.message)).toEqual([
      "dated 11 days after the build's as-of time (2026-06-01); expected the day of the last review, not a future one",
    ]);
  });
});
