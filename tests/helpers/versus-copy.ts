import { cpSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./built-site.js";

/**
 * Copies what an npm install of Versus holds (package.json and its `files`) into `dir`, with
 * this checkout's node_modules linked in, and returns `dir`: for tests that edit Versus's own
 * files or run it from inside a site's node_modules.
 * @example copyVersus(path.join(site, "node_modules", "versus"))
 */
export function copyVersus(dir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { files: string[] };
  for (const entry of [...manifest.files, "package.json"]) cpSync(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}
