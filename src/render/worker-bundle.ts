import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const SOURCE = fileURLToPath(new URL("./render-worker.ts", import.meta.url));
// Inside node_modules, so the bundle's package imports (nunjucks…) resolve as the source's do.
const CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/versus/", import.meta.url));
/** Bundles of other code versions older than this are deleted when a new one is built. */
const KEEP_OLD_MS = 24 * 60 * 60 * 1000;

/**
 * The render worker as one plain JavaScript file, built once per version of the code (`key`).
 * Worker threads do not inherit the main thread's TypeScript loader, and a loader per worker
 * costs memory and a compiler process each; a bundle needs neither.
 * @example new Worker(await workerBundle(fingerprint), { workerData })
 */
export async function workerBundle(key: string, cacheDir = CACHE_DIR): Promise<URL> {
  const file = path.join(cacheDir, `render-worker-${key}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await build({ entryPoints: [SOURCE], outfile: tmp, bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", logLevel: "silent" });
    renameSync(tmp, file);
    pruneOldBundles(cacheDir, file, Date.now());
  }
  return pathToFileURL(file);
}

// Each edit of the code or templates makes a new version. A bundle a day old belongs to no
// build still starting; younger ones may, if two versions build at once.
function pruneOldBundles(cacheDir: string, keep: string, now: number): void {
  for (const name of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    if (file === keep || !name.startsWith("render-worker-")) continue;
    try {
      if (now - statSync(file).mtimeMs > KEEP_OLD_MS) rmSync(file, { force: true });
    } catch {
      // Gone already: another build pruned it.
    }
  }
}
