import { hash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
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
 * What every rendered page depends on besides its data: the templates and the code that builds
 * views. A change to any of them invalidates every page of the incremental cache.
 */
export function renderFingerprint(): string {
  const files = ["templates", "src", ".eleventy.ts", "package-lock.json"].flatMap((entry) => listFiles(path.join(PROJECT_DIR, entry)));
  return digest(...files.sort().flatMap((f) => [path.relative(PROJECT_DIR, f), readFileSync(f)]));
}

function listFiles(target: string): string[] {
  try {
    return readdirSync(target, { withFileTypes: true, recursive: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name));
  } catch {
    return [target];
  }
}
