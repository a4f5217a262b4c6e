import type { Content } from "../content/types.js";
import type { SiteModel } from "../site/site-model.js";
import { outputFileFor, urls } from "../site/urls.js";
import { matrixCsv, matrixJson } from "../downloads/matrix-downloads.js";
import { productsApi } from "../downloads/products-api.js";
import type { WrittenPage } from "../eleventy/run-eleventy.js";
import type { SearchPage } from "../search/search-index.js";
import { createNunjucksEnvironment } from "../render/nunjucks-environment.js";
import { renderJob } from "../render/render-page.js";
import { ownsByName, WHOLE_SITE, type Shard } from "./shard.js";
import type { Progress } from "./progress.js";

/** A file built in memory, path relative to the output folder. */
export interface MemoryFile {
  file: string;
  bytes: Uint8Array | string;
}

/** Every matrix as CSV and JSON beside its page, and `/api/products.json` with computed values. */
export function downloadFiles(content: Content, model: SiteModel): MemoryFile[] {
  const names = Object.fromEntries(content.products.map((p) => [p.slug, p.name]));
  const products = Object.values(model.pairContext.products);
  return [
    ...content.matrices.flatMap((m) => [
      { file: outputFileFor(urls.matrixDownload(m.slug, "csv")), bytes: matrixCsv(m, names) },
      { file: outputFileFor(urls.matrixDownload(m.slug, "json")), bytes: matrixJson(m, names) },
    ]),
    {
      file: "api/products.json",
      bytes: productsApi(products, model.site.url, model.asOfIso, Object.fromEntries(content.products.map((p) => [p.slug, p.metrics]))),
    },
  ];
}

/** Where each page's social card lives: products and curated comparisons get one. */
export function socialCardPaths(content: Content): Record<string, string> {
  return Object.fromEntries([
    ...content.products.map((p) => [urls.product(p.slug), `/og/products/${p.slug}.png`]),
    ...content.comparisons.map((c) => [urls.compare(c.slug), `/og/compare/${c.slug}.png`]),
  ]);
}

/**
 * Renders (or takes from `cacheDir`) the 1200×630 PNG card of every product and curated
 * comparison that `shard` owns (see ownsByName), on worker threads (see cardWorkers) named by
 * the build's `fingerprint`, reporting each card done to `progress` (made for their number).
 */
export async function socialCardFiles(
  content: Content,
  model: SiteModel,
  options: { cacheDir: string; fingerprint: string; shard?: Shard; progress?: (total: number) => Progress },
): Promise<MemoryFile[]> {
  const products = model.pairContext.products;
  const siteName = model.site.name;
  // Named as the pages link them (socialCardPaths), relative to the output folder.
  const paths = socialCardPaths(content);
  const fileOf = (pageUrl: string): string => paths[pageUrl]!.slice(1);
  const cards = [
    ...content.products.map((p) => {
      const v = products[p.slug]!;
      return {
        path: fileOf(urls.product(p.slug)),
        card: { kicker: v.sector.name, title: v.name, subtitle: v.tagline, siteName, stats: [{ label: "Velocity", value: v.velocity.text }, { label: "Sparks · 30d", value: String(v.sparks30d) }] },
      };
    }),
    ...content.comparisons.map((c) => {
      const a = products[c.a]!;
      const b = products[c.b]!;
      return {
        path: fileOf(urls.compare(c.slug)),
        card: {
          kicker: "Comparison",
          title: c.title ?? `${a.name} vs ${b.name}`,
          subtitle: `${a.tagline}`,
          siteName,
          stats: [{ label: a.name, value: a.velocity.text }, { label: b.name, value: b.velocity.text }],
        },
      };
    }),
  ];
  const mine = cards.filter((c) => ownsByName(options.shard ?? WHOLE_SITE, c.path));
  const { cachedSocialCards } = await import("../social-cards/card-cache.js");
  const { cardWorkers } = await import("../social-cards/card-workers.js");
  const workers = cardWorkers({ key: options.fingerprint });
  const progress = options.progress?.(mine.length);
  try {
    const done = await cachedSocialCards(mine, options.cacheDir, { render: workers.render, onDone: () => progress?.add(1) });
    return done.map((c) => ({ file: c.path, bytes: c.bytes }));
  } finally {
    progress?.finish();
    await workers.close();
  }
}

/** The search index of a build, started before Eleventy's pages exist (see startSearchIndex). */
export interface SearchIndexInProgress {
  /** Hands over Eleventy's pages, and resolves to the index's files once they are indexed too. */
  finish(eleventyPages: readonly WrittenPage[]): Promise<MemoryFile[]>;
  /** Stops Pagefind when the build fails before `finish`. */
  abandon(): Promise<void>;
}

/**
 * Starts the search index over the pages a reader searches for: products, sectors, matrices,
 * curated comparisons and the methodology. Generated pair pages repeat product pages, so they
 * stay out. Product and curated pages may belong to another shard, so they are rendered here,
 * one by one as Pagefind asks for them, and are indexed while the build goes on: Pagefind runs
 * in a process of its own, on the core that the build's single-threaded end would leave idle.
 * Eleventy's sector, matrix and methodology pages follow in `finish`.
 * @example const search = startSearchIndex(model, fingerprint); … memory.push(...(await search.finish(eleventyPages)));
 */
export function startSearchIndex(model: SiteModel, fingerprint: string): SearchIndexInProgress {
  const env = createNunjucksEnvironment({ forOneBuild: true, compiledFor: fingerprint });
  const ctx = model.pairContext;
  const products = Object.values(ctx.products).map((p) => ({ url: p.url, html: () => renderJob(env, ctx, { kind: "product", file: "", slug: p.slug }, { forSearch: true }) }));
  const curated = model.pairs
    .filter((p) => p.curated)
    .map((p) => ({ url: urls.compare(p.slug), html: () => renderJob(env, ctx, { kind: "pair", file: "", ...p }, { forSearch: true }) }));
  let handOver!: (pages: SearchPage[]) => void;
  let stop!: (error: Error) => void;
  const later = new Promise<SearchPage[]>((resolve, reject) => ((handOver = resolve), (stop = reject)));
  const files = import("../search/search-index.js").then(({ buildSearchIndex }) => buildSearchIndex([...products, ...curated], {}, later));
  // Both are awaited later (by buildSearchIndex, and by finish or abandon); until then a
  // rejection, which a build that fails at once brings, must not count as unhandled.
  later.catch(() => undefined);
  files.catch(() => undefined);
  return {
    async finish(eleventyPages) {
      handOver(
        eleventyPages
          .filter((p) => /^\/(sectors|matrices|methodology)\//.test(p.url) && p.file.endsWith(".html"))
          .map((p) => ({ url: p.url, html: p.content })),
      );
      return (await files).map((f) => ({ file: f.path, bytes: f.bytes }));
    },
    async abandon() {
      stop(new Error("search index: the build stopped"));
      await files.catch(() => undefined);
    },
  };
}
