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
 * Duplicate products in the input are ignored. Checking that curated slugs name real products
 * is the content loader's job. Two different pairs whose slugs collide (possible only when a
 * product slug itself contains "-vs-") throw, since they would share one URL.
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
  const bySlug = new Map<string, PairRef>();
  const add = (a: string, b: string, isCurated: boolean): void => {
    const slug = `${a}-vs-${b}`;
    const existing = bySlug.get(slug);
    if (existing === undefined) {
      bySlug.set(slug, { slug, a, b, curated: isCurated });
    } else if (existing.a !== a) {
      throw new Error(`pairs "${existing.a}" + "${existing.b}" and "${a}" + "${b}" would both be at /${slug}`);
    } else if (isCurated) {
      existing.curated = true;
    }
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
  return [...bySlug.values()].sort((p, q) => (p.slug < q.slug ? -1 : p.slug > q.slug ? 1 : 0));
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
