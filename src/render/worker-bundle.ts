import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const SOURCE = fileURLToPath(new URL("./render-worker.ts", import.meta.url));
// Inside node_modules, so the bundle's package imports (nunjucks…) resolve as the source's do.
const CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/versus/", import.meta.url));

/**
 * The render worker as one plain JavaScript file, built once per version of the code (`key`).
 * Worker threads do not inherit the main thread's TypeScript loader, and a loader per worker
 * costs memory and a compiler process each; a bundle needs neither.
 * @example new Worker(await workerBundle(fingerprint), { workerData })
 */
export async function workerBundle(key: string): Promise<URL> {
  const file = path.join(CACHE_DIR, `render-worker-${key}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await build({ entryPoints: [SOURCE], outfile: tmp, bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", logLevel: "silent" });
    renameSync(tmp, file);
  }
  return pathToFileURL(file);
}
