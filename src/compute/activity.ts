/**
 * "Recent activity": timelines of several products interleaved newest first. Pair pages do this
 * ~45k times, so the merge assumes each list is already sorted and stops at the limit.
 */
import { parseIsoDate } from "../content/schema/common.js";
import type { TimelineEntry } from "../content/schema/product.js";

/**
 * A copy of `entries`, newest first; entries at the same instant keep their original order.
 * An entry whose date cannot be parsed sorts last.
 * @example sortTimelineNewestFirst([{ date: "2026-01-01", … }, { date: "2026-05-01", … }]) // May first, then January
 */
export function sortTimelineNewestFirst<E extends { date: string }>(entries: readonly E[]): E[] {
  // Parse each date once (decorate, sort, undecorate); Array#sort is stable, which keeps ties in input order.
  return entries
    .map((entry) => ({ entry, ms: parseIsoDate(entry.date) ?? -Infinity }))
    .sort((x, y) => (x.ms === y.ms ? 0 : y.ms > x.ms ? 1 : -1))
    .map((d) => d.entry);
}

/**
 * Merges lists that are each sorted newest first into one list of at most `limit` items, newest
 * first, reading each item's instant with `msOf`. Ties (same instant) go to the earlier list,
 * and within a list keep their order. Costs O(limit × lists), independent of list lengths.
 * Use it directly on view models that already carry epoch ms (e.g. `(e) => e.time.ms`).
 * @example
 * interleaveBy([{ owner: "a", entries: [{ ms: 5 }, { ms: 1 }] }, { owner: "b", entries: [{ ms: 3 }] }], (e) => e.ms, 2)
 * // [{ owner: "a", entry: { ms: 5 } }, { owner: "b", entry: { ms: 3 } }]
 */
export function interleaveBy<A, E>(
  lists: readonly { owner: A; entries: readonly E[] }[],
  msOf: (entry: E) => number,
  limit: number,
): { owner: A; entry: E }[] {
  const out: { owner: A; entry: E }[] = [];
  const max = Math.floor(limit);
  const next = lists.map(() => 0);
  // Head instants are cached so each entry's date is read once.
  const heads = lists.map((list) => headMs(list.entries, 0, msOf));
  while (out.length < max) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      // Strictly greater: on a tie the earlier list keeps the slot.
      if (heads[i] !== undefined && (best < 0 || heads[i]! > heads[best]!)) best = i;
    }
    if (best < 0) break;
    const list = lists[best]!;
    const index = next[best]!;
    out.push({ owner: list.owner, entry: list.entries[index]! });
    next[best] = index + 1;
    heads[best] = headMs(list.entries, index + 1, msOf);
  }
  return out;
}

/**
 * {@link interleaveBy} for timeline entries: each list must already be sorted with
 * {@link sortTimelineNewestFirst}. Unparseable dates sort last.
 * @example
 * interleaveActivity([{ owner: kafka, entries: sortTimelineNewestFirst(kafka.timeline) },
 *                     { owner: appwrite, entries: sortTimelineNewestFirst(appwrite.timeline) }])
 * // the 12 newest entries of both, each with its product
 */
export function interleaveActivity<A>(
  lists: readonly { owner: A; entries: readonly TimelineEntry[] }[],
  limit = 12,
): { owner: A; entry: TimelineEntry }[] {
  return interleaveBy(lists, (entry) => parseIsoDate(entry.date) ?? -Infinity, limit);
}

function headMs<E>(entries: readonly E[], index: number, msOf: (entry: E) => number): number | undefined {
  return index < entries.length ? msOf(entries[index]!) : undefined;
}

/**
 * A newest-first timeline without its planned entries (those before `pastFrom`, dated after the
 * as-of time): what latest-activity lists and the feed show. The same array when it has none.
 * @example pastEntries({ timeline: [planned, released], pastFrom: 1 }) // [released]
 */
export function pastEntries<E>(view: { timeline: E[]; pastFrom: number }): E[] {
  return view.pastFrom === 0 ? view.timeline : view.timeline.slice(view.pastFrom);
}
