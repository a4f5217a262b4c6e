import type { Content, Product, Sector } from "../content/types.js";
import { choosePairs, type PairRef, type PairsSetting } from "../compute/pairs.js";
import { rankSector } from "../compute/alternatives.js";
import { type CadenceMonth, monthlyCadence } from "../compute/cadence.js";
import { interleaveBy, pastEntries } from "../compute/activity.js";
import { plural } from "../compute/plural.js";
import { productCardView, productView } from "./product-view.js";
import { matrixPage } from "./matrix-page.js";
import { methodologyPage } from "./methodology-page.js";
import { aliasRedirects } from "./alias-redirects.js";
import { curatedView } from "./curated-view.js";
import { alternativeCards, pageMeta, type PairContext, type RankedProduct } from "./pair-page.js";
import { itemList } from "./json-ld.js";
import { markdownToText, renderInline, renderMarkdown, type MarkdownMemo } from "./markdown.js";
import { urls } from "./urls.js";
import { basePathOf } from "./base-path.js";
import type {
  AlternativesPage, HomePage, Link, MatrixPage, MethodologyPage, PageMeta, ProductPage, ProductView, RedirectPage, SectorPage, SiteView,
} from "./types.js";

export interface ModelOptions {
  asOfMs: number;
  /** Fingerprinted asset paths. */
  assets: SiteView["assets"];
  search: boolean;
  /** Site paths of rendered social cards, by page path (see social cards). */
  ogImages?: Record<string, string>;
  /**
   * Product views of an earlier model, by what they are computed from, for a caller that builds
   * one model after another (the dev server): an unchanged product keeps its view. Updated to
   * hold this model's views only.
   */
  productViews?: Map<string, ProductView>;
  /** Product bodies' HTML rendered by earlier builds (see MarkdownCache). */
  markdown?: MarkdownMemo;
  /**
   * Link from the root of the domain even when `url` has a path: the dev server serves the site
   * at its own root.
   */
  atRoot?: boolean;
}

/** Everything the site renders, computed from validated content and the as-of time. */
export interface SiteModel {
  /**
   * The build's as-of time (SOURCE_DATE_EPOCH or start), ISO 8601 UTC, for the data files that
   * say when they were made. Kept out of `site`, which every page sees and every page digest
   * hashes: pages show the as-of time only through values computed from it (relative times,
   * velocity, sparks), so a rebuild minutes later renders only pages whose values changed.
   */
  asOfIso: string;
  site: SiteView;
  pairs: PairRef[];
  /** `pairs` from site.json: which pairs get pages. */
  pairsSetting: PairsSetting;
  /** `reverse_pair_pages` from site.json: HTML redirect pages at reverse-order pair URLs. */
  reversePairPages: boolean;
  pairContext: PairContext;
  /**
   * The pages Eleventy renders; this alone goes into its data cascade. Pages that come one per
   * product or per pair are rendered by src/render from `pairContext`, with digests, so a build
   * renders only those whose inputs changed.
   */
  pages: EleventyPages;
}

export interface EleventyPages {
  home: HomePage;
  methodology: MethodologyPage;
  sectorPages: SectorPage[];
  matrixPages: MatrixPage[];
  /** Product aliases: old product URLs that lead to the canonical page. */
  aliasRedirects: RedirectPage[];
  notFound: { meta: PageMeta };
  /** The search page, and the pages it lists for readers without JavaScript (or a search index). */
  searchPage: { meta: PageMeta; browse: Link[] };
  /** Canonical site paths of every page other than pair pages, for the sitemap. */
  pagePaths: string[];
}

/**
 * Builds the view model. Per-product work (markdown, velocity, charts) happens once here;
 * pair pages are assembled later from references into `pairContext`.
 */
export function buildSiteModel(content: Content, options: ModelOptions): SiteModel {
  const { asOfMs } = options;
  // As a browser writes it (punycode host, percent-encoded path), for sitemaps and feeds to be valid.
  const siteUrl = new URL(content.site.url).href.replace(/\/+$/, "");
  const site: SiteView = {
    name: content.site.name,
    url: siteUrl,
    basePath: options.atRoot ? "" : basePathOf(siteUrl),
    description: content.site.description,
    alternativesLimit: content.site.alternatives_limit,
    assets: options.assets,
    nav: [
      ...content.sectors.map((s) => ({ name: s.name, url: urls.sector(s.slug) })),
      { name: "Methodology", url: urls.methodology() },
    ],
    search: options.search,
  };
  const og = (path: string): string | undefined => {
    const img = options.ogImages?.[path];
    return img === undefined ? undefined : siteUrl + img;
  };
  const sectors = new Map(content.sectors.map((s) => [s.slug, s]));
  const productsBySlug = new Map(content.products.map((p) => [p.slug, p]));
  // Each product's months feed its own chart and every pair page's chart of it.
  const cadence = Object.fromEntries(content.products.map((p) => [p.slug, monthlyCadence(p.timeline, asOfMs)]));
  const products = productViews(content.products, sectors, asOfMs, cadence, options.productViews, options.markdown);
  // One card object per product, so its rendered card is cached once (see fragment-cache).
  const cards = Object.fromEntries(Object.values(products).map((v) => [v.slug, productCardView(v)]));
  const rankings: Record<string, RankedProduct[]> = {};
  for (const s of content.sectors) {
    rankings[s.slug] = rankSector(
      content.products.filter((p) => p.sector === s.slug).map((p) => ({ slug: p.slug, name: p.name, velocity: products[p.slug]!.velocity.score, view: products[p.slug]! })),
    );
  }
  const pairs = choosePairs(content.products, content.site.pairs, content.comparisons);
  const curated = Object.fromEntries(
    content.comparisons.map((c) => {
      const view = curatedView(c, productsBySlug.get(c.a)!, productsBySlug.get(c.b)!, asOfMs, siteUrl);
      const img = og(urls.compare(c.slug));
      return [c.slug, img === undefined ? view : { ...view, ogImage: img }];
    }),
  );
  const pairContext: PairContext = {
    site,
    products,
    cadence,
    rankings,
    pairSlugs: new Set(pairs.map((p) => p.slug)),
    curated,
    productPages: {},
    alternativesPages: {},
  };
  const home = urls.home();
  const crumbsFor = (p: Product, last: Link): Link[] => [
    { name: "Home", url: home },
    { name: sectors.get(p.sector)!.name, url: urls.sector(p.sector) },
    last,
  ];
  // 90,000 links at 600 products: each name and URL is made once and shared.
  const versus = new Map(Object.values(products).map((v) => [v.slug, `vs ${v.name}`]));
  const comparisonsOf = new Map<string, Link[]>(content.products.map((p) => [p.slug, []]));
  for (const pair of pairs) {
    const url = urls.compare(pair.slug);
    comparisonsOf.get(pair.a)!.push({ name: versus.get(pair.b)!, url });
    comparisonsOf.get(pair.b)!.push({ name: versus.get(pair.a)!, url });
  }

  // A product's page and its alternatives page list the same cards.
  const alternativesOf = new Map(content.products.map((p) => [p.slug, alternativeCards(pairContext, [products[p.slug]!], site.alternativesLimit)]));
  const productPages: ProductPage[] = content.products.map((p) => {
    const view = products[p.slug]!;
    const img = og(view.url);
    return {
      product: view,
      meta: pageMeta(site, {
        title: `${p.name}: release velocity, trajectory and alternatives | ${site.name}`,
        description: `${view.tagline} Velocity ${view.velocity.text}, ${plural(view.timeline.length, "tracked release or announcement", "tracked releases and announcements")}.`,
        path: view.url,
        breadcrumbs: crumbsFor(p, { name: p.name, url: view.url }),
        ...(img === undefined ? {} : { ogImage: img }),
      }),
      alternatives: alternativesOf.get(p.slug)!,
      comparisons: comparisonsOf.get(p.slug)!.sort((x, y) => x.name.localeCompare(y.name, "en")),
    };
  });

  const alternativesPages: AlternativesPage[] = content.products.map((p) => {
    const view = products[p.slug]!;
    const alternatives = alternativesOf.get(p.slug)!;
    const title = `Alternatives to ${p.name}`;
    return {
      product: view,
      meta: pageMeta(site, {
        title: `${title}, ranked by release velocity | ${site.name}`,
        description: alternativesDescription(p.name, view.sector.name, alternatives.length),
        path: view.alternativesUrl,
        breadcrumbs: crumbsFor(p, { name: title, url: view.alternativesUrl }),
        jsonLd: [itemList(siteUrl, title, alternatives.map((c) => ({ name: c.product.name, url: c.product.url })))],
      }),
      alternatives,
    };
  });

  for (const page of productPages) pairContext.productPages[page.product.slug] = page;
  for (const page of alternativesPages) pairContext.alternativesPages[page.product.slug] = page;

  const sectorPages: SectorPage[] = content.sectors.map((s) => {
    const path = urls.sector(s.slug);
    return {
      slug: s.slug,
      name: s.name,
      descriptionHtml: renderInline(s.description),
      introHtml: renderMarkdown(s.body),
      meta: pageMeta(site, {
        title: `${s.name} products compared | ${site.name}`,
        description: markdownToText(s.description),
        path,
        breadcrumbs: [{ name: "Home", url: home }, { name: s.name, url: path }],
        ogType: "website",
      }),
      products: (rankings[s.slug] ?? []).map((r) => cards[r.slug]!),
      comparisons: content.comparisons
        .filter((c) => productsBySlug.get(c.a)!.sector === s.slug || productsBySlug.get(c.b)!.sector === s.slug)
        .map((c) => ({ name: curated[c.slug]!.title ?? `${products[c.a]!.name} vs ${products[c.b]!.name}`, url: urls.compare(c.slug) })),
    };
  });

  const matrixPages = content.matrices.map((m) => matrixPage(m, products, site));

  const allByVelocity = rankSector(Object.values(products).map((v) => ({ slug: v.slug, name: v.name, velocity: v.velocity.score, view: v })));
  const homePage: HomePage = {
    meta: pageMeta(site, { title: `${site.name}: software products compared by release velocity`, description: site.description, path: home, breadcrumbs: [{ name: "Home", url: home }], ogType: "website" }),
    // The description as its sector page shows it: inline markdown, not its source text.
    sectors: sectorPages.map((s) => ({ slug: s.slug, name: s.name, url: urls.sector(s.slug), descriptionHtml: s.descriptionHtml, productCount: rankings[s.slug]?.length ?? 0 })),
    topProducts: allByVelocity.slice(0, 10).map((r) => cards[r.slug]!),
    latestActivity: interleaveBy(
      allByVelocity.map((r) => ({ owner: { name: r.name, url: r.view.url }, entries: pastEntries(r.view) })),
      (e) => e.time.ms,
      12,
    ).map(({ owner, entry }) => ({ product: owner, entry })),
    curated: sectorPages.flatMap((s) => s.comparisons).filter((l, i, all) => all.findIndex((x) => x.url === l.url) === i),
    matrices: matrixPages.map((m) => ({ name: m.title, url: m.meta.path })),
  };

  const methodology = methodologyPage(content.products, products, asOfMs, site);

  const redirects = aliasRedirects(content.products, pairs);
  const simple = (title: string, description: string, path: string) => ({
    meta: pageMeta(site, { title: `${title} | ${site.name}`, description, path, breadcrumbs: [{ name: "Home", url: home }, { name: title, url: path }], ogType: "website" }),
  });
  return {
    asOfIso: new Date(asOfMs).toISOString(),
    site,
    pairs,
    pairsSetting: content.site.pairs,
    reversePairPages: content.site.reverse_pair_pages,
    pairContext,
    pages: {
    home: homePage,
    methodology,
    sectorPages,
    matrixPages,
    aliasRedirects: redirects,
    notFound: simple("Page not found", "The page you asked for is not here.", "/404.html"),
    searchPage: {
      ...simple("Search", `Search every product and comparison on ${site.name}.`, urls.search()),
      browse: [
        { name: "Home page", url: urls.home() },
        ...content.sectors.map((s) => ({ name: s.name, url: urls.sector(s.slug) })),
        ...matrixPages.map((m) => ({ name: m.title, url: m.meta.path })),
        { name: "Methodology", url: urls.methodology() },
      ],
    },
    pagePaths: [
      home,
      urls.methodology(),
      ...sectorPages.map((s) => s.meta.path),
      ...productPages.map((p) => p.meta.path),
      ...alternativesPages.map((p) => p.meta.path),
      ...matrixPages.map((m) => m.meta.path),
    ],
    },
  };
}

// A view depends on its product's record, its sector's and the as-of time, and on nothing else.
// Records are plain data parsed from YAML and JSON, so their JSON text is a faithful key.
function productViews(
  products: readonly Product[],
  sectors: ReadonlyMap<string, Sector>,
  asOfMs: number,
  cadence: Readonly<Record<string, readonly CadenceMonth[]>>,
  earlier?: Map<string, ProductView>,
  markdown?: MarkdownMemo,
): Record<string, ProductView> {
  const views: Record<string, ProductView> = {};
  const kept = new Map<string, ProductView>();
  for (const p of products) {
    const sector = sectors.get(p.sector)!;
    const key = earlier && JSON.stringify([p, sector, asOfMs]);
    const view = (key && earlier.get(key)) || productView(p, sector, asOfMs, cadence[p.slug], markdown);
    if (key) kept.set(key, view);
    views[p.slug] = view;
  }
  if (earlier) {
    earlier.clear();
    for (const [key, view] of kept) earlier.set(key, view);
  }
  return views;
}

/**
 * The meta description of a product's alternatives page, worded for how many it lists.
 * @example alternativesDescription("DuckDB", "Databases", 1) // "The most active alternative to DuckDB in Databases, ranked by release velocity."
 */
function alternativesDescription(name: string, sector: string, count: number): string {
  if (count === 0) return `No other ${sector} products are tracked yet to compare with ${name}.`;
  const which = count === 1 ? "most active alternative" : `${count} most active alternatives`;
  return `The ${which} to ${name} in ${sector}, ranked by release velocity.`;
}
