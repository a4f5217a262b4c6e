/**
 * The parsed-record cache: a file is parsed again only when its text changes, and a load with
 * the cache reports exactly the problems (files, lines, fields) of a load without it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { serialize } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { loadRoot } from "../../../src/content/load-root.js";
import { formatProblem } from "../../../src/content/problems.js";
import { RecordCache } from "../../../src/content/parse/record-cache.js";
import { readRecordFile } from "../../../src/content/parse/record-file.js";
import { cleanupRoots, makeRoot } from "../helpers.js";

afterAll(cleanupRoots);

const lines = async (root: string, cache?: RecordCache): Promise<string[]> =>
  (await loadRoot(root, cache ? { recordCache: cache } : {})).problems.map(formatProblem);

describe("RecordCache", () => {
  it("returns a record parsed earlier, in a new process's cache too, until the file's text changes", async () => {
    const root = await makeRoot();
    const file = join(root, "content/products/nats.md");
    const store = join(root, ".versus-cache/records.bin");
    const first = RecordCache.open(store, "v1");
    const parsed = await readRecordFile(file, "md", first);
    first.save();

    const again = RecordCache.open(store, "v1");
    const text = readFileSync(file, "utf8");
    const cached = again.get(file, text);
    expect(parsed.ok && cached).toBeTruthy();
    if (!parsed.ok || !cached) return;
    expect(cached.data).toEqual(parsed.value.data);
    expect(cached.body).toBe(parsed.value.body);
    expect(cached.bodyLine).toBe(parsed.value.bodyLine);
    expect(cached.lines.entries()).toEqual(parsed.value.lines.entries());
    expect(cached.lines.lineOf(["tagline"])).toBe(parsed.value.lines.lineOf(["tagline"]));
    // A copy each time: changing what one load got does not change the next.
    (cached.data as { name: string }).name = "Changed";
    expect((again.get(file, text)!.data as { name: string }).name).toBe((parsed.value.data as { name: string }).name);

    expect(again.get(file, text.replace("NATS", "NATS.io"))).toBeUndefined();
  });

  it("starts empty for another version of the code, or when its file is damaged", async () => {
    const root = await makeRoot();
    const file = join(root, "content/products/nats.md");
    const store = join(root, ".versus-cache/records.bin");
    const cache = RecordCache.open(store, "v1");
    await readRecordFile(file, "md", cache);
    cache.save();
    expect(RecordCache.open(store, "v2").get(file, readFileSync(file, "utf8"))).toBeUndefined();
    writeFileSync(store, "not a cache");
    expect(RecordCache.open(store, "v1").get(file, readFileSync(file, "utf8"))).toBeUndefined();
  });

  it("parses a file again when its entry is damaged", async () => {
    const root = await makeRoot();
    const file = join(root, "content/products/nats.md");
    const store = join(root, ".versus-cache/records.bin");
    const text = readFileSync(file, "utf8");
    const hash = createHash("sha256").update(text).digest("base64url");
    mkdirSync(dirname(store), { recursive: true });
    writeFileSync(store, serialize({ version: "v1", entries: [[file, { text: hash, record: Buffer.from("not a record") }]] }));
    const cache = RecordCache.open(store, "v1");
    expect(cache.get(file, text)).toBeUndefined();
    const parsed = await readRecordFile(file, "md", cache);
    expect(parsed.ok).toBe(true);
    expect(cache.get(file, text)?.body).toBe(parsed.ok ? parsed.value.body : "");
  });

  it("keeps what checking a record found, a copy each time, until the file's text changes", async () => {
    const root = await makeRoot();
    const file = join(root, "content/products/nats.md");
    const store = join(root, ".versus-cache/records.bin");
    let checks = 0;
    const check = () => ({ fields: { name: "NATS", run: ++checks }, problems: [] as string[] });
    const first = RecordCache.open(store, "v1");
    await readRecordFile(file, "md", first);
    expect(first.checked(file, check)).toEqual({ fields: { name: "NATS", run: 1 }, problems: [] });
    first.save();

    const again = RecordCache.open(store, "v1");
    await readRecordFile(file, "md", again);
    const got = again.checked(file, check);
    expect(got).toEqual({ fields: { name: "NATS", run: 1 }, problems: [] });
    got.fields.name = "Changed";
    expect(again.checked(file, check).fields.name).toBe("NATS");
    expect(checks).toBe(1);
    again.save();

    writeFileSync(file, readFileSync(file, "utf8").replace("NATS", "NATS.io"));
    const edited = RecordCache.open(store, "v1");
    await readRecordFile(file, "md", edited);
    expect(edited.checked(file, check).fields.run).toBe(2);
  });

  it("checks each time, keeping nothing, a file it did not read in this run", async () => {
    const root = await makeRoot();
    const file = join(root, "content/products/nats.md");
    const cache = RecordCache.open(join(root, ".versus-cache/records.bin"), "v1");
    let checks = 0;
    cache.checked(file, () => ++checks);
    cache.checked(file, () => ++checks);
    expect(checks).toBe(2);
  });

  it("keeps only the files read since it was opened", async () => {
    const root = await makeRoot();
    const store = join(root, ".versus-cache/records.bin");
    const nats = join(root, "content/products/nats.md");
    const kafka = join(root, "content/products/apache-kafka.md");
    const cache = RecordCache.open(store, "v1");
    await readRecordFile(nats, "md", cache);
    await readRecordFile(kafka, "md", cache);
    cache.save();
    const next = RecordCache.open(store, "v1");
    await readRecordFile(nats, "md", next);
    next.save();
    const last = RecordCache.open(store, "v1");
    expect(last.get(nats, readFileSync(nats, "utf8"))).toBeDefined();
    expect(last.get(kafka, readFileSync(kafka, "utf8"))).toBeUndefined();
  });
});

describe("loadRoot with a record cache", () => {
  it("reports the same problem lines as without it, on the first load and from the cache it saved", async () => {
    const root = await makeRoot({ base: "out-of-range" });
    const expected = await lines(root);
    expect(expected.length).toBeGreaterThan(0);
    const store = join(root, ".versus-cache/records.bin");
    expect(await lines(root, RecordCache.open(store, "v1"))).toEqual(expected);
    expect(existsSync(store)).toBe(true);
    expect(await lines(root, RecordCache.open(store, "v1"))).toEqual(expected);
  });

  it("sees an edit: the edited file is parsed again", async () => {
    const root = await makeRoot();
    const store = join(root, ".versus-cache/records.bin");
    expect(await lines(root, RecordCache.open(store, "v1"))).toEqual([]);
    const file = join(root, "content/products/nats.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^tagline: .*$/m, "tagline: 42"));
    const problems = await lines(root, RecordCache.open(store, "v1"));
    expect(problems).toEqual(await lines(root));
    expect(problems.some((l) => l.startsWith("content/products/nats.md:") && l.includes("tagline"))).toBe(true);
  });
});
