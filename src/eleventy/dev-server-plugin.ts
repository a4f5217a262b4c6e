import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { loadRoot } from "../content/load-root.js";
import { formatProblem } from "../content/problems.js";
import { resolveAsOf } from "../compute/as-of.js";
import { buildSiteModel } from "../site/site-model.js";
import { buildAssets } from "../build/assets.js";
import { logoAssets, withLogoFiles, withLogoUrls, type LogoAssets } from "../build/logo-assets.js";
import { CONTENT_ASSETS_DIR } from "../content/logo-files.js";
import { writeSiteExtras } from "../build/site-extras.js";
import { openRecordCache } from "../build/record-cache-file.js";
import { modelStore } from "./model-store.js";
import { problemsPage } from "./problems-page.js";
import { TEMPLATES_DIR } from "../render/nunjucks-environment.js";
import { errorText, templateProblem } from "../render/template-error.js";
import type { Content, Problem } from "../content/types.js";
import type { ProductView } from "../site/types.js";
import { onDemandPages } from "./on-demand-pages.js";

/**
 * `versus serve`: before each rebuild, reload and validate the content. Valid content replaces
 * the model and the pages follow; invalid content keeps the server and the last good pages,
 * prints every problem in the terminal, and shows them in the browser in place of any page until
 * the next valid save. A template error is treated the same way (see reportTemplateError).
 * Product, pair and redirect pages are rendered when the browser asks for them (onDemandPages).
 */
export function devServerPlugin(eleventyConfig: any): void {
  const root = path.resolve(process.env.VERSUS_ROOT ?? ".");
  for (const dir of ["content", "data", CONTENT_ASSETS_DIR]) eleventyConfig.addWatchTarget(path.join(root, dir));
  eleventyConfig.addWatchTarget(TEMPLATES_DIR);
  // Eleventy waits until a changed file's size has held for 150 ms before it rebuilds. Records and
  // templates are small files an editor writes at once: 40 ms takes a tenth of a second off
  // every save. A file still being written when it fires is read again on its next change.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
  // After every rebuild, Eleventy would parse the config's JavaScript and all it imports, to
  // reload the config when one of those files changes. The config is a chunk of Versus's bundle,
  // which carries Eleventy and the other packages: megabytes that never change while the server
  // runs (other code is another bundle), and parsing them took about 0.2 s of every save. Run from
  // the source, the config is TypeScript, which Eleventy does not parse either way.
  eleventyConfig.setWatchJavaScriptDependencies(false);
  const previous = new Map<string, string>();
  // One as-of time for the whole session: relative times then stay put between saves, so a
  // save re-renders only the pages it changes, not every page of the site.
  const asOfMs = resolveAsOf(process.env, Date.now).ms;
  let assets = buildAssets();
  let logos: LogoAssets = { urls: new Map(), files: [] };
  let content: Content | undefined;
  // Only the files saved since the last rebuild are parsed again.
  const recordCache = openRecordCache(root);
  const pages = onDemandPages(printTemplateError);
  // A save changes a product or two: the others keep their views (markdown, velocity, charts).
  const productViews = new Map<string, ProductView>();

  eleventyConfig.on("eleventy.before", async () => {
    const loaded = await loadRoot(root, { recordCache });
    for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
    if (!loaded.content) {
      modelStore.setProblems(loaded.problems);
      return;
    }
    assets = buildAssets(); // the stylesheet or script may have changed
    logos = logoAssets(root, loaded.content);
    content = loaded.content;
    modelStore.set(buildSiteModel(withLogoUrls(loaded.content, logos.urls), { asOfMs, assets: assets.paths, search: false, productViews, atRoot: true }));
  });

  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    if (!modelStore.has() || modelStore.problems().length > 0 || content === undefined) return;
    try {
      writeSiteExtras(modelStore.get(), content, withLogoFiles(assets, logos), path.resolve(directories.output), previous);
      pages.renew(modelStore.get());
      modelStore.setTemplateProblem(undefined);
    } catch (error) {
      // Not rethrown: Eleventy would print it with its stack trace.
      reportTemplateError(error);
    }
  });

  eleventyConfig.setServerOptions({
    middleware: [
      (req: IncomingMessage, res: ServerResponse, next: () => void) => {
        if (leavesSite(req.url ?? "/")) {
          res.statusCode = 400;
          res.end("Bad request: the path leaves the site");
          return;
        }
        const problems = modelStore.problems().filter((p) => p.severity === "error");
        const template = modelStore.templateProblem();
        if (problems.length === 0 && !template) return pages.respond(req, res, next);
        const page = pagePath(req.url ?? "/");
        if (!(page.endsWith("/") || page.endsWith(".html"))) return pages.respond(req, res, next);
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.statusCode = 500;
        res.end(template ? problemsPage([template, ...modelStore.problems()], "Template error") : problemsPage(modelStore.problems()));
      },
    ],
  });
}

/**
 * Whether a request's path, decoded, steps out of the site ("/..%2f…"): Eleventy's dev server
 * throws on such a path where a middleware passes it on, and the throw stopped the server.
 * @example leavesSite("/..%2fetc%2fpasswd") // true
 */
export function leavesSite(url: string): boolean {
  let decoded: string;
  try {
    // As sent: a client other than a browser need not resolve "/../" or "/%2e%2e/" first.
    decoded = decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    return true; // not even decodable
  }
  return decoded.split(/[\\/]/).includes("..");
}

// The path without its query: a page's URL with a query still gets the problems page.
function pagePath(url: string): string {
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return url;
  }
}

/**
 * A build of the dev server failed on a template: one line in the terminal, and the browser shows
 * it in place of any page until a build gets through; the server keeps running. For errors from
 * Eleventy's own pages too (serve-command routes them here).
 * @example reportTemplateError(error) // prints "templates/pages/pair.njk:12: unknown block tag: iff (column 4)"
 */
export function reportTemplateError(error: unknown): void {
  modelStore.setTemplateProblem(printTemplateError(error));
}

/** Prints a template error in one line and returns it as a problem. */
function printTemplateError(error: unknown): Problem {
  // An error that names no template still stops the build of the pages, so it shows the same way.
  const problem = templateProblem(error) ?? { severity: "error", file: "templates", field: "", message: errorText(error) };
  process.stderr.write(`${formatProblem(problem)}\n`);
  return problem;
}
