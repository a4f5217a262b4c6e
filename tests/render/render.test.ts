/**
 * Rendering pair pages and redirects: the same HTML from a worker thread as from this thread,
 * the redirect template's exact markup, the search indexer's shorter copy of a page, and a
 * template error that reaches the caller.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import nunjucks from "nunjucks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../src/build/assets.js";
import { renderFingerprint } from "../../src/build/digest.js";
import { pageJobsWithDigests } from "../../src/build/page-digests.js";
import { loadRoot } from "../../src/content/load-root.js";
import type { Content } from "../../src/content/types.js";
import { createNunjucksEnvironment, TEMPLATES_DIR } from "../../src/render/nunjucks-environment.js";
import type { PageJob } from "../../src/render/page-jobs.js";
import { PAGE_TEMPLATES, renderJob, writeJobs } from "../../src/render/render-page.js";
import { renderPages, startRenderPool } from "../../src/render/worker-pool.js";
import { buildSearchIndex } from "../../src/search/search-index.js";
import { buildSiteModel, type SiteModel } from "../../src/site/site-model.js";
import { cleanupRoots, makeRoot, md, SECTIONS } from "../content/helpers.js";
import { AS_OF_MS, cleanupTemps, listTree, smallRoot, tempDir } from "../build/build-helpers.js";

let model: SiteModel;
let jobs: PageJob[];
let content: Content;

beforeAll(async () => {
  const loaded = await loadRoot(await smallRoot());
  content = loaded.content!;
  model = buildSiteModel(content, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: true });
  jobs = pageJobsWithDigests(model, renderFingerprint()).map((j) => j.job);
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

describe("renderJob", () => {
  it("names a page template that exists for every kind of job (render threads compile these ahead, skipping any that fail)", () => {
    expect(Object.keys(PAGE_TEMPLATES).sort()).toEqual(["alternatives", "pair", "product", "redirect"]);
    for (const file of Object.values(PAGE_TEMPLATES)) expect(existsSync(join(TEMPLATES_DIR, file)), file).toBe(true);
  });

  it("renders a redirect page: noindex, an immediate refresh to the target and the canonical URL", () => {
    const env = createNunjucksEnvironment();
    const html = renderJob(env, model.pairContext, { kind: "redirect", file: "compare/b-vs-a/index.html", from: "/compare/b-vs-a/", to: "/compare/a-vs-b/" });
    expect(html).toBe(
      [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<title>Moved to https://small.example/compare/a-vs-b/</title>",
        '<meta name="robots" content="noindex">',
        '<meta http-equiv="refresh" content="0; url=/compare/a-vs-b/">',
        '<link rel="canonical" href="https://small.example/compare/a-vs-b/">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "</head>",
        "<body>",
        '<p>This page has moved to <a href="/compare/a-vs-b/">https://small.example/compare/a-vs-b/</a>.</p>',
        "</body>",
        "</html>",
        "",
      ].join("\n"),
    );
  });

  // Regression: the redirect page was cached per site context only, so the dev server, which
  // draws a save's model with new templates, could keep serving the old redirect template.
  it("renders a redirect page with the templates of the environment it is given", async () => {
    const job: PageJob = { kind: "redirect", file: "compare/b-vs-a/index.html", from: "/compare/b-vs-a/", to: "/compare/a-vs-b/" };
    expect(renderJob(createNunjucksEnvironment(), model.pairContext, job)).toContain('<meta http-equiv="refresh" content="0; url=/compare/a-vs-b/">');
    const templates = await tempDir();
    mkdirSync(join(templates, "pages"));
    writeFileSync(join(templates, "pages/redirect.njk"), "Now at {{ view.to }}");
    const edited = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true });
    expect(renderJob(edited, model.pairContext, job)).toBe("Now at /compare/a-vs-b/");
  });

  it("renders every pair page of the small root with its heading and canonical link", () => {
    const env = createNunjucksEnvironment();
    const pairs = jobs.filter((j): j is Extract<PageJob, { kind: "pair" }> => j.kind === "pair");
    expect(pairs.map((j) => j.slug)).toEqual(["apache-kafka-vs-nats", "apache-kafka-vs-postgres", "apache-kafka-vs-redpanda", "duckdb-vs-postgres", "nats-vs-redpanda"]);
    for (const job of pairs) {
      const html = renderJob(env, model.pairContext, job);
      expect(html).toContain(`<link rel="canonical" href="https://small.example/compare/${job.slug}/">`);
      expect(html).toContain(`<h1>${model.pairContext.products[job.a]!.name} vs ${model.pairContext.products[job.b]!.name}</h1>`);
    }
  });

  it("renders a copy for the search indexer without the sections Pagefind ignores, which Pagefind indexes to the same bytes", async () => {
    const env = createNunjucksEnvironment();
    // Without logos: Pagefind pictures a result with the page's first image, even from an ignored
    // section, which the copy leaves out (see the next test).
    const plain = { ...content, products: content.products.map(({ logo: _logo, ...p }) => p) };
    const ctx = buildSiteModel(plain, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: true }).pairContext;
    const indexed = jobs.filter((j) => j.kind === "product" || j.kind === "pair");
    const url = (job: PageJob): string => `/${job.file.replace(/index\.html$/, "")}`;
    for (const job of indexed) {
      const page = renderJob(env, ctx, job);
      const copy = renderJob(env, ctx, job, { forSearch: true });
      expect(copy.length, job.file).toBeLessThan(page.length);
      expect(page).toMatch(/<h2>(Compare .+ with…|Alternatives to .+ and .+)<\/h2>/);
      expect(copy).not.toMatch(/<h2>(Compare .+ with…|Alternatives to .+)<\/h2>/);
    }
    const pages = await buildSearchIndex(indexed.map((job) => ({ url: url(job), html: renderJob(env, ctx, job) })));
    const copies = await buildSearchIndex(indexed.map((job) => ({ url: url(job), html: renderJob(env, ctx, job, { forSearch: true }) })));
    expect(copies.map((f) => f.path)).toEqual(pages.map((f) => f.path));
    copies.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(pages[i]!.bytes)), f.path).toBe(true));
  });

  it("gives the search indexer no other product's logo, so no result is pictured by one of its alternatives", () => {
    const env = createNunjucksEnvironment();
    const ctx = model.pairContext;
    const logo = (slug: string): string[] => (ctx.products[slug]!.logo ? [ctx.products[slug]!.logo!] : []);
    let pictured = 0;
    for (const job of jobs) {
      if (job.kind !== "product" && job.kind !== "pair") continue;
      const own = job.kind === "pair" ? [...logo(job.a), ...logo(job.b)] : logo(job.slug);
      const images = [...renderJob(env, ctx, job, { forSearch: true }).matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!);
      for (const src of images) expect(own, `${job.file}: ${src}`).toContain(src);
      pictured += images.length;
    }
    // Redpanda, the one product with a logo, shows it on its own pages.
    expect(pictured).toBeGreaterThan(0);
  });
});

/** A root with `n` products in one sector and `pairs: "all"`: n(n-1)/2 pair pages and as many redirects. */
let big26: Promise<{ model: SiteModel; jobs: PageJob[] }> | undefined;
const bigModel = (n: 26): Promise<{ model: SiteModel; jobs: PageJob[] }> => (big26 ??= makeBigModel(n));

async function makeBigModel(n: number): Promise<{ model: SiteModel; jobs: PageJob[] }> {
  const files: Record<string, string> = {
    "data/site.json": JSON.stringify({ name: "Big", url: "https://big.example", description: "Many pairs.", pairs: "all" }),
  };
  for (let i = 0; i < n; i++) {
    const slug = `product-${String(i).padStart(2, "0")}`;
    files[`content/products/${slug}.md`] = md(
      [
        `name: Product ${i}`,
        "sector: streaming",
        "website: https://example.com",
        `tagline: Tagline ${i} & <more>.`,
        "summary: A *product*.",
        `themes: [theme-${i % 3}, shared]`,
        "updated: 2026-05-01",
        "timeline:",
        `  - date: 2026-05-${String((i % 20) + 1).padStart(2, "0")}`,
        `    title: Release ${i}`,
        `    spark: ${i % 2 === 0}`,
      ].join("\n"),
      SECTIONS,
    );
  }
  for (const slug of ["apache-kafka", "nats", "redpanda"]) files[`content/products/${slug}.md`] = null as unknown as string;
  const loaded = await loadRoot(await makeRoot({ files }));
  expect(loaded.problems).toEqual([]);
  const m = buildSiteModel(loaded.content!, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: true });
  return { model: m, jobs: pageJobsWithDigests(m, renderFingerprint()).map((j) => j.job) };
}

describe("renderPages", () => {
  it("writes every job under outDir with the same bytes as renderJob (few pages: this thread)", async () => {
    const outDir = await tempDir();
    let progress = 0;
    await renderPages(jobs, { context: model.pairContext, outDir, onProgress: (n) => (progress += n) });
    expect(progress).toBe(jobs.length);
    expect(listTree(outDir)).toEqual(jobs.map((j) => j.file).sort());
    const env = createNunjucksEnvironment();
    for (const job of jobs) expect(readFileSync(join(outDir, job.file), "utf8"), job.file).toBe(renderJob(env, model.pairContext, job));
  });

  it("gives the same bytes when worker threads render (many pages)", async () => {
    const big = await bigModel(26);
    // 26 products × (product + alternatives page) + C(26, 2) = 325 pairs × (page + reverse redirect).
    expect(big.jobs.length).toBe(26 * 2 + 325 * 2);
    const outDir = await tempDir();
    let progress = 0;
    await renderPages(big.jobs, { context: big.model.pairContext, outDir, onProgress: (n) => (progress += n) });
    expect(progress).toBe(big.jobs.length);
    expect(listTree(outDir)).toEqual(big.jobs.map((j) => j.file).sort());
    const env = createNunjucksEnvironment();
    const differ = big.jobs.filter((job) => readFileSync(join(outDir, job.file), "utf8") !== renderJob(env, big.model.pairContext, job));
    expect(differ.map((j) => j.file)).toEqual([]);
  });

  it("gives the same bytes on threads started before the pages were known, and stops them after", async () => {
    const pool = startRenderPool();
    const started = (await pool.threads).map((t) => t.worker);
    expect(started).toHaveLength(availableParallelism());
    const big = await bigModel(26);
    const outDir = await tempDir();
    await renderPages(big.jobs, { context: big.model.pairContext, outDir, pool });
    expect(started.map((w) => w.threadId)).toEqual(started.map(() => -1)); // -1: the thread has stopped
    const env = createNunjucksEnvironment();
    const differ = big.jobs.filter((job) => readFileSync(join(outDir, job.file), "utf8") !== renderJob(env, big.model.pairContext, job));
    expect(differ.map((j) => j.file)).toEqual([]);
  });

  it("starts as many threads as asked for", async () => {
    const pool = startRenderPool(undefined, 1);
    try {
      expect(await pool.threads).toHaveLength(1);
    } finally {
      await pool.close();
    }
  });

  it("starts no thread when the pool is closed before its threads could start, and then renders nothing", async () => {
    const pool = startRenderPool();
    await pool.close();
    expect(await pool.threads).toEqual([]);
    const big = await bigModel(26);
    const outDir = await tempDir();
    await expect(renderPages(big.jobs, { context: big.model.pairContext, outDir, pool })).rejects.toThrow("renderPages: the render threads were closed before the pages came");
    expect(listTree(outDir)).toEqual([]);
  });

  it("gives worker-rendered product pages their views in whichever batch they come", async () => {
    // Product and alternatives views travel with their batch, not in the shared context:
    // reversed, those jobs come last, in another batch than the first.
    const big = await bigModel(26);
    const reversed = [...big.jobs].reverse();
    const outDir = await tempDir();
    await renderPages(reversed, { context: big.model.pairContext, outDir });
    const env = createNunjucksEnvironment();
    const products = reversed.filter((job) => job.kind === "product" || job.kind === "alternatives");
    expect(products).toHaveLength(52);
    const differ = products.filter((job) => readFileSync(join(outDir, job.file), "utf8") !== renderJob(env, big.model.pairContext, job));
    expect(differ.map((j) => j.file)).toEqual([]);
  });

  it("writes the same bytes with a previous output to compare against as without one", async () => {
    // A page is written from its string without a previous output, from a Buffer with one;
    // both must encode alike, a lone surrogate (U+FFFD in UTF-8) included.
    const pages: PageJob[] = [...jobs.slice(0, 3), { kind: "redirect", file: "odd/index.html", from: "/odd/", to: "/compare/\ud800-vs-x/" }];
    const [fresh, compared, previous] = [await tempDir(), await tempDir(), await tempDir()];
    const env = createNunjucksEnvironment();
    writeJobs(env, model.pairContext, fresh, pages, new Set());
    writeJobs(env, model.pairContext, compared, pages, new Set(), previous);
    expect(listTree(compared)).toEqual(listTree(fresh));
    for (const file of listTree(fresh)) expect(readFileSync(join(compared, file)).equals(readFileSync(join(fresh, file))), file).toBe(true);
    expect(readFileSync(join(fresh, "odd/index.html"), "utf8")).toContain("/compare/\ufffd-vs-x/");
  });

  it("does nothing for no jobs", async () => {
    const outDir = await tempDir();
    await renderPages([], { context: model.pairContext, outDir });
    expect(listTree(outDir)).toEqual([]);
  });

  it("rejects when a page cannot be rendered, and does not write that page", async () => {
    const outDir = await tempDir();
    const broken: PageJob = { kind: "pair", file: "compare/ghost-vs-nats/index.html", slug: "ghost-vs-nats", a: "ghost", b: "nats" };
    await expect(renderPages([jobs[0]!, broken], { context: model.pairContext, outDir })).rejects.toThrow();
    expect(listTree(outDir)).not.toContain(broken.file);
  });

  it("rejects when a page rendered by a worker fails", async () => {
    const big = await bigModel(26);
    const outDir = await tempDir();
    const broken: PageJob = { kind: "pair", file: "compare/ghost-vs-nats/index.html", slug: "ghost-vs-nats", a: "ghost", b: "nats" };
    // One bad job in every batch, so whichever thread takes a batch meets one.
    const jobsWithErrors = big.jobs.flatMap((j, i) => (i % 250 === 100 ? [broken, j] : [j]));
    await expect(renderPages(jobsWithErrors, { context: big.model.pairContext, outDir })).rejects.toThrow();
    expect(listTree(outDir)).not.toContain(broken.file);
  });
});
