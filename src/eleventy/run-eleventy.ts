import Eleventy from "@11ty/eleventy";
import type { SiteModel } from "../site/site-model.js";
import { modelStore } from "./model-store.js";
import { CONFIG_FILE, ENTRIES_DIR } from "./paths.js";

export interface WrittenPage {
  /** Site path, e.g. `/products/redpanda/`. */
  url: string;
  /** File path relative to the output folder. */
  file: string;
  content: string;
}

/**
 * Renders every page except pair pages with Eleventy into `outDir`, and returns what it wrote so
 * the build can compare it with the previous output and index it for search.
 */
export async function runEleventy(outDir: string, model: SiteModel): Promise<WrittenPage[]> {
  modelStore.set(model);
  const eleventy = new Eleventy(ENTRIES_DIR, outDir, { configPath: CONFIG_FILE, quietMode: true });
  // `versus build` prints its own summary; Eleventy's "Wrote N files" would be a second one.
  eleventy.disableLogger();
  const results = (await eleventy.write()) as { templates?: { url: string; outputPath: string; content: string }[] } | unknown[];
  const templates = Array.isArray(results) ? (results.flat(2) as { url?: string; outputPath?: string; content?: string }[]) : results.templates ?? [];
  const pages = templates
    .filter((t): t is { url: string; outputPath: string; content: string } => typeof t.outputPath === "string" && typeof t.content === "string")
    .map((t) => ({ url: t.url, file: relativeTo(outDir, t.outputPath), content: t.content }));
  // Eleventy skips ignored templates without a word; a site without its home page must not ship.
  if (!pages.some((p) => p.url === "/")) throw new Error(`Eleventy rendered no home page from ${ENTRIES_DIR}: its templates were ignored or not found`);
  return pages;
}

function relativeTo(outDir: string, outputPath: string): string {
  const normalized = outputPath.replace(/\\/g, "/");
  const base = outDir.replace(/\\/g, "/").replace(/\/+$/, "") + "/";
  return normalized.startsWith(base) ? normalized.slice(base.length) : normalized.replace(/^\.?\/+/, "");
}
