/** "Sparks · 30d": how many editorial sparks a product had in the 30 days before the as-of time. */
import { parseIsoDate } from "../content/schema/common.js";
import type { TimelineEntry } from "../content/schema/product.js";

/** Length of the sparks window. */
export const SPARKS_WINDOW_DAYS = 30;
const WINDOW_MS = SPARKS_WINDOW_DAYS * 86_400_000;

/**
 * Counts entries with `spark: true` dated in `(asOf − 30 days, asOf]`: an entry exactly 30 days
 * old has left the window, one at the as-of instant is in it, future entries are not counted.
 * @example
 * sparksInLast30Days([{ date: "2026-05-01", title: "x", kind: "release", spark: true }], Date.UTC(2026, 4, 21)) // 1
 */
export function sparksInLast30Days(timeline: readonly TimelineEntry[], asOfMs: number): number {
  let count = 0;
  for (const entry of timeline) {
    if (!entry.spark) continue;
    const ms = parseIsoDate(entry.date);
    if (ms !== undefined && ms <= asOfMs && ms > asOfMs - WINDOW_MS) count++;
  }
  return count;
}
