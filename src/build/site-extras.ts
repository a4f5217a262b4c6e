import { rmSync } from "node:fs";
import path from "node:path";
import type { SiteModel } from "../site/site-model.js";
import type { BuiltAssets } from "./assets.js";
import type { Content } from "../content/types.js";
import { downloadFiles } from "./published-files.js";
import { siteFiles } from "./site-files.js";
import { writeChangedFiles } from "./write-changed-files.js";

/**
 * For the dev server: writes the assets, site files (feeds, sitemap, host files) and downloads
 * (matrix CSV and JSON, /api/products.json) straight into
 * the output folder, rewriting only what changed since the last call (`previous` maps each
 * written file to its digest and is updated) and deleting what no longer exists. No staging:
 * the dev server's folder is not published. Its product, pair and redirect pages are not
 * written at all: it renders them on request (see onDemandPages).
 */
export function writeSiteExtras(model: SiteModel, content: Content, assets: BuiltAssets, outDir: string, previous: Map<string, string>): void {
  // The downloads too: the matrix pages link their CSV and JSON.
  const files = [...assets.files, ...siteFiles(model), ...downloadFiles(content, model)];
  const { digests } = writeChangedFiles(files, outDir, { digests: previous, dir: outDir });
  for (const file of previous.keys()) if (!digests.has(file)) rmSync(path.join(outDir, file), { force: true });
  previous.clear();
  for (const [file, d] of digests) previous.set(file, d);
}
