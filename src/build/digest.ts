import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A short stable hash of strings or bytes.
 * @example digest("a", "b") === digest("a", "b") // true
 */
export function digest(...parts: (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(p);
    h.update("\0");
  }
  return h.digest("base64url").slice(0, 22);
}

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
