import type { CadenceMonth } from "../compute/cadence.js";
import { interleaveBy, pastEntries } from "../compute/activity.js";
import { topExcluding, compareAlternatives } from "../compute/alternatives.js";
import { pairFaq } from "../compute/faq.js";
import { pairSlug } from "../compute/pairs.js";
import { sharedThemes } from "../compute/themes.js";
import { cadenceChart } from "../charts/cadence-chart.js";
import { breadcrumbList, faqPage, serializeJsonLd } from "./json-ld.js";
import { urls } from "./urls.js";
import type { AlternativeCard, AlternativesPage, CuratedView, Link, PageMeta, PairPage, ProductPage, ProductView, SiteView } from "./types.js";

/** A product as the alternatives ranking sees it: rank keys plus its view. */
export interface RankedProduct {
  slug: string;
  name: string;
  velocity: number;
  view: ProductView;
}

/**
 * Everything the render workers' pages are built from, computed once per build. It is sent to
 * the workers as one message, so pages hold references into it, never copies.
 */
export interface PairContext {
  site: SiteView;
  products: Record<string, ProductView>;
  /** Per product, its monthly cadence (for the two-series chart). */
  cadence: Record<string, CadenceMonth[]>;
  /** Per sector, its products ranked by velocity (see rankSector). */
  rankings: Record<string, RankedProduct[]>;
  /** Slugs of every pair page that exists, for pivot links. */
  pairSlugs: Set<string>;
  curated: Record<string, CuratedView>;
  /** Per product, its trajectory page and its alternatives page. */
  productPages: Record<string, ProductPage>;
  alternativesPages: Record<string, AlternativesPage>;
}

/**
 * The "Alternatives to A and B" cards of a page: the best of the products' sectors by velocity,
 * without the page's own products, each with head-to-head links to the page's products where
 * those pages exist.
 */
export function alternativeCards(ctx: PairContext, of: ProductView[], limit: number): AlternativeCard[] {
  // Called once per pair page, so plain loops: a Set and a flatMap per call took about 2 µs.
  const exclude = of.map((p) => p.slug);
  const sectors: string[] = [];
  for (const p of of) if (!sectors.includes(p.sector.slug)) sectors.push(p.sector.slug);
  let ranked = topExcluding(ctx.rankings[sectors[0]!] ?? [], exclude, limit);
  if (sectors.length > 1) {
    ranked = sectors
      .flatMap((s) => topExcluding(ctx.rankings[s] ?? [], exclude, limit))
      .sort(compareAlternatives)
      .slice(0, limit);
  }
  return ranked.map((r, i) => ({ product: r.view, rank: i + 1, pivots: pivotsTo(ctx, r, of) }));
}

function pivotsTo(ctx: PairContext, r: RankedProduct, of: ProductView[]): Link[] {
  if (of.length === 1) return pivotTo(ctx, r, of[0]!);
  const links: Link[] = [];
  for (const p of of) links.push(...pivotTo(ctx, r, p));
  return links;
}

// Per ranked product, its head-to-head link to each page product: a card shows the same link
// on thousands of pair pages. Keyed by the context's own objects, so each build starts afresh.
const pivots = new WeakMap<RankedProduct, Map<ProductView, Link[]>>();

function pivotTo(ctx: PairContext, r: RankedProduct, p: ProductView): Link[] {
  let byProduct = pivots.get(r);
  if (!byProduct) pivots.set(r, (byProduct = new Map()));
  let link = byProduct.get(p);
  if (link === undefined) {
    const slug = pairSlug(r.slug, p.slug);
    link = ctx.pairSlugs.has(slug) ? [{ name: `${r.name} vs ${p.name}`, url: urls.compare(slug) }] : [];
    byProduct.set(p, link);
  }
  return link;
}

/** Page head values shared by every page type. */
export function pageMeta(site: SiteView, input: { title: string; description: string; path: string; breadcrumbs: Link[]; jsonLd?: object[]; ogType?: "website" | "article"; ogImage?: string }): PageMeta {
  return {
    title: input.title,
    description: input.description,
    path: input.path,
    canonical: site.url + input.path,
    ogType: input.ogType ?? "article",
    ...(input.ogImage === undefined ? {} : { ogImage: input.ogImage }),
    breadcrumbs: input.breadcrumbs,
    jsonLd: [breadcrumbList(site.url, input.breadcrumbs), ...(input.jsonLd ?? [])].map(serializeJsonLd),
  };
}

/**
 * The X-vs-Y page of one pair. Cheap by design: it is called once per pair (tens of thousands
 * of times), and all per-product work was done when the context was built.
 */
export function buildPairPage(ctx: PairContext, pair: { slug: string; a: string; b: string }): PairPage {
  const a = ctx.products[pair.a]!;
  const b = ctx.products[pair.b]!;
  const curated = ctx.curated[pair.slug];
  const sector = a.sector.slug === b.sector.slug ? a.sector : undefined;
  const heading = curated?.title ?? `${a.name} vs ${b.name}`;
  const path = urls.compare(pair.slug);
  const alternatives = alternativeCards(ctx, [a, b], ctx.site.alternativesLimit);
  const shared = sharedThemes(a.themes, b.themes);
  const faq = pairFaq({
    a: { name: a.name, velocity: a.velocity.score, velocityText: a.velocity.text, sparks30d: a.sparks30d, sectorName: a.sector.name },
    b: { name: b.name, velocity: b.velocity.score, velocityText: b.velocity.text, sparks30d: b.sparks30d, sectorName: b.sector.name },
    siteUrl: ctx.site.url,
    shared,
    alternativesA: topAlternatives(ctx, a),
    alternativesB: topAlternatives(ctx, b),
    alternativesUrlA: a.alternativesUrl,
    alternativesUrlB: b.alternativesUrl,
  });
  if (curated) faq.push(...curated.faq);
  const breadcrumbs: Link[] = [{ name: "Home", url: urls.home() }, ...(sector ? [{ name: sector.name, url: sector.url }] : []), { name: heading, url: path }];
  return {
    slug: pair.slug,
    a,
    b,
    ...(sector ? { sector } : {}),
    meta: pageMeta(ctx.site, {
      title: `${heading}: velocity, themes and alternatives | ${ctx.site.name}`,
      description: `${a.name} (velocity ${a.velocity.text}) and ${b.name} (velocity ${b.velocity.text}) side by side: release pace, themes, recent releases, editorial outlook and the best alternatives.`,
      path,
      breadcrumbs,
      jsonLd: [faqPage(faq)],
      ...(curated?.ogImage === undefined ? {} : { ogImage: curated.ogImage }),
    }),
    heading,
    intro: `How ${a.name} and ${b.name} compare on release velocity, themes and recent moves, with the alternatives worth a look.`,
    glance: [
      { label: "Sector", a: a.sector.name, b: b.sector.name },
      { kind: "velocity", label: "Velocity score", a: a.velocity.text, b: b.velocity.text },
      { label: "Sparks · 30d", a: String(a.sparks30d), b: String(b.sparks30d) },
      { label: "Top themes", a: a.themes.join(", ") || "—", b: b.themes.join(", ") || "—" },
      { kind: "updated", label: "Last editorial update", a: a.updated.relative, b: b.updated.relative },
    ],
    sharedThemes: shared,
    alternatives,
    activity: interleaveBy(
      [
        { owner: { name: a.name, url: a.url }, entries: pastEntries(a) },
        { owner: { name: b.name, url: b.url }, entries: pastEntries(b) },
      ],
      (e) => e.time.ms,
      12,
    ).map(({ owner, entry }) => ({ product: owner, entry })),
    faq,
    cadence: cadenceChart(
      [
        { name: a.name, months: ctx.cadence[a.slug]! },
        { name: b.name, months: ctx.cadence[b.slug]! },
      ],
      "cadence-pair",
    ),
    ...(curated ? { curated } : {}),
  };
}

function topAlternatives(ctx: PairContext, p: ProductView): { name: string }[] {
  return topExcluding(ctx.rankings[p.sector.slug] ?? [], [p.slug], 3);
}
