import { existsSync } from "node:fs";
import path from "node:path";
import type { PageJob } from "../render/page-jobs.js";
import { SEARCH_DIR } from "../search/search-folder.js";
import { digest } from "./digest.js";
import type { Manifest } from "./output-manifest.js";

/**
 * A digest of everything the search index is made from: the product pages and curated
 * comparisons (each page's own digest, which covers its search copy too) and Eleventy's pages
 * (`eleventyInputs`, which decide the sector, matrix and methodology pages it indexes).
 * @example searchInputsDigest(pageJobsWithDigests(model, fingerprint), eleventyInputs, model.pairContext.curated) // "Jd8…"
 */
export function searchInputsDigest(jobs: readonly { job: PageJob; digest: string }[], eleventyInputs: string, curated: Readonly<Record<string, unknown>>): string {
  const parts = [eleventyInputs];
  for (const { job, digest: d } of jobs) {
    if (job.kind === "product" || (job.kind === "pair" && curated[job.slug])) parts.push(job.file, d);
  }
  return digest(...parts);
}

/**
 * The last build's search files and their digests, when that build indexed the same inputs and
 * every one of its files is still in `output`: Pagefind has no incremental mode, so a build
 * that changes no indexed page keeps them instead of spending seconds indexing them again.
 * @example keptSearchFiles(inputs, { output, manifest }) // [["pagefind/pagefind.js", "k3…"], …] or undefined
 */
export function keptSearchFiles(inputs: string, previous: { output: string; manifest: Manifest } | undefined): [string, string][] | undefined {
  if (!previous || previous.manifest.search !== inputs) return undefined;
  const files = [...previous.manifest.files].filter(([file]) => file.startsWith(`${SEARCH_DIR}/`));
  if (files.length === 0 || !files.every(([file]) => existsSync(path.join(previous.output, file)))) return undefined;
  return files;
}
