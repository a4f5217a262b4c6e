import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteModel } from "../site/site-model.js";
import type { BuiltAssets } from "./assets.js";
import { digest } from "./digest.js";
import { siteFiles } from "./site-files.js";

/**
 * For the dev server: writes the assets and site files (feeds, sitemap, host files) straight into
 * the output folder, rewriting only what changed since the last call (`previous` maps each
 * written file to its digest and is updated) and deleting what no longer exists. No staging:
 * the dev server's folder is not published. Its product, pair and redirect pages are not
 * written at all: it renders them on request (see onDemandPages).
 */
export function writeSiteExtras(model: SiteModel, assets: BuiltAssets, outDir: string, previous: Map<string, string>): void {
  const current = new Map<string, string>();
  for (const { file, bytes } of [...assets.files, ...siteFiles(model)]) {
    const d = digest(bytes);
    current.set(file, d);
    if (previous.get(file) === d) continue;
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    writeFileSync(path.join(outDir, file), bytes);
  }
  for (const file of previous.keys()) if (!current.has(file)) rmSync(path.join(outDir, file), { force: true });
  previous.clear();
  for (const [file, d] of current) previous.set(file, d);
}
