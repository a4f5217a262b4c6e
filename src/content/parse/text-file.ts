import { stat, readFile } from "node:fs/promises";
import { fail, type Parsed } from "./result.js";

/** Files above this size are refused unread: no record needs more, and it bounds memory. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads a record file as text: refuses non-files, files over 1 MB (checked before reading),
 * empty files and bytes that are not UTF-8; drops a BOM and turns CRLF and lone CR (old Mac
 * files), both line breaks to YAML and Markdown, into LF so that every later offset-to-line
 * mapping only has to count `\n`.
 * @example await readTextFile("/site/content/products/kafka.md") // { ok: true, value: "---\nname: ..." }
 */
export async function readTextFile(path: string): Promise<Parsed<string>> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    return fail(`could not read the file (${ioReason(err)})`);
  }
  if (!info.isFile()) return fail("expected a file, found a folder or special file");
  if (info.size > MAX_FILE_BYTES) return fail(`file is ${formatSize(info.size)}; expected at most 1 MB (${MAX_FILE_BYTES} bytes)`);
  if (info.size === 0) return fail("file is empty");

  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return fail(`could not read the file (${ioReason(err)})`);
  }
  // Size can change between stat and read; the limit must hold for what was read.
  if (bytes.byteLength > MAX_FILE_BYTES) return fail(`file is ${formatSize(bytes.byteLength)}; expected at most 1 MB (${MAX_FILE_BYTES} bytes)`);

  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const line = firstBadLine(bytes);
    return fail("expected UTF-8 text, found bytes that are not valid UTF-8; save the file as UTF-8", line);
  }
  if (text.trim() === "") return fail("file is empty");
  return { ok: true, value: text.replace(/\r\n?/g, "\n") };
}

/**
 * Strict UTF-8 decoding (fatal), BOM removed; undefined when the bytes are not UTF-8.
 * @example decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // "a"
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

// Decoding line by line is only done on the error path, to point the editor at the bad line.
function firstBadLine(bytes: Uint8Array): number | undefined {
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (decodeUtf8(bytes.subarray(start, i)) === undefined) return line;
      start = i + 1;
      line++;
    }
  }
  return undefined;
}

function formatSize(bytes: number): string {
  return `${bytes} bytes`;
}

/**
 * The error code (ENOENT, EACCES…) when there is one; never a stack.
 * @example ioReason(Object.assign(new Error("x"), { code: "EACCES" })) // "EACCES"
 */
export function ioReason(err: unknown): string {
  if (err && typeof err === "object" && "code" in err && typeof err.code === "string") return err.code;
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}
