import { modelStore } from "./model-store.js";
import { createNunjucksEnvironment } from "../render/nunjucks-environment.js";

/**
 * Puts the computed site model into Eleventy's data cascade (`versus`, `site`) and renders with
 * the same Nunjucks environment as the pair-page workers.
 */
export function versusDataPlugin(eleventyConfig: any, options: { watch: boolean }): void {
  eleventyConfig.setLibrary("njk", createNunjucksEnvironment({ watch: options.watch }));
  eleventyConfig.addGlobalData("versus", () => modelStore.get().pages);
  eleventyConfig.addGlobalData("site", () => modelStore.get().site);
}
