import type { Content } from "../content/types.js";
import type { SiteModel } from "../site/site-model.js";
import type { WrittenPage } from "../eleventy/run-eleventy.js";
import { headersFile } from "../site-files/host-rules.js";
import type { BuiltAssets } from "./assets.js";
import type { phaseTimer } from "./phase-timer.js";
import { siteFiles } from "./site-files.js";
import { downloadFiles, searchFiles, socialCardFiles, type MemoryFile } from "./published-files.js";

/**
 * What the first shard (or a whole-site build) adds to the pair pages: every other page, with
 * Eleventy, into `staging`; and in memory, to be compared with the last build before writing:
 * assets, site files, downloads, social cards, the search index and `_headers`.
 */
export async function sharedFiles(input: {
  staging: string;
  model: SiteModel;
  content: Content;
  assets: BuiltAssets;
  search: boolean;
  socialCards: boolean;
  cacheDir: string;
  /** Every pair and redirect page of the site, whichever shard builds it. */
  pageFiles: readonly string[];
  timings: ReturnType<typeof phaseTimer>;
}): Promise<{ eleventyPages: WrittenPage[]; memory: MemoryFile[] }> {
  const { model, content, timings } = input;
  // Loaded only when used: shards other than the first never need Eleventy in memory.
  const { runEleventy } = await import("../eleventy/run-eleventy.js");
  const eleventyPages = await runEleventy(input.staging, model);
  timings.lap("eleventy");
  const memory: MemoryFile[] = [...input.assets.files, ...siteFiles(model), ...downloadFiles(content, model)];
  if (input.socialCards) memory.push(...(await socialCardFiles(content, model, `${input.cacheDir}/og`)));
  timings.lap("site files");
  if (input.search) {
    memory.push(...(await searchFiles(eleventyPages, model)));
    timings.lap("search index");
  }
  // Named after every top-level entry of the whole site (all shards), so it is the same file in
  // a shard build and a full one.
  const files = [...input.pageFiles, ...eleventyPages.map((p) => p.file), ...memory.map((m) => m.file), "_headers"];
  memory.push({ file: "_headers", bytes: headersFile([...new Set(files.map((f) => f.split("/")[0]!))].sort()) });
  return { eleventyPages, memory };
}
