/**
 * Alternatives ranked by release velocity. Pair pages ask for "the top N of this sector except
 * these two" tens of thousands of times, so the sector is sorted once ({@link rankSector}) and
 * each page walks the sorted list ({@link topExcluding}).
 */

/** What ranking needs to know about a candidate. */
export interface Rankable {
  slug: string;
  name: string;
  velocity: number;
}

// One collator for every comparison: same order as `localeCompare(…, "en")`, without
// re-resolving the locale on each call.
const byName = new Intl.Collator("en").compare;

/**
 * The ranking order: velocity (highest first), then name (English collation), then slug
 * (code units) so the order is total and deterministic.
 * @example [b, a].sort(compareAlternatives)
 */
export function compareAlternatives(x: Rankable, y: Rankable): number {
  if (x.velocity !== y.velocity) return y.velocity - x.velocity;
  return byName(x.name, y.name) || (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0);
}

/**
 * A new array of every candidate in ranking order. Call once per sector.
 * @example rankSector([{ slug: "a", name: "A", velocity: 1 }, { slug: "b", name: "B", velocity: 9 }]).map((c) => c.slug) // ["b", "a"]
 */
export function rankSector<T extends Rankable>(candidates: readonly T[]): T[] {
  return [...candidates].sort(compareAlternatives);
}

/**
 * The first `limit` items of an already ranked list whose slug is not in `exclude`.
 * Walks at most `limit + |exclude|` items (more only if `exclude` holds slugs not in the list
 * region walked); it never sorts.
 * @example topExcluding(rankSector(sectorProducts), ["kafka", "appwrite"], 8)
 */
export function topExcluding<T extends { slug: string }>(sorted: readonly T[], exclude: readonly string[], limit: number): T[] {
  const out: T[] = [];
  const max = Math.floor(limit);
  if (!(max > 0)) return out;
  // Pages exclude one or two slugs: a linear scan of `exclude` beats building a Set per call.
  const skip: { has(slug: string): boolean } = exclude.length > 8 ? new Set(exclude) : { has: (s) => exclude.includes(s) };
  for (const item of sorted) {
    if (skip.has(item.slug)) continue;
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Ranks candidates by velocity (ties by name, then slug), leaves out `exclude`, keeps at most
 * `limit`. Same result as `topExcluding(rankSector(candidates), exclude, limit)`.
 * @example
 * rankAlternatives(
 *   [{ slug: "nats", name: "NATS", velocity: 4 }, { slug: "kafka", name: "Apache Kafka", velocity: 5 },
 *    { slug: "pulsar", name: "Apache Pulsar", velocity: 4 }],
 *   ["kafka"], 8,
 * ).map((c) => c.slug) // ["pulsar", "nats"]
 */
export function rankAlternatives<T extends Rankable>(candidates: readonly T[], exclude: readonly string[], limit: number): T[] {
  return topExcluding(rankSector(candidates), exclude, limit);
}
