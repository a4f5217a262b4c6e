import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Content } from "../content/types.js";
import type { SiteModel } from "../site/site-model.js";
import type { WrittenPage } from "../eleventy/run-eleventy.js";
import { headersFile } from "../site-files/host-rules.js";
import type { BuiltAssets } from "./assets.js";
import { digest } from "./digest.js";
import type { Manifest } from "./output-manifest.js";
import type { phaseTimer } from "./phase-timer.js";
import { siteFiles } from "./site-files.js";
import { downloadFiles, type MemoryFile, type SearchIndexInProgress } from "./published-files.js";

/**
 * What the first shard (or a whole-site build) adds to the pair pages: every other page, with
 * Eleventy, into `staging`; and in memory, to be compared with the last build before writing:
 * assets, site files, downloads, its social cards, the search index and `_headers`.
 * Eleventy runs only when its inputs (the code, `site` and `pages` of the model) differ from
 * the last build's; otherwise its pages are the last build's files (`eleventyReused`).
 */
export async function sharedFiles(input: {
  staging: string;
  model: SiteModel;
  content: Content;
  assets: BuiltAssets;
  /** The search index, under way since before the pages rendered (none with `--no-search`, or when kept). */
  searchIndex?: SearchIndexInProgress;
  /** The last build's search files, kept as they are (see keptSearchFiles). */
  keptSearchFiles: readonly string[];
  /** The social cards this build renders (see socialCardFiles). */
  cards: MemoryFile[];
  /** Every file of the site that shards split between them (pages and social cards), whichever shard builds it. */
  shardedFiles: readonly string[];
  timings: ReturnType<typeof phaseTimer>;
  /** What Eleventy's pages are made from (see eleventyInputsDigest). */
  eleventyInputs: string;
  /** The last build into the same output, for pages that can be kept. */
  previous?: { output: string; manifest: Manifest };
}): Promise<{ eleventyPages: WrittenPage[]; eleventyReused: boolean; memory: MemoryFile[] }> {
  const { model, content, timings, eleventyInputs } = input;
  let eleventyPages = lastEleventyPages(eleventyInputs, input.previous);
  const eleventyReused = eleventyPages !== undefined;
  if (!eleventyPages) {
    // A build never reloads a changed module: Eleventy's cache-busting loader hook, which puts
    // every later import through a thread of its own, would only slow it down.
    process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
    // Loaded only when used: shards other than the first never need Eleventy in memory.
    const { runEleventy } = await import("../eleventy/run-eleventy.js");
    eleventyPages = await runEleventy(input.staging, model);
  }
  timings.lap("eleventy");
  const memory: MemoryFile[] = [...input.assets.files, ...siteFiles(model), ...downloadFiles(content, model), ...input.cards];
  timings.lap("site files");
  if (input.searchIndex) {
    memory.push(...(await input.searchIndex.finish(eleventyPages)));
    timings.lap("search index");
  }
  // Named after every top-level entry of the whole site (all shards), so it is the same file in
  // a shard build and a full one.
  const topLevel = new Set<string>(["_headers"]);
  for (const files of [input.shardedFiles, eleventyPages.map((p) => p.file), memory.map((m) => m.file), input.keptSearchFiles]) {
    // indexOf, not split: this runs over every file of the site (90,000 at 600 products).
    for (const f of files) topLevel.add(f.includes("/") ? f.slice(0, f.indexOf("/")) : f);
  }
  memory.push({ file: "_headers", bytes: headersFile([...topLevel].sort(), model.site.basePath) });
  return { eleventyPages, eleventyReused, memory };
}

/**
 * A digest of what Eleventy's pages are made from: the code and templates (`fingerprint`) and the
 * model's `site` and `pages`.
 * @example eleventyInputsDigest(model, renderFingerprint()) // "Qm2…"
 */
export function eleventyInputsDigest(model: SiteModel, fingerprint: string): string {
  return digest(fingerprint, JSON.stringify(model.site), JSON.stringify(model.pages));
}

/** The last build's Eleventy pages, read back, when they were rendered from the same inputs. */
function lastEleventyPages(inputs: string, previous: { output: string; manifest: Manifest } | undefined): WrittenPage[] | undefined {
  const last = previous?.manifest.eleventy;
  if (!previous || last?.inputs !== inputs) return undefined;
  const files = last.pages.map((p) => path.join(previous.output, p.file));
  if (!files.every((f) => existsSync(f))) return undefined;
  return last.pages.map((p, i) => ({ ...p, content: readFileSync(files[i]!, "utf8") }));
}
