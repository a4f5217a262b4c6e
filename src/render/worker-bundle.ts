import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { digest } from "../build/digest.js";

const RENDER_WORKER = fileURLToPath(new URL("./render-worker.ts", import.meta.url));
/**
 * Where bundles are kept: this installation's own cache, or, when that cannot be written (an
 * install owned by another user, as in a container that builds as non-root), the system's
 * temporary folder, one per user.
 */
const CACHE_DIRS = [
  fileURLToPath(new URL("../../node_modules/.cache/versus/", import.meta.url)),
  path.join(os.tmpdir(), `versus-${process.getuid?.() ?? "user"}`),
];
/** Bundles of other code versions older than this are deleted when a new one is built. */
const KEEP_OLD_MS = 24 * 60 * 60 * 1000;

/**
 * A worker's TypeScript entry (`source`, the render worker by default) as one plain JavaScript
 * file, built once per version of the code (`key`) in the first of `cacheDirs` that can be
 * written. Worker threads do not inherit the main thread's TypeScript loader, and a loader per
 * worker costs memory and a compiler process each; a bundle needs neither.
 * @example new Worker(await workerBundle(fingerprint), { workerData })
 */
export async function workerBundle(key: string, cacheDirs: readonly string[] = CACHE_DIRS, source = RENDER_WORKER): Promise<URL> {
  const stem = path.basename(source, ".ts");
  // Package imports are absolute paths into this installation, so where it is belongs to the version.
  const name = `${stem}-${digest(key, source).slice(0, 16)}.mjs`;
  for (const [i, dir] of cacheDirs.entries()) {
    try {
      return await bundleIn(dir, name, source, stem);
    } catch (error) {
      if (i === cacheDirs.length - 1) throw error;
    }
  }
  throw new Error("workerBundle: no cache folder given");
}

async function bundleIn(cacheDir: string, name: string, source: string, stem: string): Promise<URL> {
  const file = path.join(cacheDir, name);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    // Loaded only to make a new bundle: most builds find theirs made.
    const { build } = await import("esbuild");
    await build({ entryPoints: [source], outfile: tmp, bundle: true, format: "esm", platform: "node", target: "node20", plugins: [absolutePackages, ownModuleUrls], logLevel: "silent" });
    renameSync(tmp, file);
    pruneOldBundles(cacheDir, file, stem, Date.now());
  }
  return pathToFileURL(file);
}

// Packages stay outside the bundle, imported by the file they resolve to from here, as the
// source's imports do: the bundle then runs from any folder, not only from inside node_modules.
const absolutePackages: Plugin = {
  name: "absolute-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: import.meta.resolve(args.path), external: true }));
  },
};

// Each module keeps the `import.meta.url` of its source file, so what it finds from there (fonts
// through createRequire, templates) it finds from a bundle in any folder too.
const ownModuleUrls: Plugin = {
  name: "own-module-urls",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
      loader: "ts",
    }));
  },
};

// Each edit of the code or templates makes a new version. A bundle a day old belongs to no
// build still starting; younger ones may, if two versions build at once.
function pruneOldBundles(cacheDir: string, keep: string, stem: string, now: number): void {
  for (const name of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    if (file === keep || !name.startsWith(`${stem}-`)) continue;
    try {
      if (now - statSync(file).mtimeMs > KEEP_OLD_MS) rmSync(file, { force: true });
    } catch {
      // Gone already: another build pruned it.
    }
  }
}
