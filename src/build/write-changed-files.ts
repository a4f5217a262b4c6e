import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { digest } from "./digest.js";
import type { MemoryFile } from "./published-files.js";

/**
 * Writes each in-memory file under `dir` unless `previous` holds the same digest for it (the
 * last build's copy is the same bytes), and returns every file's digest and the files written.
 * @example writeChangedFiles([{ file: "feed.xml", bytes }], staging, lastManifest.files) // { digests, written: ["feed.xml"] }
 */
export function writeChangedFiles(
  files: readonly MemoryFile[],
  dir: string,
  previous: ReadonlyMap<string, string> | undefined,
): { digests: Map<string, string>; written: string[] } {
  const digests = new Map<string, string>();
  const written: string[] = [];
  for (const { file, bytes } of files) {
    const d = digest(bytes);
    digests.set(file, d);
    if (previous?.get(file) === d) continue;
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    written.push(file);
  }
  return { digests, written };
}
