import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import { readCacheFile, writeCacheFile } from "../../build/cache-file.js";
import { LineMap } from "../paths.js";
import type { RawRecord } from "./record-file.js";

interface Stored {
  /** Hash of the file's text: the entry holds only while the text is the same. */
  text: string;
  /** The parsed record, serialized (a fresh copy on every read, never shared). */
  record: Buffer;
  /** What checking the record found (see `checked`), serialized the same way. */
  checked?: Buffer;
}

/**
 * Parsed record files (front matter and body, with the line of every key), kept per file while
 * its text is unchanged. Parsing YAML is most of the time `versus check` and an incremental
 * build spend loading a large site; with the cache only edited files are parsed again.
 * What validating a record found is kept with it (`checked`): it depends on the text and the
 * code alone, so problems are reported exactly as without the cache.
 * Stored in `file` (under `.versus-cache/`) for the next run, marked with `version` (the code
 * that parses and validates): a different version, or an unreadable file, starts empty. Only
 * successful parses are kept; a file that does not parse is parsed again each time.
 * @example
 * await loadRoot(root, { recordCache: RecordCache.open(".versus-cache/records.bin", fingerprint) }); // loadRoot saves it
 */
export class RecordCache {
  private readonly entries: Map<string, Stored>;
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    entries: Map<string, Stored>,
  ) {
    this.entries = entries;
  }

  /** A cache backed by `file`, with what it holds for `version`. */
  static open(file: string, version: string): RecordCache {
    return new RecordCache(file, version, readCacheFile<Stored>(file, version));
  }

  get(file: string, text: string): RawRecord | undefined {
    const entry = this.entries.get(file);
    if (entry === undefined || entry.text !== hashText(text)) return undefined;
    try {
      const r = deserialize(entry.record) as Omit<RawRecord, "lines"> & { lines: [string, number][]; rootLine: number | undefined };
      const record = { data: r.data, lines: LineMap.fromEntries(r.rootLine, r.lines), body: r.body, bodyLine: r.bodyLine, bodyKeyLine: r.bodyKeyLine };
      this.used.add(file);
      return record;
    } catch {
      // A damaged entry: parse the file again.
      this.entries.delete(file);
      return undefined;
    }
  }

  set(file: string, text: string, record: RawRecord): void {
    const { lines, ...rest } = record;
    this.entries.set(file, { text: hashText(text), record: serialize({ ...rest, lines: lines.entries(), rootLine: lines.rootLine }) });
    this.used.add(file);
    this.changed = true;
  }

  /**
   * What `check` returns for the record of `file` last got or set: from the cache while the file's
   * text is the one stored, else computed and kept. For checks that depend on the record's text
   * and the code alone, as validation does.
   */
  checked<T>(file: string, check: () => T): T {
    const entry = this.used.has(file) ? this.entries.get(file) : undefined;
    if (entry?.checked) {
      try {
        return deserialize(entry.checked) as T;
      } catch {
        // A damaged entry: check again.
      }
    }
    const value = check();
    if (entry) {
      entry.checked = serialize(value);
      this.changed = true;
    }
    return value;
  }

  /** Writes the entries used since opening (files no longer read drop out), if anything changed. */
  save(): void {
    for (const file of this.entries.keys()) {
      if (!this.used.has(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
    this.used.clear();
    if (!this.changed) return;
    this.changed = false;
    writeCacheFile(this.file, this.version, this.entries);
  }
}

function hashText(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}
