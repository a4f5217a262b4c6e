/**
 * Which "X vs Y" pages exist. A pair's canonical slug puts the two product slugs in
 * alphabetical order (plain code-unit comparison, so it never depends on a locale).
 */

/** One comparison page to generate. `a` sorts before `b`. */
export interface PairRef {
  /** `<a>-vs-<b>` */
  slug: string;
  a: string;
  b: string;
  /** True when an editor wrote a comparison file for this pair. */
  curated: boolean;
}

/** The `pairs` setting of data/site.json. */
export type PairsSetting = "sector" | "all" | "curated";

/**
 * The canonical slug of a pair, whichever order the slugs are given in.
 * @example pairSlug("kafka", "appwrite") // "appwrite-vs-kafka"
 * @example pairSlug("appwrite", "kafka") // "appwrite-vs-kafka"
 */
export function pairSlug(x: string, y: string): string {
  const [a, b] = orderPair(x, y);
  return `${a}-vs-${b}`;
}

/**
 * The non-canonical slug of a pair (later slug first), whose URL redirects to the canonical one.
 * @example reversePairSlug("appwrite", "kafka") // "kafka-vs-appwrite"
 */
export function reversePairSlug(x: string, y: string): string {
  const [a, b] = orderPair(x, y);
  return `${b}-vs-${a}`;
}

/**
 * The two slugs in canonical order. A product never pairs with itself.
 * @example orderPair("kafka", "appwrite") // ["appwrite", "kafka"]
 */
export function orderPair(x: string, y: string): [string, string] {
  if (x === y) throw new RangeError(`a pair needs two different products, found "${x}" twice`);
  return x < y ? [x, y] : [y, x];
}

/**
 * The pairs that get a page, sorted by slug, each once:
 * - `"sector"`: every pair of products in the same sector;
 * - `"all"`: every pair of products;
 * - `"curated"`: none but the curated ones.
 * Curated pairs are always included (whatever their sectors, in either order) and flagged.
 * Duplicate products in the input are ignored. Checking that curated slugs name real products,
 * and that no two pairs share a URL (see pairUrlClashes), is the content loader's job.
 *
 * Cost: O(p log p) for p pairs (≈45k pairs for 600 products in 4 sectors).
 * @example
 * choosePairs(
 *   [{ slug: "kafka", sector: "devops" }, { slug: "appwrite", sector: "devops" }, { slug: "spark", sector: "data" }],
 *   "sector",
 *   [{ a: "spark", b: "kafka" }],
 * )
 * // [{ slug: "appwrite-vs-kafka", a: "appwrite", b: "kafka", curated: false },
 * //  { slug: "kafka-vs-spark", a: "kafka", b: "spark", curated: true }]
 */
export function choosePairs(
  products: readonly { slug: string; sector: string }[],
  setting: PairsSetting,
  curated: readonly { a: string; b: string }[],
): PairRef[] {
  // Keyed by the two slugs, not the page slug: two pairs can share a page slug (pairUrlClashes).
  const byPair = new Map<string, PairRef>();
  const add = (a: string, b: string, isCurated: boolean): void => {
    const key = `${a}\u0000${b}`;
    const existing = byPair.get(key);
    if (existing === undefined) byPair.set(key, { slug: `${a}-vs-${b}`, a, b, curated: isCurated });
    else if (isCurated) existing.curated = true;
  };

  if (setting !== "curated") {
    // Sorting the slugs once means every generated (i < j) pair is already in canonical order.
    const unique = [...new Map(products.map((p) => [p.slug, p] as const)).values()];
    unique.sort((p, q) => (p.slug < q.slug ? -1 : p.slug > q.slug ? 1 : 0));
    const groups = setting === "all" ? [unique] : groupBySector(unique);
    for (const group of groups) {
      for (let i = 0; i < group.length; i++) {
        const a = group[i]!.slug;
        for (let j = i + 1; j < group.length; j++) add(a, group[j]!.slug, false);
      }
    }
  }
  for (const pair of curated) {
    const [a, b] = orderPair(pair.a, pair.b);
    add(a, b, true);
  }
  return [...byPair.values()].sort((p, q) => (p.slug < q.slug ? -1 : p.slug > q.slug ? 1 : p.a < q.a ? -1 : 1));
}

/** A pair's page, or (`reversed`) the redirect at its reverse-order URL. */
export interface PairUrl {
  pair: PairRef;
  reversed: boolean;
}

/**
 * URLs that two pairs would share, each with the two claims on it: pages and reverse-order
 * redirects alike. Only a product slug containing "-vs-" makes this possible (slugs allow it),
 * as in "x" + "y-vs-z" and "x-vs-y" + "z"; callers skip the call when no slug has one.
 * @example pairUrlClashes(choosePairs([{ slug: "x", sector: "s" }, { slug: "y-vs-z", sector: "s" }, { slug: "x-vs-y", sector: "s" }, { slug: "z", sector: "s" }], "all", []))[0].slug // "x-vs-y-vs-z"
 */
export function pairUrlClashes(pairs: readonly PairRef[]): { slug: string; claims: [PairUrl, PairUrl] }[] {
  const claimed = new Map<string, PairUrl>();
  const clashes: { slug: string; claims: [PairUrl, PairUrl] }[] = [];
  for (const pair of pairs) {
    for (const url of [{ pair, reversed: false }, { pair, reversed: true }]) {
      const slug = url.reversed ? reversePairSlug(pair.a, pair.b) : pair.slug;
      const first = claimed.get(slug);
      if (first === undefined) claimed.set(slug, url);
      else clashes.push({ slug, claims: [first, url] });
    }
  }
  return clashes;
}

function groupBySector<T extends { sector: string }>(products: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const p of products) {
    const group = groups.get(p.sector);
    if (group) group.push(p);
    else groups.set(p.sector, [p]);
  }
  return [...groups.values()];
}
