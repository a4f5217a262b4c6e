import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import { CACHE_DIRS } from "../../bin/bundle-cache.js";
import { digest } from "../build/digest.js";
import { writeFileAtomic } from "../build/fs-atomic.js";
import { pruneOldCacheFiles } from "../build/code-bundles.js";

/** Compiled JavaScript of each template, by its path relative to the templates folder. */
type TemplateSources = Record<string, string>;

interface NunjucksCompiler {
  compile(src: string, asyncFilters: string[], extensions: unknown[], name: string, opts: object): string;
}
interface EnvironmentInternals {
  asyncFilters: string[];
  extensionsList: unknown[];
  opts: object;
}

/**
 * A Nunjucks environment over the templates of `dir`, with `options`, that takes them compiled
 * (see compiledTemplates) for `key`, kept in the first of `cacheDirs` it can use.
 * @example environmentWithCompiledTemplates(TEMPLATES_DIR, renderFingerprint(), { autoescape: true })
 */
export function environmentWithCompiledTemplates(dir: string, key: string, options: nunjucks.ConfigureOptions, cacheDirs: readonly string[] = CACHE_DIRS): nunjucks.Environment {
  const sources: TemplateSources = {};
  const env = new nunjucks.Environment(new CompiledTemplateLoader(dir, sources), options);
  // Compiled by this environment's settings, so filled in once it exists.
  Object.assign(sources, compiledTemplates(env, key, dir, templateTexts(dir), cacheDirs));
  return env;
}

/** The text of every template under `dir`, by its path relative to `dir`, in path order. */
function templateTexts(dir: string): TemplateSources {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".njk"));
  return Object.fromEntries(files.sort().map((file) => [file.split(path.sep).join("/"), readFileSync(path.join(dir, file), "utf8")]));
}

/**
 * The templates `texts` (of `dir`) compiled to JavaScript as `env` compiles them, kept in a
 * file named by `key` (the render fingerprint, which covers the code, Nunjucks and our
 * compiler changes included) and the texts, so that later processes evaluate the code instead
 * of compiling the templates again: a page's templates took 57-75 ms to compile in a fresh process, and
 * 3-4 ms to evaluate. A template that does not compile is left out, for Nunjucks to compile
 * and report as it does without this. Without a cache folder it can write, it compiles each time.
 * @example compiledTemplates(env, fingerprint, TEMPLATES_DIR, texts) // { "pages/pair.njk": "var root = …", … }
 */
function compiledTemplates(env: nunjucks.Environment, key: string, dir: string, texts: TemplateSources, cacheDirs: readonly string[]): TemplateSources {
  // The compiled code names its template by absolute path (to resolve includes): the folder belongs to the key.
  // So do the texts compiled: the fingerprint was taken from them earlier, and a template
  // saved in between must not be kept under it, or undoing that edit would bring it back.
  const name = `templates-${digest(key, dir, ...Object.entries(texts).flat()).slice(0, 16)}.json`;
  for (const cacheDir of cacheDirs) {
    try {
      return JSON.parse(readFileSync(path.join(cacheDir, name), "utf8")) as TemplateSources;
    } catch {
      // Not compiled yet, or damaged: compiled below.
    }
  }
  const sources = compileAll(env, dir, texts);
  for (const cacheDir of cacheDirs) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileAtomic(path.join(cacheDir, name), JSON.stringify(sources), { durable: false });
      pruneOldCacheFiles(cacheDir, path.join(cacheDir, name), "templates", Date.now());
      break;
    } catch {
      // Not writable: try the next folder; without one, the next process compiles again.
    }
  }
  return sources;
}

function compileAll(env: nunjucks.Environment, dir: string, texts: TemplateSources): TemplateSources {
  const { compiler } = nunjucks as unknown as { compiler: NunjucksCompiler };
  const { asyncFilters, extensionsList, opts } = env as unknown as EnvironmentInternals;
  const sources: TemplateSources = {};
  for (const [file, text] of Object.entries(texts)) {
    try {
      // As Nunjucks's Template compiles a template its FileSystemLoader found: named by full path.
      sources[file] = compiler.compile(text, asyncFilters, extensionsList, path.join(dir, ...file.split("/")), opts);
    } catch {
      // Reported by Nunjucks, with its line, when a page meets it.
    }
  }
  return sources;
}

/**
 * A FileSystemLoader over `dir` that hands out the templates `sources` holds as compiled code
 * (Nunjucks then skips lexing, parsing and compiling them) and any other as text.
 * @example new nunjucks.Environment(new CompiledTemplateLoader(dir, sources))
 */
class CompiledTemplateLoader extends nunjucks.FileSystemLoader {
  constructor(
    private readonly dir: string,
    private readonly sources: TemplateSources,
  ) {
    super(dir);
  }

  override getSource(name: string): nunjucks.LoaderSource {
    // Resolved as FileSystemLoader resolves it, but a compiled template's file is not read
    // again: templateTexts read it for the compile, and the loader would only drop the text.
    const full = path.resolve(this.dir, name);
    const code = this.sources[path.relative(this.dir, full).split(path.sep).join("/")];
    const obj = typeof code === "string" ? templateObject(code) : undefined;
    return obj ? ({ src: { type: "code", obj }, path: full, noCache: false } as unknown as nunjucks.LoaderSource) : super.getSource(name);
  }
}

/** A template object as Nunjucks's own precompiled loader hands out, or undefined for damaged code. */
function templateObject(code: string): { root: unknown } | undefined {
  try {
    const obj = new Function(code)() as { root?: unknown } | undefined;
    return typeof obj?.root === "function" ? (obj as { root: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
