import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type nunjucks from "nunjucks";
import { buildPairPage, type PairContext } from "../site/pair-page.js";
import type { PageJob } from "./page-jobs.js";
import { escapeHtml } from "../compute/escape-html.js";
import { withBasePath } from "../site/base-path.js";

/** The page template of each kind of job; render threads compile these ahead of their first job. */
export const PAGE_TEMPLATES: Readonly<Record<PageJob["kind"], string>> = {
  pair: "pages/pair.njk",
  product: "pages/product.njk",
  alternatives: "pages/alternatives.njk",
  redirect: "pages/redirect.njk",
};

/**
 * Renders one job to HTML with the shared templates (PAGE_TEMPLATES). Every template sees
 * `site` and `view`, as it does under Eleventy, and its links start with the site's base path.
 * With `forSearch`, templates may leave out the sections Pagefind ignores
 * (`data-pagefind-ignore`): the same index from fewer bytes to parse.
 * @example renderJob(env, ctx, { kind: "product", file: "", slug: "redpanda" }, { forSearch: true })
 */
export function renderJob(env: nunjucks.Environment, ctx: PairContext, job: PageJob, options: { forSearch?: boolean } = {}): string {
  return withBasePath(renderFromRoot(env, ctx, job, options.forSearch === true), ctx.site.basePath);
}

function renderFromRoot(env: nunjucks.Environment, ctx: PairContext, job: PageJob, forSearch: boolean): string {
  switch (job.kind) {
    case "pair":
      return env.render(PAGE_TEMPLATES.pair, { site: ctx.site, view: buildPairPage(ctx, job), forSearch });
    case "product":
      return env.render(PAGE_TEMPLATES.product, { site: ctx.site, view: ctx.productPages[job.slug], forSearch });
    case "alternatives":
      return env.render(PAGE_TEMPLATES.alternatives, { site: ctx.site, view: ctx.alternativesPages[job.slug], forSearch });
    case "redirect":
      return redirectShell(env, ctx).join(escapeHtml(job.to));
  }
}

// Redirect pages differ only in their target, and there is one per pair: the template is
// rendered once per environment and build with a marker in place of the target, then filled in
// per page. Per environment too: the dev server renders each save's model with new templates.
const TARGET_MARKER = "VERSUS-REDIRECT-TARGET";
const shells = new WeakMap<nunjucks.Environment, WeakMap<PairContext, string[]>>();

function redirectShell(env: nunjucks.Environment, ctx: PairContext): string[] {
  let byContext = shells.get(env);
  if (!byContext) shells.set(env, (byContext = new WeakMap()));
  let shell = byContext.get(ctx);
  if (!shell) {
    shell = env.render(PAGE_TEMPLATES.redirect, { site: ctx.site, view: { from: "", to: TARGET_MARKER } }).split(TARGET_MARKER);
    byContext.set(ctx, shell);
  }
  return shell;
}

/**
 * Renders and writes jobs under `outDir`, except pages whose bytes equal the same file in
 * `previousDir` (an input changed but not the page): those are returned, not written, so the
 * previous file keeps its modification time. `madeDirs` remembers folders already created,
 * since creating a folder costs more than writing a page on some disks.
 */
export function writeJobs(
  env: nunjucks.Environment,
  ctx: PairContext,
  outDir: string,
  jobs: readonly PageJob[],
  madeDirs: Set<string>,
  previousDir?: string,
): string[] {
  const unchanged: string[] = [];
  for (const job of jobs) {
    // With nothing to compare against, the string goes to the file as it is: Node encodes it
    // natively, without a Buffer of our own, which saves about a third of writing a pair page.
    let html: string | Buffer = renderJob(env, ctx, job);
    if (previousDir !== undefined) {
      html = Buffer.from(html);
      if (sameBytes(path.join(previousDir, job.file), html)) {
        unchanged.push(job.file);
        continue;
      }
    }
    const target = path.join(outDir, job.file);
    const dir = path.dirname(target);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(target, html);
  }
  return unchanged;
}

function sameBytes(file: string, bytes: Buffer): boolean {
  try {
    return readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}
