import type { SiteModel } from "../site/site-model.js";
import { pageJobs, type PageJob } from "../render/page-jobs.js";
import { digest } from "./digest.js";
import type { Link } from "../site/types.js";

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
  // Two fields of a view follow from others hashed here: its cadence chart from its name and
  // months (ctx.cadence), its trajectory from its sections. Leaving them out halves the text to
  // write and hash (4.2 of 8.8 MB at 600 products).
  const productDigest = new Map(
    Object.values(ctx.products).map(({ cadence: _chart, trajectory: _sections, ...p }) => [p.slug, digest(JSON.stringify(p), JSON.stringify(ctx.cadence[p.slug]))]),
  );
  // Alternatives show a card (name, tagline, velocity, links) of the top of the ranking; two
  // page products may be skipped, so limit + 2 cards decide every page of the sector.
  const shown = ctx.site.alternativesLimit + 2;
  const rankingDigest = new Map(
    Object.entries(ctx.rankings).map(([sector, ranked]) => [
      sector,
      // As JSON: a name or tagline may hold any character, a separator too.
      digest(...ranked.slice(0, Math.max(shown, 4)).map((r) => JSON.stringify([r.slug, r.name, r.view.logo ?? "", r.view.tagline, r.view.velocity.text, r.view.sector.slug]))),
    ]),
  );
  // All a pair page shows of one of its products: its own data, the top of its sector's ranking
  // (its alternatives) and the site-wide inputs. A plain pair's digest joins its two products'
  // halves (66 bits each) instead of hashing them again: tens of thousands of hashes saved.
  const pairSide = new Map(
    Object.values(ctx.products).map((p) => [p.slug, digest(siteDigest, productDigest.get(p.slug)!, rankingDigest.get(p.sector.slug) ?? "").slice(0, 11)]),
  );
  const reverseDigest = digest(fingerprint, ctx.site.url);
  const aliases = new Map(model.pages.aliasRedirects.map((r) => [r.from, r.to]));
  return pageJobs(model).map((job) => ({ job, digest: jobDigest(job) }));

  function jobDigest(job: PageJob): string {
    switch (job.kind) {
      case "product": {
        const product = ctx.products[job.slug]!;
        const productPage = ctx.productPages[job.slug]!;
        return digest(siteDigest, productDigest.get(job.slug)!, rankingDigest.get(product.sector.slug) ?? "", JSON.stringify(productPage.meta), linksText(productPage.comparisons));
      }
      case "alternatives": {
        const product = ctx.products[job.slug]!;
        return digest(siteDigest, productDigest.get(job.slug)!, rankingDigest.get(product.sector.slug) ?? "", JSON.stringify(ctx.alternativesPages[job.slug]!.meta));
      }
      case "pair": {
        const curated = ctx.curated[job.slug];
        const sides = pairSide.get(job.a)! + pairSide.get(job.b)!;
        return curated ? digest(sides, JSON.stringify(curated)) : sides;
      }
      case "redirect": {
        const aliasTarget = aliases.get(job.from);
        if (aliasTarget !== undefined) return digest(fingerprint, ctx.site.url, aliasTarget);
        // A reverse-order page's file name stands for its target, so one digest serves them all
        // (tens of thousands of hashes saved); unless a slug holds "-vs-", when one name can be
        // the reverse of one pair in this build and of another in the next.
        return job.to.split("-vs-").length > 2 ? digest(fingerprint, ctx.site.url, job.to) : reverseDigest;
      }
    }
  }
}

/**
 * The text of a list of links, for a digest: 150 head-to-head links a product, 90,000 in all,
 * which JSON.stringify took about four times as long to write in a build's first pass. Each
 * part goes after its length, so no two lists have the same text whatever their names hold.
 * @example linksText([{ name: "vs NATS", url: "/compare/apache-kafka-vs-nats/" }]) // "7:vs NATS30:/compare/apache-kafka-vs-nats/"
 */
export function linksText(links: readonly Link[]): string {
  let text = "";
  for (const link of links) text += `${link.name.length}:${link.name}${link.url.length}:${link.url}`;
  return text;
}
