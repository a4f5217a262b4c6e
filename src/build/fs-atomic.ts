import { closeSync, fsyncSync, openSync, renameSync, writeSync } from "node:fs";
import { threadId } from "node:worker_threads";

/**
 * Writes a file so readers see the old or the new content, never half of it. Safe for threads
 * of one process writing the same file (render threads keeping the compiled templates): each
 * writes its own temporary file.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}-${threadId}`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, typeof data === "string" ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
