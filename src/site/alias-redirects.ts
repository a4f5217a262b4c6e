import type { PairRef } from "../compute/pairs.js";
import { urls } from "./urls.js";
import type { RedirectPage } from "./types.js";

/**
 * Redirects from a renamed product's former slugs (`aliases`) to its current addresses: its
 * page, its alternatives page and each of its comparisons, in both orders, so links to any of
 * them keep working after a rename. Comparisons are left out where a slug contains "-vs-":
 * an address joining it with another could then read as a different pair's.
 * @example aliasRedirects([{ slug: "apache-kafka", aliases: ["kafka"] }, { slug: "nats" }], [{ slug: "apache-kafka-vs-nats", a: "apache-kafka", b: "nats", curated: false }]).map((r) => r.from)
 * // ["/products/kafka/", "/alternatives/kafka/", "/compare/kafka-vs-nats/", "/compare/nats-vs-kafka/"]
 */
export function aliasRedirects(products: readonly { slug: string; aliases?: readonly string[] | undefined }[], pairs: readonly PairRef[]): RedirectPage[] {
  const redirects: RedirectPage[] = products.flatMap((p) =>
    (p.aliases ?? []).flatMap((alias) => [
      { from: urls.product(alias), to: urls.product(p.slug) },
      { from: urls.alternatives(alias), to: urls.alternatives(p.slug) },
    ]),
  );
  const names = new Map(products.filter((p) => p.aliases?.length).map((p) => [p.slug, [p.slug, ...p.aliases!]]));
  if (names.size === 0) return redirects;
  for (const pair of pairs) {
    const as = names.get(pair.a) ?? [pair.a];
    const bs = names.get(pair.b) ?? [pair.b];
    if ((as.length === 1 && bs.length === 1) || [...as, ...bs].some((s) => s.includes("-vs-"))) continue;
    for (const x of as) {
      for (const y of bs) {
        if (x === pair.a && y === pair.b) continue;
        redirects.push({ from: urls.compare(`${x}-vs-${y}`), to: urls.compare(pair.slug) }, { from: urls.compare(`${y}-vs-${x}`), to: urls.compare(pair.slug) });
      }
    }
  }
  return redirects;
}
