import type { SiteModel } from "../site/site-model.js";
import { reversePairSlug } from "../compute/pairs.js";
import { outputFileFor, urls } from "../site/urls.js";

/** One file a render worker writes: a product's page or alternatives page, a pair page, or a redirect page. */
export type PageJob =
  | { kind: "product" | "alternatives"; file: string; slug: string }
  | { kind: "pair"; file: string; slug: string; a: string; b: string }
  | { kind: "redirect"; file: string; from: string; to: string };

/**
 * What a worker needs once, before any job: the shared per-product data and where to write.
 * The context's product and alternatives pages come empty; their views come with their jobs.
 */
export interface WorkerSetup {
  context: import("../site/pair-page.js").PairContext;
  outDir: string;
  /** The last build's output: a page whose bytes are the same there is not written again. */
  previousDir?: string;
}

/** What a render thread is started with: the build's render fingerprint, for the compiled templates. */
export interface RenderWorkerData {
  fingerprint: string;
}

/** The product and alternatives page views a batch of jobs needs. */
export type PageViews = Pick<import("../site/pair-page.js").PairContext, "productPages" | "alternativesPages">;
export type WorkerRequest = { jobs: PageJob[]; pages: PageViews };
export type WorkerReply = { done: number; unchanged: string[] } | { error: string };

/**
 * Every page that comes one per product or per pair, in a fixed order: each product's page and
 * alternatives page, then each pair's page and (with `reversePairPages`) the redirect page at
 * its reverse-order URL, then the redirects from product aliases.
 * @example pageJobs(model).find((j) => j.kind === "pair") // { kind: "pair", file: "compare/apache-kafka-vs-nats/index.html", slug: "apache-kafka-vs-nats", a: "apache-kafka", b: "nats" }
 */
export function pageJobs(model: SiteModel): PageJob[] {
  const out: PageJob[] = [];
  for (const product of Object.values(model.pairContext.products)) {
    out.push({ kind: "product", file: outputFileFor(product.url), slug: product.slug });
    out.push({ kind: "alternatives", file: outputFileFor(product.alternativesUrl), slug: product.slug });
  }
  for (const pair of model.pairs) {
    out.push({ kind: "pair", file: outputFileFor(urls.compare(pair.slug)), slug: pair.slug, a: pair.a, b: pair.b });
    if (model.reversePairPages) out.push(redirectJob(urls.compare(reversePairSlug(pair.a, pair.b)), urls.compare(pair.slug)));
  }
  for (const r of model.pages.aliasRedirects) out.push(redirectJob(r.from, r.to));
  return out;
}

/**
 * Whether pageJobs lists the same jobs for both models, judged from all it reads: each
 * product's slug and URLs, the pairs, `reversePairPages` and the alias redirects, in order. A
 * dev-server save that edits a product's text keeps them all, and then its index of the
 * site's pages need not be built again. Keep in step with pageJobs.
 * @example samePageJobs(model, modelAfterTaglineEdit) // true
 */
export function samePageJobs(a: SiteModel, b: SiteModel): boolean {
  if (a.reversePairPages !== b.reversePairPages) return false;
  const productsA = Object.values(a.pairContext.products);
  const productsB = Object.values(b.pairContext.products);
  return (
    sameItems(productsA, productsB, (x, y) => x.slug === y.slug && x.url === y.url && x.alternativesUrl === y.alternativesUrl) &&
    sameItems(a.pairs, b.pairs, (x, y) => x.slug === y.slug && x.a === y.a && x.b === y.b) &&
    sameItems(a.pages.aliasRedirects, b.pages.aliasRedirects, (x, y) => x.from === y.from && x.to === y.to)
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

/**
 * How many jobs pageJobs makes for a site of `products` products when every pair has a page and
 * a reverse-order redirect page, alias redirects aside: what a build can know before it loads
 * the content, to judge whether it will want render threads.
 * @example mostPageJobs(12) // 156: 24 product and alternatives pages, 66 pairs, 66 redirects
 */
export function mostPageJobs(products: number): number {
  return 2 * products + products * (products - 1);
}

function redirectJob(from: string, to: string): PageJob {
  return { kind: "redirect", file: outputFileFor(from), from, to };
}
