import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteModel } from "../site/site-model.js";
import { renderPages } from "../render/worker-pool.js";
import type { BuiltAssets } from "./assets.js";
import { digest, renderFingerprint } from "./digest.js";
import { pageJobsWithDigests } from "./page-digests.js";
import { siteFiles } from "./site-files.js";

/**
 * For the dev server: writes product, pair and redirect pages, assets and site files straight into the
 * output folder, re-rendering only what changed since the last call (`previous` maps each
 * written file to its digest and is updated) and deleting what no longer exists. No staging:
 * the dev server's folder is not published.
 */
export async function writeSiteExtras(model: SiteModel, assets: BuiltAssets, outDir: string, previous: Map<string, string>): Promise<void> {
  const fingerprint = renderFingerprint();
  const current = new Map<string, string>();
  const jobs = pageJobsWithDigests(model, fingerprint).filter(({ job, digest: d }) => {
    current.set(job.file, d);
    return previous.get(job.file) !== d;
  });
  await renderPages(
    jobs.map((j) => j.job),
    { context: model.pairContext, outDir, fingerprint },
  );
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
