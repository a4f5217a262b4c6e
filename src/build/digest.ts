import { hash } from "node:crypto";
import { codeVersion, hashFiles, PROJECT_DIR } from "../../bin/bundle-cache.js";

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

/**
 * What every rendered page depends on besides its data: the templates, the code that builds
 * views and the pinned dependencies. A change to any of them invalidates every page of the
 * incremental cache.
 */
export function renderFingerprint(projectDir = PROJECT_DIR): string {
  return digest(codeVersion(projectDir), hashFiles(["templates"], projectDir));
}
