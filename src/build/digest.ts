import { hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A short stable hash of strings or bytes.
 * @example digest("a", "b") === digest("a", "b") // true
 */
export function digest(...parts: (string | Uint8Array)[]): string {
  // One call into the hash per digest (each part followed by a NUL): a build digests every page,
  // and most parts are short strings, for which a Hash object costs more than the hashing.
  const data = parts.every((p) => typeof p === "string")
    ? parts.map((p) => `${p}\0`).join("")
    : Buffer.concat(parts.flatMap((p) => [typeof p === "string" ? Buffer.from(p) : p, NUL]));
  return hash("sha256", data, "base64url").slice(0, 22);
}

const NUL = new Uint8Array(1);

const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));

/**
 * What every rendered page depends on besides its data: the templates, the code that builds
 * views and the pinned dependencies. A change to any of them invalidates every page of the
 * incremental cache. An installed package has no package-lock.json; its package.json pins the
 * direct dependencies.
 */
export function renderFingerprint(projectDir = PROJECT_DIR): string {
  const files = ["templates", "src", ".eleventy.ts", "package.json", "package-lock.json"].flatMap((entry) => listFiles(path.join(projectDir, entry)));
  return digest(...files.sort().flatMap((f) => [path.relative(projectDir, f), readFileSync(f)]));
}

/** The files of a folder, recursively; the path itself for a file; nothing for a missing path. */
function listFiles(target: string): string[] {
  if (!existsSync(target)) return [];
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}
