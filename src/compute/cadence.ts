/** Monthly release cadence: how many timeline entries (and sparks) fell in each UTC month. */
import { parseIsoDate } from "../content/schema/common.js";
import type { TimelineEntry } from "../content/schema/product.js";
import { MONTH_SHORT_NAMES } from "./calendar.js";

export interface CadenceMonth {
  /** UTC month, `YYYY-MM`. */
  month: string;
  /** Short English month name, e.g. "May". */
  label: string;
  /** Entries dated in the month (up to the as-of time). */
  count: number;
  /** Of those, how many are sparks. */
  sparks: number;
}

/**
 * Entry counts for the `months` UTC calendar months ending with the as-of month, oldest first.
 * Entries dated after the as-of time are not counted, even within the as-of month.
 * @example
 * monthlyCadence([{ date: "2026-03-31T23:59:59Z", title: "x", kind: "release", spark: true }], Date.UTC(2026, 4, 21), 3)
 * // [{ month: "2026-03", label: "Mar", count: 1, sparks: 1 },
 * //  { month: "2026-04", label: "Apr", count: 0, sparks: 0 },
 * //  { month: "2026-05", label: "May", count: 0, sparks: 0 }]
 */
export function monthlyCadence(timeline: readonly TimelineEntry[], asOfMs: number, months = 12): CadenceMonth[] {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`months: expected a whole number ≥ 0, found ${months}`);
  const asOf = new Date(asOfMs);
  // Months are counted as year × 12 + month so buckets index without date arithmetic.
  const lastIndex = asOf.getUTCFullYear() * 12 + asOf.getUTCMonth();
  const firstIndex = lastIndex - months + 1;
  const buckets: CadenceMonth[] = [];
  for (let index = firstIndex; index <= lastIndex; index++) {
    const year = Math.floor(index / 12);
    const month = index - year * 12;
    buckets.push({
      month: `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}`,
      label: MONTH_SHORT_NAMES[month]!,
      count: 0,
      sparks: 0,
    });
  }
  for (const entry of timeline) {
    const ms = parseIsoDate(entry.date);
    if (ms === undefined || ms > asOfMs) continue;
    const d = new Date(ms);
    const bucket = buckets[d.getUTCFullYear() * 12 + d.getUTCMonth() - firstIndex];
    if (bucket === undefined) continue;
    bucket.count++;
    if (entry.spark) bucket.sparks++;
  }
  return buckets;
}
