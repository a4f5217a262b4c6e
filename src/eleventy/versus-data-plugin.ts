import { modelStore } from "./model-store.js";
import { createNunjucksEnvironment } from "../render/nunjucks-environment.js";
import type { EleventyPages } from "../site/site-model.js";
import { withBasePath } from "../site/base-path.js";

/** What the entry templates paginate over; every list is empty until valid content loads. */
function cascadeData(pages: EleventyPages | undefined) {
  return {
    sectorPages: pages?.sectorPages ?? [],
    matrixPages: pages?.matrixPages ?? [],
    // One-page templates paginate over a list of one, so no page is written without a model.
    home: pages ? [pages.home] : [],
    methodology: pages ? [pages.methodology] : [],
    notFound: pages ? [pages.notFound] : [],
    searchPage: pages ? [pages.searchPage] : [],
  };
}

/**
 * Puts the computed site model into Eleventy's data cascade (`versus`, `site`) and renders with
 * the same Nunjucks environment as the pair-page workers, links under the same base path.
 */
export function versusDataPlugin(eleventyConfig: any): void {
  // Cached templates: Eleventy drops a template from the cache when its file changes, so the
  // dev server recompiles only what was edited (tests/eleventy/versus-data-plugin.test.ts).
  eleventyConfig.setLibrary("njk", createNunjucksEnvironment());
  eleventyConfig.addGlobalData("versus", () => cascadeData(modelStore.has() ? modelStore.get().pages : undefined));
  eleventyConfig.addGlobalData("site", () => (modelStore.has() ? modelStore.get().site : {}));
  // As the pages rendered outside Eleventy do (renderJob): links start with the site's base path.
  eleventyConfig.addTransform("versus-base-path", function (this: { page: { outputPath: string | false } }, content: string) {
    const html = typeof this.page.outputPath === "string" && this.page.outputPath.endsWith(".html");
    return html && modelStore.has() ? withBasePath(content, modelStore.get().site.basePath) : content;
  });
}
