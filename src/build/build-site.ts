import { existsSync, mkdirSync, rmSync, unlinkSync } from "node:fs";
import path from "node:path";
import { loadRoot } from "../content/load-root.js";
import { discover, type Discovery } from "../content/discover.js";
import type { Content, Problem } from "../content/types.js";
import { resolveAsOf } from "../compute/as-of.js";
import { buildSiteModel } from "../site/site-model.js";
import { renderPages, rendersInThisThread, startRenderPool, type RenderPool } from "../render/worker-pool.js";
import { mostPageJobs, type PageJob } from "../render/page-jobs.js";
import { buildAssets } from "./assets.js";
import { logoAssets, withLogoFiles, withLogoUrls } from "./logo-assets.js";
import { digest, renderFingerprint } from "./digest.js";
import { pageJobsWithDigests } from "./page-digests.js";
import { MarkdownCache } from "./markdown-cache.js";
import { ownsSharedFiles, shardMembers, shareOfJobs, type Shard, WHOLE_SITE } from "./shard.js";
import { fileCount, lastPageDigests, readManifest, removedFiles, type Manifest } from "./output-manifest.js";
import { commitChanges, lockOutput, recoverInterruptedCommit, removeAbandonedFolders, stagingPath, swapInFresh } from "./commit-output.js";
import { createProgress } from "./progress.js";
import { phaseTimer } from "./phase-timer.js";
import { socialCardFiles, socialCardPaths, startSearchIndex, type SearchIndexInProgress } from "./published-files.js";
import { eleventyInputsDigest, sharedFiles } from "./shared-files.js";
import { keptSearchFiles, searchInputsDigest } from "./kept-search-index.js";
import { openRecordCache } from "./record-cache-file.js";
import { keptFromLast, writeChangedFiles } from "./write-changed-files.js";
import { outputFolderProblem, UnsafeOutputError } from "./output-folder.js";
import { TEMPLATES_DIR } from "../render/nunjucks-environment.js";

export interface BuildOptions {
  root: string;
  output: string;
  shard?: Shard;
  search?: boolean;
  socialCards?: boolean;
  /**
   * The site's address for this build, in place of `url` in site.json: a deploy preview's, or the
   * one GitHub Pages reports (`versus build --url`). Checked by the caller, as site.json's is.
   */
  url?: string;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** Where progress goes (a terminal gets a live line). */
  progress?: NodeJS.WriteStream;
}

export type BuildOutcome =
  | { ok: false; problems: Problem[] }
  | {
      ok: true;
      warnings: Problem[];
      content: Content;
      /** HTML pages this build (or shard) owns, redirects excluded. */
      pages: number;
      /** Every file this build owns. */
      files: number;
      /** Files whose bytes changed and were written. */
      written: number;
      /** Pages rendered because their inputs changed (the rest were kept from the last build). */
      rendered: number;
      removed: number;
    };

/**
 * Validates the root, then builds the site (or one shard of it) into a staging folder and
 * commits it to `output` only when everything rendered. A content problem returns before any
 * file is written; a template error or crash leaves the previous output as it was. Throws
 * UnsafeOutputError, touching nothing, when `output` is not a folder the build may replace, and
 * OutputLockedError while another build writes to it.
 */
export async function buildSite(options: BuildOptions): Promise<BuildOutcome> {
  const output = path.resolve(options.output);
  const unsafe = outputFolderProblem(output, { root: options.root, templatesDir: TEMPLATES_DIR });
  if (unsafe) throw new UnsafeOutputError(unsafe);
  const release = lockOutput(output);
  let pool: RenderPool | undefined;
  try {
    const fingerprint = renderFingerprint();
    // Listed once, here, for the load: the number of products decides whether threads start.
    const found = await discover(path.resolve(options.root));
    // A fresh build renders every page: its threads start now, and load their code and the
    // templates while this thread loads the content. An incremental build often needs none,
    // nor does a site small enough to render in this thread, where threads started for nothing
    // took about 0.15 s of the example site's 1.2 s build. A shard judges by its own share.
    const fresh = !existsSync(output);
    const small = rendersInThisThread(shareOfJobs(mostPageJobs(found.records.products.length), options.shard ?? WHOLE_SITE));
    pool = fresh && !small ? startRenderPool(fingerprint) : undefined;
    return await buildLocked(output, { fingerprint, pool, found }, options);
  } finally {
    await pool?.close();
    release();
  }
}

/** What buildSite prepared before the build: the fingerprint, threads started early, the root's files. */
interface Start {
  fingerprint: string;
  pool: RenderPool | undefined;
  found: Discovery;
}

async function buildLocked(output: string, { fingerprint, pool, found }: Start, options: BuildOptions): Promise<BuildOutcome> {
  const shard = options.shard ?? WHOLE_SITE;
  const now = options.now ?? Date.now;
  recoverInterruptedCommit(output);
  removeAbandonedFolders(output);
  const timings = phaseTimer(now);

  const root = path.resolve(options.root);
  const loaded = await loadRoot(root, { recordCache: openRecordCache(root), found });
  timings.lap("load");
  if (!loaded.content) return { ok: false, problems: loaded.problems };
  const logos = logoAssets(root, loaded.content);
  const settings = options.url === undefined ? loaded.content : { ...loaded.content, site: { ...loaded.content.site, url: options.url } };
  const content = withLogoUrls(settings, logos.urls);
  const asOf = resolveAsOf(options.env ?? process.env, now);
  const assets = withLogoFiles(buildAssets(), logos);
  const shared = ownsSharedFiles(shard);
  const search = options.search ?? true;
  const socialCards = options.socialCards ?? true;
  const ogImages = socialCards ? socialCardPaths(content) : {};
  const markdown = MarkdownCache.open(root);
  const model = buildSiteModel(content, { asOfMs: asOf.ms, assets: assets.paths, search, ogImages, markdown });
  markdown.save();

  timings.lap("model");
  const previous = existsSync(output) ? readManifest(output) : undefined;
  const manifest: Manifest = { version: 3, pages: [], files: new Map() };
  const toRender: PageJob[] = [];
  let pages = 0;
  const allJobs = pageJobsWithDigests(model, fingerprint);
  const last = previous ? lastPageDigests(previous.pages) : () => undefined;
  const mine = shardMembers(shard);
  allJobs.forEach(({ job, digest: d }) => {
    if (!mine(job)) return;
    if (last(job.file, manifest.pages.length) !== d) toRender.push(job);
    manifest.pages.push(job.file, d);
    if (job.kind !== "redirect") pages++;
  });

  const eleventyInputs = shared ? eleventyInputsDigest(model, fingerprint) : "";
  const searchInputs = shared && search ? searchInputsDigest(allJobs, eleventyInputs, model.pairContext.curated) : undefined;
  const keptSearch = searchInputs === undefined ? undefined : keptSearchFiles(searchInputs, previous && { output, manifest: previous });
  if (searchInputs !== undefined) manifest.search = searchInputs;

  timings.lap("digests");
  const staging = stagingPath(output, now());
  mkdirSync(staging, { recursive: true });
  let searchIndex: SearchIndexInProgress | undefined;
  try {
    // Pagefind indexes the product pages in its own process while the pages render.
    if (searchInputs !== undefined && !keptSearch) searchIndex = startSearchIndex(model, fingerprint);
    const stream = options.progress ?? process.stderr;
    const progress = createProgress(toRender.length, stream, now);
    // Per-product and per-pair pages first, on every core; then the rest with Eleventy in this
    // thread. One after the other keeps the peak memory to the larger of the two, not their sum.
    const unchanged = await renderPages(toRender, {
      context: model.pairContext,
      outDir: staging,
      fingerprint,
      ...(pool ? { pool } : {}),
      ...(previous ? { previousDir: output } : {}),
      onProgress: (n) => progress.add(n),
    });
    progress.finish();
    timings.lap("rendered pages");
    // Every shard renders its share of the cards, which a first build spends most of its time on.
    const cards = socialCards
      ? await socialCardFiles(content, model, {
          cacheDir: path.join(root, ".versus-cache", "og"),
          fingerprint,
          shard,
          progress: (total) => createProgress(total, stream, now, "social cards"),
        })
      : [];
    if (socialCards) timings.lap("social cards");
    const { eleventyPages, eleventyReused, memory } = shared
      ? await sharedFiles({
          staging,
          model,
          content,
          assets,
          ...(searchIndex ? { searchIndex } : {}),
          keptSearchFiles: (keptSearch ?? []).map(([file]) => file),
          cards,
          shardedFiles: [...allJobs.map((j) => j.job.file), ...Object.values(ogImages).map((url) => url.slice(1))],
          timings,
          eleventyInputs,
          ...(previous ? { previous: { output, manifest: previous } } : {}),
        })
      : { eleventyPages: [], eleventyReused: false, memory: cards };

    const changed = toRender.map((j) => j.file).filter((f) => !unchanged.has(f));
    // Eleventy rewrote its pages (unless they were kept): keep only those whose bytes changed.
    // Eleventy's pages and the other files go into the manifest by name: Eleventy reports its
    // pages in no fixed order, and the same build must write the same manifest.
    const pagesByFile = [...eleventyPages].sort(byFile);
    const last = previous && { digests: previous.files, dir: output };
    for (const page of pagesByFile) {
      const d = digest(page.content);
      manifest.files.set(page.file, d);
      if (eleventyReused) continue;
      if (keptFromLast(last, page.file, d)) unlinkSync(path.join(staging, page.file));
      else changed.push(page.file);
    }
    if (shared) {
      manifest.eleventy = { inputs: eleventyInputs, pages: pagesByFile.map(({ url, file }) => ({ url, file })) };
      pages += eleventyPages.filter((p) => p.file.endsWith(".html")).length;
    }
    const extras = writeChangedFiles([...memory].sort(byFile), staging, last);
    // In the order a build that made them would list them, so the manifest is the same either way.
    for (const [file, d] of [...extras.digests, ...(keptSearch ?? [])].sort(byName)) manifest.files.set(file, d);
    changed.push(...extras.written);

    timings.lap("compare");
    const removed = previous ? removedFiles(previous, manifest) : [];
    if (previous) commitChanges(output, { staging, changed, removed, manifest });
    else swapInFresh(output, staging, manifest);
    timings.lap("commit");
    timings.report(stream);
    return {
      ok: true,
      warnings: loaded.problems,
      content,
      pages,
      files: fileCount(manifest),
      written: changed.length,
      rendered: toRender.length + (eleventyReused ? 0 : eleventyPages.length),
      removed: removed.length,
    };
  } catch (error) {
    await searchIndex?.abandon();
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

const byFile = (x: { file: string }, y: { file: string }): number => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0);
const byName = ([x]: [string, string], [y]: [string, string]): number => (x < y ? -1 : x > y ? 1 : 0);
