import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { BuildOptions, Plugin } from "esbuild";
import { CACHE_DIRS, CLI_ELEVENTY_CONFIG, CLI_MAIN, cliBundleDir, PROJECT_DIR } from "../../bin/bundle-cache.js";
import { digest } from "./digest.js";

const RENDER_WORKER = fileURLToPath(new URL("../render/render-worker.ts", import.meta.url));
/** Bundles of other code versions older than this are deleted when a new one is built. */
const KEEP_OLD_MS = 24 * 60 * 60 * 1000;

/**
 * A worker's TypeScript entry (`source`, the render worker by default) as one plain JavaScript
 * file, built once per version of the code (`key`) in the first of `cacheDirs` that can be
 * written. Worker threads do not inherit the main thread's TypeScript loader, and a loader per
 * worker costs memory and a compiler process each; a bundle needs neither.
 * @example startBundleWorker(await workerBundle(fingerprint), { workerData })
 */
export async function workerBundle(key: string, cacheDirs: readonly string[] = CACHE_DIRS, source = RENDER_WORKER): Promise<URL> {
  const stem = path.basename(source, ".ts");
  // Package imports are absolute paths into this installation, so where it is belongs to the version.
  const name = `${stem}-${digest(key, source).slice(0, 16)}.mjs`;
  for (const [i, dir] of cacheDirs.entries()) {
    const file = path.join(dir, name);
    try {
      await made(file, file, stem, { entryPoints: [source], outfile: `${file}.${process.pid}.tmp` });
      return pathToFileURL(file);
    } catch (error) {
      if (i === cacheDirs.length - 1) throw error;
    }
  }
  throw new Error("workerBundle: no cache folder given");
}

/**
 * Starts a worker thread on a bundle (see workerBundle) with source maps on when this thread has
 * them on (`node --enable-source-maps`), so that its stack traces name lines of the TypeScript
 * source too. A thread does not follow the main thread's setting by itself, and an `execArgv`
 * with the flag would make Node refuse the thread whenever the process runs with a flag threads
 * may not take (`--max-old-space-size`, say); a line of its own first thing in the thread needs neither.
 * @example const worker = startBundleWorker(await workerBundle(fingerprint), { workerData })
 */
export function startBundleWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const maps = process.sourceMapsEnabled ? "process.setSourceMapsEnabled(true); " : "";
  return new Worker(`${maps}import(${JSON.stringify(entry.href)});`, { ...options, eval: true });
}

/**
 * The command line (src/cli/main.ts) and the Eleventy config as one bundle for `version` of the
 * code (bin/bundle-cache.js), with the modules they share, such as the model store the build
 * fills and the config's data plugin reads, loaded once; returns the URL of its main module.
 * Split into chunks, so a command loads only what it runs, as from the source.
 * @example const { main } = await import(await cliBundle(hashFiles(CODE_ENTRIES)))
 */
export async function cliBundle(version: string): Promise<string> {
  const dir = cliBundleDir(version);
  await made(dir, path.join(dir, CLI_MAIN), "cli", {
    entryPoints: { main: path.join(PROJECT_DIR, "src/cli/main.ts"), "eleventy-config": path.join(PROJECT_DIR, ".eleventy.ts") },
    outdir: `${dir}.${process.pid}.tmp`,
    splitting: true,
    outExtension: { ".js": ".mjs" },
    // Eleventy loads this copy of the config (src/eleventy/paths.ts), not the TypeScript one.
    define: { VERSUS_BUNDLED_ELEVENTY_CONFIG: JSON.stringify(path.join(dir, CLI_ELEVENTY_CONFIG)) },
  });
  return pathToFileURL(path.join(dir, CLI_MAIN)).href;
}

/**
 * Makes `target` (a file or a folder) with esbuild unless `check` exists: built beside it under
 * a temporary name, then renamed into place, so a process never loads half a bundle. When two
 * processes make the same bundle, the second rename fails on the first's folder; that one is kept.
 */
async function made(target: string, check: string, stem: string, options: BuildOptions): Promise<void> {
  if (existsSync(check)) return;
  const tmp = (options.outfile ?? options.outdir)!;
  mkdirSync(path.dirname(target), { recursive: true });
  // A folder made by another user (an image built as root, run as another) fails here, at
  // once, rather than after esbuild has bundled for nothing.
  accessSync(path.dirname(target), constants.W_OK);
  // Loaded only to make a new bundle: most runs find theirs made.
  const { build } = await import("esbuild");
  // Inline source maps, without the source text they point to: a bundle stays one file (or one
  // folder) to rename into place. Node reads them only with --enable-source-maps (then a stack
  // trace names lines of the TypeScript source); reading them, and those of the packages, on every
  // run took 25 ms of a 0.4 s build.
  await build({
    ...options,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "inline",
    sourcesContent: false,
    // Less text for V8 to parse at every start: a tagline rebuild at 600 products took 1.16 s
    // against 1.22 s (twelve runs each). Names stay as written, for profiles and error names.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [absolutePackages, ownModuleUrls],
    banner: { js: REQUIRE_BANNER },
    logLevel: "silent",
  });
  try {
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(check)) throw error;
  }
  pruneOldCacheFiles(path.dirname(target), target, stem, Date.now());
}

// Pure JavaScript packages go into the bundle with what they import: loading zod, yaml,
// gray-matter, markdown-it, Nunjucks and Eleventy as hundreds of files of their own took about
// 0.3 s of every command's start, in a bundle about half that. Nunjucks and markdown-it are
// shared with Eleventy, which renders with our Nunjucks environment: one bundle holds one copy
// of each. What they find beside their files (Eleventy its package.json, for one) they still
// find, through their files' own `import.meta.url` and `__dirname` (see ownModuleUrls).
const BUNDLED_PACKAGES = new Set(["@11ty/eleventy", "gray-matter", "markdown-it", "nunjucks", "yaml", "zod"]);
// Never bundled, even when a bundled package imports them: they load binaries, WebAssembly or
// client files of their own from their folders (the dev server's is also not strict-mode code).
const OWN_FOLDER_PACKAGES = new Set(["@11ty/eleventy-dev-server", "@resvg/resvg-js", "esbuild", "pagefind", "satori", "tsx"]);

// Other packages stay outside the bundle, imported by the file they resolve to from here, as
// the source's imports do: the bundle then runs from any folder, not only from inside
// node_modules. So does bin/bundle-cache.js, so that a bundle shares the launcher's copy of it,
// and the code version the launcher hashed (codeVersion).
const BUNDLE_CACHE = fileURLToPath(new URL("../../bin/bundle-cache.js", import.meta.url));
const absolutePackages: Plugin = {
  name: "absolute-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const name = packageName(args.path);
      const outside = OWN_FOLDER_PACKAGES.has(name) || (isOwnFile(args.importer) && !BUNDLED_PACKAGES.has(name));
      // undefined: esbuild resolves it and puts it in the bundle.
      return outside ? { path: import.meta.resolve(args.path), external: true } : undefined;
    });
    b.onResolve({ filter: /bundle-cache\.js$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) === BUNDLE_CACHE ? { path: pathToFileURL(BUNDLE_CACHE).href, external: true } : undefined,
    );
  },
};

/** Whether `file` is Versus's own code, not a package's, wherever Versus is installed. */
function isOwnFile(file: string): boolean {
  const relative = path.relative(PROJECT_DIR, file);
  return !relative.startsWith("..") && !path.isAbsolute(relative) && !relative.split(path.sep).includes("node_modules");
}

/** The package a bare import names: `@11ty/eleventy` of `@11ty/eleventy/src/x.js`, `zod` of `zod/v4`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

// Each module keeps the `import.meta.url` (and a CommonJS module its `__dirname`) of its source
// file, so what it finds from there (fonts through createRequire, templates, a package's own
// files) it finds from a bundle in any folder too. The text searched for is built, not written
// out, so that this file, bundled itself, keeps it.
const META_URL = ["import", "meta", "url"].join(".");
const ownModuleUrls: Plugin = {
  name: "own-module-urls",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({ contents: withOwnUrl(readFileSync(args.path, "utf8"), args.path), loader: "ts" }));
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, (args) => {
      const text = withOwnUrl(readFileSync(args.path, "utf8"), args.path);
      const dirname = /\b__(dirname|filename)\b/.test(text) && !DECLARES_DIRNAME.test(text) ? `var __dirname = ${JSON.stringify(path.dirname(args.path))}, __filename = ${JSON.stringify(args.path)};\n` : "";
      return { contents: dirname + text, loader: "js" };
    });
  },
};

// An ES module that makes its own `__dirname` from its URL keeps it.
const DECLARES_DIRNAME = /\b(const|let|var)\s+__(dirname|filename)\b/;

function withOwnUrl(text: string, file: string): string {
  return text.replaceAll(META_URL, JSON.stringify(pathToFileURL(file).href));
}

// A CommonJS package's `require` of what is not bundled (a module named at run time) needs a
// `require` in an ES module bundle: one that resolves from this installation, as from the source.
const REQUIRE_BANNER = `import { createRequire as __versusCreateRequire } from "node:module"; const require = __versusCreateRequire(${JSON.stringify(pathToFileURL(path.join(PROJECT_DIR, "package.json")).href)});`;

/**
 * Deletes the files named `<stem>-…` in `cacheDir` that are a day old, except `keep`. Each edit
 * of the code or templates makes a new version: a bundle a day old belongs to no build still
 * starting; younger ones may, if two versions build at once.
 * @example pruneOldCacheFiles(dir, path.join(dir, "render-worker-abc.mjs"), "render-worker", Date.now())
 */
export function pruneOldCacheFiles(cacheDir: string, keep: string, stem: string, now: number): void {
  for (const name of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    if (file === keep || !name.startsWith(`${stem}-`)) continue;
    try {
      if (now - statSync(file).mtimeMs > KEEP_OLD_MS) rmSync(file, { recursive: true, force: true });
    } catch {
      // Gone already: another build pruned it.
    }
  }
}
