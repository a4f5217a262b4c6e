/**
 * Staleness warnings: products whose editorial review (`updated`) or figures (`metrics.as_of`)
 * are older than `site.stale_after_days`, or dated after the as-of time. Warnings never fail a build; they remind editors.
 * Lines are left out: the loaded content keeps none, and `versus check` adds them from the loader.
 */
import { parseIsoDate } from "../content/schema/index.js";
import type { Content, Problem, Product } from "../content/types.js";

const DAY_MS = 86_400_000;

function days(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}

/**
 * Whole days from `dateText` to `asOfMs`, rounded down, so a date exactly N days old is N days
 * old for the whole of that day. Undefined for an invalid date (the schema reports those).
 * @example ageInDays("2026-01-01", Date.UTC(2026, 0, 31, 12)) // 30
 */
export function ageInDays(dateText: string, asOfMs: number): number | undefined {
  const ms = parseIsoDate(dateText);
  return ms === undefined ? undefined : Math.floor((asOfMs - ms) / DAY_MS);
}

function check(product: Product, field: "updated" | "metrics.as_of", dateText: string, asOfMs: number, limit: number): Problem[] {
  const age = ageInDays(dateText, asOfMs);
  if (age === undefined) return [];
  // Figures from data/metrics/<slug>.json are fixed there, where the field is `as_of`.
  const where = field === "metrics.as_of" && product.metricsFile !== undefined ? { file: product.metricsFile, field: "as_of" } : { file: product.file, field };
  // A review or figures cannot be from the future; a day ahead is an editor east of UTC.
  if (age < -1) {
    const expected = field === "updated" ? "the day of the last review" : "the day the figures were taken";
    return [{ severity: "warning", ...where, message: `dated ${days(-age)} after the build's as-of time (${dateText}); expected ${expected}, not a future one` }];
  }
  // Exactly `limit` days old is still fresh; the day after, it is stale.
  if (age <= limit) return [];
  const message =
    field === "updated"
      ? `last updated ${days(age)} ago (${dateText}); stale after ${days(limit)} — review and bump "updated"`
      : `metrics as of ${days(age)} ago (${dateText}); stale after ${days(limit)} — refresh the figures and bump "as_of"`;
  return [{ severity: "warning", ...where, message }];
}

/**
 * One warning per stale `updated` and per stale `metrics.as_of`, in product order.
 * @example findStale(content, Date.UTC(2026, 4, 21))
 * // [{ severity: "warning", file: "content/products/redpanda.md", field: "updated",
 * //    message: 'last updated 212 days ago (2025-10-21); stale after 180 days — review and bump "updated"' }]
 */
export function findStale(content: Content, asOfMs: number): Problem[] {
  const limit = content.site.stale_after_days;
  return content.products.flatMap((p) => [
    ...check(p, "updated", p.updated, asOfMs, limit),
    ...(p.metrics ? check(p, "metrics.as_of", p.metrics.as_of, asOfMs, limit) : []),
  ]);
}
