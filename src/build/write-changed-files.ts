import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { digest } from "./digest.js";
import type { MemoryFile } from "./published-files.js";

/**
 * Writes each in-memory file under `dir` unless the last build (`previous`, its digests and the
 * folder it wrote) holds the same digest for it and its copy is still there, and returns every
 * file's digest and the files written. The check for the copy (a few hundred files) puts back
 * one deleted by hand, which its unchanged digest would otherwise leave missing.
 * @example writeChangedFiles([{ file: "feed.xml", bytes }], staging, { digests: lastManifest.files, dir: output }) // { digests, written: ["feed.xml"] }
 */
export function writeChangedFiles(
  files: readonly MemoryFile[],
  dir: string,
  previous: LastBuild | undefined,
): { digests: Map<string, string>; written: string[] } {
  const digests = new Map<string, string>();
  const written: string[] = [];
  for (const { file, bytes } of files) {
    const d = digest(bytes);
    digests.set(file, d);
    if (keptFromLast(previous, file, d)) continue;
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    written.push(file);
  }
  return { digests, written };
}

/** The last build's digests of its files, and the folder it wrote them to. */
export type LastBuild = { digests: ReadonlyMap<string, string>; dir: string };

/**
 * Whether the last build's copy of `file` has the digest `d` and is still in its folder, so the
 * file need not be written again. A copy deleted by hand is written again: its unchanged digest
 * alone would leave it missing.
 * @example keptFromLast({ digests: lastManifest.files, dir: output }, "feed.xml", digest(bytes)) // true
 */
export function keptFromLast(previous: LastBuild | undefined, file: string, d: string): boolean {
  return previous?.digests.get(file) === d && existsSync(path.join(previous.dir, file));
}
