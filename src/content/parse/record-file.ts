import { describeValue } from "../describe-value.js";
import type { LineMap } from "../paths.js";
import { parseFrontMatter } from "./front-matter.js";
import { parseJsonObject, type JsonObject } from "./json-record.js";
import type { RecordCache } from "./record-cache.js";
import { fail, type Parsed } from "./result.js";
import { readTextFile } from "./text-file.js";

/** A record's fields and body as written, before validation; the same shape for .md and .json. */
export interface RawRecord {
  data: Record<string, unknown>;
  lines: LineMap;
  body: string;
  /** File line of the body's first line (markdown records). */
  bodyLine: number | undefined;
  /** Line of the `body` key (JSON records), used for problems inside the body. */
  bodyKeyLine: number | undefined;
}

/**
 * Reads one record file: markdown front matter + body, or a JSON object whose `body` key holds
 * the markdown. With a cache, a file whose text was parsed before is not parsed again.
 * @example await readRecordFile("/site/content/sectors/devops.md", "md")
 * // { ok: true, value: { data: { name: "DevOps", ... }, body: "", bodyLine: 5, ... } }
 */
export async function readRecordFile(path: string, format: "md" | "json", cache?: RecordCache): Promise<Parsed<RawRecord>> {
  const text = await readTextFile(path);
  if (!text.ok) return text;
  const cached = cache?.get(path, text.value);
  if (cached) return { ok: true, value: cached };
  const parsed = parseRecordText(text.value, format);
  // Kept only when clean: the cache holds values, not the issues that came with them.
  if (parsed.ok && parsed.issues === undefined) cache?.set(path, text.value, parsed.value);
  return parsed;
}

function parseRecordText(text: string, format: "md" | "json"): Parsed<RawRecord> {
  if (format === "md") {
    const parsed = parseFrontMatter(text);
    if (!parsed.ok) return parsed;
    const { data, lines, body, bodyLine } = parsed.value;
    return { ok: true, value: { data, lines, body, bodyLine, bodyKeyLine: undefined }, ...(parsed.issues ? { issues: parsed.issues } : {}) };
  }
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return parsed;
  const { body = "", ...data } = parsed.value.data;
  const bodyKeyLine = parsed.value.lines.get(["body"]);
  if (typeof body !== "string") return fail(`expected a markdown string, found ${describeValue(body)}`, bodyKeyLine, "body");
  return { ok: true, value: { data, lines: parsed.value.lines, body, bodyLine: undefined, bodyKeyLine } };
}

/**
 * Reads a plain JSON settings file (data/site.json, data/metrics/*.json).
 * @example await readJsonFile("/site/data/site.json") // { ok: true, value: { data: { name: "Versus", ... }, lines } }
 */
export async function readJsonFile(path: string): Promise<Parsed<JsonObject>> {
  const text = await readTextFile(path);
  return text.ok ? parseJsonObject(text.value) : text;
}
