import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomic } from "./fs-atomic.js";

/**
 * The entries a cache file under `.versus-cache/` holds for `version` of the code: none when the
 * file is missing, damaged or written by another version.
 * @example readCacheFile<string>(".versus-cache/markdown.bin", codeVersion()).size // 0 on a first run
 */
export function readCacheFile<V>(file: string, version: string): Map<string, V> {
  try {
    const stored = deserialize(readFileSync(file)) as { version: string; entries: [string, V][] };
    if (stored.version === version) return new Map(stored.entries);
  } catch {
    // No cache yet, or one from an older Versus or a damaged file: start empty.
  }
  return new Map();
}

/**
 * Writes `entries` for `version`, whole or not at all, for readCacheFile. A cache that cannot
 * be written only costs time on the next run, so failing to write is not an error.
 */
export function writeCacheFile<V>(file: string, version: string, entries: ReadonlyMap<string, V>): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, serialize({ version, entries: [...entries] }), { durable: false });
  } catch {
    // Read-only root, full disk: the next run computes again.
  }
}
