import { didYouMean } from "./did-you-mean.js";

export type PairName = { ok: true; a: string; b: string } | { ok: false; message: string };

const SEPARATOR = "-vs-";

/**
 * Reads the two product slugs from a curated comparison's slug. Slugs may themselves contain
 * hyphens (even `-vs-`), so every `-vs-` position is tried against the known products.
 * @param ext the file's extension, to word the rename hint
 * @param comparisons the slugs of every comparison file, so a hint never renames onto one
 * @example parsePairSlug("apache-kafka-vs-redpanda", new Set(["apache-kafka", "redpanda"]), "md")
 * // { ok: true, a: "apache-kafka", b: "redpanda" }
 * @example parsePairSlug("redpanda-vs-apache-kafka", products, "md").message
 * // 'expected the two products in alphabetical order; rename the file to apache-kafka-vs-redpanda.md'
 */
export function parsePairSlug(slug: string, products: ReadonlySet<string>, ext: string, comparisons: ReadonlySet<string> = new Set()): PairName {
  const splits: [string, string][] = [];
  for (let i = slug.indexOf(SEPARATOR); i !== -1; i = slug.indexOf(SEPARATOR, i + 1)) {
    splits.push([slug.slice(0, i), slug.slice(i + SEPARATOR.length)]);
  }
  if (splits.length === 0) {
    return { ok: false, message: `expected a file name <a>-vs-<b>.${ext} naming two products, found "${slug}.${ext}"` };
  }
  const matches = splits.filter(([a, b]) => products.has(a) && products.has(b));
  if (matches.length === 0) {
    if (splits.length > 1) {
      return { ok: false, message: `expected a file name <a>-vs-<b>.${ext} naming two products; no way of splitting "${slug}" at "-vs-" names two existing products` };
    }
    const unknown = splits[0]!.filter((s) => !products.has(s)).map((s) => {
      const near = didYouMean(s, products);
      return near === undefined ? `"${s}"` : `"${s}" (did you mean "${near}"?)`;
    });
    return { ok: false, message: `file name names unknown product${unknown.length > 1 ? "s" : ""} ${unknown.join(" and ")}; expected <a>-vs-<b>.${ext} with two files in content/products` };
  }
  if (matches.length > 1) {
    const readings = matches.map(([a, b]) => `"${a}" vs "${b}"`).join(" or ");
    return { ok: false, message: `file name is ambiguous: it reads as ${readings}` };
  }
  const [a, b] = matches[0]!;
  if (a === b) return { ok: false, message: `file name compares "${a}" with itself; expected two different products` };
  if (a > b) {
    const right = `${b}-vs-${a}`;
    // Renaming onto a file that exists would lose one of the two.
    const fix = comparisons.has(right) ? `${right} exists too: keep one of the two files` : `rename the file to ${right}.${ext}`;
    return { ok: false, message: `expected the two products in alphabetical order; ${fix}` };
  }
  return { ok: true, a, b };
}
