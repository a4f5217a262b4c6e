import type { SiteModel } from "../site/site-model.js";
import type { PageJob } from "../render/page-jobs.js";
import { reversePairSlug } from "../compute/pairs.js";
import { outputFileFor, urls } from "../site/urls.js";
import { digest } from "./digest.js";

/**
 * Every page that comes one per product or per pair (product, alternatives, pair and redirect
 * pages), in a fixed order, each with a digest of exactly what its HTML depends on.
 * Per-product digests are computed once; a pair's digest
 * combines its two products, the few top-ranked products its alternatives can show, and the
 * site-wide inputs. Editing one product's body thus changes only the pages that show that body.
 */
export function pageJobsWithDigests(model: SiteModel, fingerprint: string): { job: PageJob; digest: string }[] {
  const ctx = model.pairContext;
  // Which pairs exist (pivot links) follows from the setting, the sectors and the curated list;
  // hashing those, not every pair, keeps a new or deleted product from touching other pages.
  const siteDigest = digest(fingerprint, JSON.stringify(ctx.site), model.pairsSetting, Object.keys(ctx.curated).sort().join(","));
  const productDigest = new Map(Object.values(ctx.products).map((p) => [p.slug, digest(JSON.stringify(p), JSON.stringify(ctx.cadence[p.slug]))]));
  // Alternatives show a card (name, tagline, velocity, links) of the top of the ranking; two
  // page products may be skipped, so limit + 2 cards decide every page of the sector.
  const shown = ctx.site.alternativesLimit + 2;
  const rankingDigest = new Map(
    Object.entries(ctx.rankings).map(([sector, ranked]) => [
      sector,
      digest(...ranked.slice(0, Math.max(shown, 4)).map((r) => [r.slug, r.name, r.view.logo ?? "", r.view.tagline, r.view.velocity.text, r.view.sector.slug].join("\u0001"))),
    ]),
  );
  const reverseDigest = digest(fingerprint, ctx.site.url);
  const out: { job: PageJob; digest: string }[] = [];
  for (const product of Object.values(ctx.products)) {
    const productPage = ctx.productPages[product.slug]!;
    const ranking = rankingDigest.get(product.sector.slug) ?? "";
    const own = productDigest.get(product.slug)!;
    out.push({
      job: { kind: "product", file: outputFileFor(product.url), slug: product.slug },
      digest: digest(siteDigest, own, ranking, JSON.stringify(productPage.meta), JSON.stringify(productPage.comparisons)),
    });
    out.push({
      job: { kind: "alternatives", file: outputFileFor(product.alternativesUrl), slug: product.slug },
      digest: digest(siteDigest, own, ranking, JSON.stringify(ctx.alternativesPages[product.slug]!.meta)),
    });
  }
  for (const pair of model.pairs) {
    const a = ctx.products[pair.a]!;
    const b = ctx.products[pair.b]!;
    const curated = ctx.curated[pair.slug];
    out.push({
      job: { kind: "pair", file: outputFileFor(urls.compare(pair.slug)), slug: pair.slug, a: pair.a, b: pair.b },
      digest: digest(
        siteDigest,
        productDigest.get(pair.a)!,
        productDigest.get(pair.b)!,
        rankingDigest.get(a.sector.slug) ?? "",
        rankingDigest.get(b.sector.slug) ?? "",
        curated ? JSON.stringify(curated) : "",
      ),
    });
    // A reverse-order page always leads to the same pair, so its file name stands for its
    // target: one digest serves them all (tens of thousands of hashes saved).
    if (model.reversePairPages) out.push({ job: redirectJob(urls.compare(reversePairSlug(pair.a, pair.b)), urls.compare(pair.slug)), digest: reverseDigest });
  }
  for (const r of model.pages.aliasRedirects) out.push({ job: redirectJob(r.from, r.to), digest: digest(fingerprint, ctx.site.url, r.to) });
  return out;
}

function redirectJob(from: string, to: string): PageJob {
  return { kind: "redirect", file: outputFileFor(from), from, to };
}
