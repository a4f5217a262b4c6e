import type { TimelineEntry } from "../../src/content/schema/product.js";

/** A timeline entry with defaults, for tests. */
export function entry(date: string, kind: TimelineEntry["kind"] = "release", spark = false, title = `${kind} ${date}`): TimelineEntry {
  return { date, title, kind, spark };
}

/** 2026-05-21T00:00:00Z, the as-of time most tests use. */
export const AS_OF = Date.UTC(2026, 4, 21);
export const DAY = 86_400_000;
