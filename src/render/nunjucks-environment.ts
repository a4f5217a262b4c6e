import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { addFragmentCache } from "./fragment-cache.js";
import { environmentWithCompiledTemplates } from "./compiled-templates.js";
import { installErrorLines } from "./error-lines.js";
import { cacheFrameNameSplits } from "./frame-set-cache.js";
import { keepImportedMacros } from "./imported-macros-cache.js";
import { setLoopVariablesAtOnce } from "./loop-bindings.js";
import { installRuntimeFastPaths } from "./runtime-fast-paths.js";

/** The project's templates folder: layouts, pages, components and assets. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/**
 * The one Nunjucks environment configuration, shared by Eleventy (setLibrary) and the pair-page
 * workers so both render the same templates the same way. Autoescape is on: content is untrusted.
 * Compiled templates are cached for the environment's life, so one that outlives a rebuild needs
 * edited templates dropped from its cache (Eleventy does this for the one it is given).
 * `forOneBuild` is for an environment dropped after one build (not Eleventy's): it may keep what
 * does not change while its templates do not (see keepImportedMacros). `compiledFor`, the render
 * fingerprint, takes the templates compiled by an earlier process of the same code and templates
 * (see environmentWithCompiledTemplates).
 */
export function createNunjucksEnvironment(options: { forOneBuild?: boolean; compiledFor?: string } = {}): nunjucks.Environment {
  cacheFrameNameSplits();
  installRuntimeFastPaths();
  installErrorLines();
  setLoopVariablesAtOnce();
  const settings = { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true };
  const env =
    options.compiledFor === undefined
      ? new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), settings)
      : environmentWithCompiledTemplates(TEMPLATES_DIR, options.compiledFor, settings);
  addFragmentCache(env);
  if (options.forOneBuild) keepImportedMacros(env);
  return env;
}

/**
 * Compiles `pages` and every layout and component ahead of the first render, into the
 * environment's cache, so a thread that starts before its pages are known spends that wait
 * compiling. A template that does not compile is left for the render, which reports it.
 * @example compileTemplates(env, ["pages/pair.njk"])
 */
export function compileTemplates(env: nunjucks.Environment, pages: readonly string[]): void {
  const shared = ["layouts", "components"].flatMap((dir) =>
    readdirSync(path.join(TEMPLATES_DIR, dir))
      .filter((name) => name.endsWith(".njk"))
      .map((name) => `${dir}/${name}`),
  );
  for (const name of [...pages, ...shared]) {
    try {
      env.getTemplate(name, true);
    } catch {
      // Reported, with its line, when a page meets it.
    }
  }
}
