import { choosePairs, pairUrlClashes, type PairsSetting, type PairUrl } from "../compute/pairs.js";
import { error } from "./problems.js";
import type { Problem } from "./types.js";

/**
 * One problem per product file whose slug contains "-vs-" and makes two pairs claim the same
 * address (a page, or the redirect at a pair's reverse order). Pair addresses join two slugs
 * with "-vs-", so only such a slug can do it; the pairs are chosen as the site will choose them.
 * @example pairUrlProblems([{ slug: "x", …}, { slug: "y-vs-z", …}, { slug: "x-vs-y", …}, { slug: "z", …}], "all", [])[0].file // "content/products/x-vs-y.md"
 */
export function pairUrlProblems(products: readonly { slug: string; file: string; sector: string }[], setting: PairsSetting, curated: readonly { a: string; b: string }[]): Problem[] {
  // Without such a slug no address can be shared; this skips choosing tens of thousands of pairs.
  if (!products.some((p) => p.slug.includes("-vs-"))) return [];
  const files = new Map(products.map((p) => [p.slug, p.file]));
  // A comparison naming a product with errors of its own waits until that product is fixed.
  const pairs = choosePairs(products, setting, curated.filter((c) => files.has(c.a) && files.has(c.b)));
  const problems = new Map<string, Problem>();
  for (const { slug, claims } of pairUrlClashes(pairs)) {
    const involved = [...new Set(claims.flatMap(({ pair }) => [pair.a, pair.b]))].filter((s) => s.includes("-vs-")).sort();
    for (const product of involved) {
      const file = files.get(product)!;
      const message = `/compare/${slug}/ would be the address of both ${claimName(claims[0])} and ${claimName(claims[1])}; pair addresses join two slugs with "-vs-", so rename this product to a slug without "-vs-"`;
      if (!problems.has(`${file}\u0000${slug}`)) problems.set(`${file}\u0000${slug}`, error(file, message));
    }
  }
  return [...problems.values()];
}

function claimName({ pair, reversed }: PairUrl): string {
  return reversed ? `the redirect to ${pair.slug}` : `the page of ${pair.a} and ${pair.b}`;
}
