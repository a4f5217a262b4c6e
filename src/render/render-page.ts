import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type nunjucks from "nunjucks";
import { buildPairPage, type PairContext } from "../site/pair-page.js";
import type { PageJob } from "./page-jobs.js";

/**
 * Renders one job to HTML with the shared templates: `pages/pair.njk` for pair pages,
 * `pages/redirect.njk` for redirect pages. Every template sees `site` and `view`.
 */
export function renderJob(env: nunjucks.Environment, ctx: PairContext, job: PageJob): string {
  if (job.kind === "pair") return env.render("pages/pair.njk", { site: ctx.site, view: buildPairPage(ctx, job) });
  return env.render("pages/redirect.njk", { site: ctx.site, view: { from: job.from, to: job.to } });
}

/**
 * Renders and writes jobs under `outDir`. `madeDirs` remembers folders already created, since
 * creating a folder costs more than writing a page on some disks.
 */
export function writeJobs(env: nunjucks.Environment, ctx: PairContext, outDir: string, jobs: readonly PageJob[], madeDirs: Set<string>): void {
  for (const job of jobs) {
    const target = path.join(outDir, job.file);
    const dir = path.dirname(target);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(target, renderJob(env, ctx, job));
  }
}
