import { afterAll, describe, expect, it, vi } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildSearchIndex, type SearchFile, type SearchPage } from "../../src/search/search-index.js";
import { pagefindInNode } from "../helpers/pagefind-node.js";

const page = (title: string, text: string, lang = "en") =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><nav>Home Sectors</nav>` +
  `<main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

const PAGES = [
  { url: "/products/redpanda/", html: page("Redpanda", "Kafka-compatible streaming with zirconium durability and no JVM.") },
  { url: "/products/apache-kafka/", html: page("Apache Kafka", "The distributed commit log that started it all.") },
  { url: "/compare/apache-kafka-vs-redpanda/", html: page("Apache Kafka vs Redpanda", "Two brokers compared by release velocity.") },
  { url: "/products/nats/", html: page("NATS", "Lightweight messaging; this page declares no language.", "") },
];

/** Names of this process's child processes that look like the Pagefind binary. */
function pagefindChildren(): string[] {
  return execFileSync("ps", ["-A", "-o", "ppid=,comm="], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([ppid, comm]) => Number(ppid) === process.pid && /pagefind/.test(comm ?? ""))
    .map(([, comm]) => comm!);
}

const temps: string[] = [];
afterAll(async () => {
  vi.unstubAllGlobals();
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

const sameFiles = (a: SearchFile[], b: SearchFile[]) => {
  expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
  a.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(b[i]!.bytes)), f.path).toBe(true));
};

describe("buildSearchIndex", () => {
  let first: SearchFile[];

  it("returns the Pagefind bundle under pagefind/, sorted by path", async () => {
    first = await buildSearchIndex(PAGES);
    const paths = first.map((f) => f.path);
    expect(paths).toContain("pagefind/pagefind.js");
    expect(paths).toContain("pagefind/pagefind-entry.json");
    expect(paths.some((p) => /^pagefind\/index\/en_[0-9a-f]+\.pf_index$/.test(p))).toBe(true);
    expect(paths.filter((p) => p.startsWith("pagefind/fragment/"))).toHaveLength(PAGES.length);
    expect(paths).toEqual([...paths].sort());
    // Pagefind's own interfaces are left out: no page loads them (the search page has its own).
    expect(paths.filter((p) => /ui\.(js|css)$|highlight/.test(p))).toEqual([]);
    const named = paths.filter((p) => !/^pagefind\/(fragment|index)\//.test(p)).map((p) => p.replace(/_[0-9a-f]{10}\./, "_<hash>."));
    expect(named).toEqual([
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind-worker.js",
      "pagefind/pagefind.en_<hash>.pf_meta",
      "pagefind/pagefind.js",
      "pagefind/wasm.en.pagefind",
      "pagefind/wasm.unknown.pagefind",
    ]);
    // One forced language: the page without lang is in the English index, not an "unknown" one.
    const entry = JSON.parse(Buffer.from(first.find((f) => f.path === "pagefind/pagefind-entry.json")!.bytes).toString("utf8"));
    expect(Object.keys(entry.languages)).toEqual(["en"]);
    expect(entry.languages.en.page_count).toBe(PAGES.length);
  });

  it("is byte-identical across runs, whatever order the pages come in", async () => {
    const again = await buildSearchIndex([...PAGES].reverse());
    sameFiles(first, again);
  });

  it("finds a page's text with pagefind.js itself, run in Node", async () => {
    const root = await mkdtemp(join(tmpdir(), "versus-search-"));
    temps.push(root);
    for (const f of first) {
      await mkdir(dirname(join(root, f.path)), { recursive: true });
      await writeFile(join(root, f.path), f.bytes);
    }
    // pagefind.js fetches its index relative to basePath; serve the in-memory files instead.
    const byPath = new Map(first.map((f) => [`/${f.path}`, f.bytes]));
    const pf = await pagefindInNode(join(root, "pagefind/pagefind.js"), (p) => byPath.get(p));
    const found = await pf.search("zirconium");
    expect(found.results).toHaveLength(1);
    const data = await found.results[0]!.data();
    expect(data.url).toBe("/products/redpanda/");
    expect(data.meta.title).toBe("Redpanda");
    expect(data.excerpt).toContain("<mark>zirconium</mark>");
    const nats = await pf.search("lightweight");
    expect((await nats.results[0]!.data()).url).toBe("/products/nats/");
    // Outside data-pagefind-body: not indexed.
    expect((await pf.search("sectors")).results).toHaveLength(0);
    await pf.destroy?.();
  });

  it("takes a page as a function that renders it: called once per page, in URL order, same bytes", async () => {
    const calls: string[] = [];
    const lazy = [...PAGES].reverse().map((p) => ({ url: p.url, html: () => (calls.push(p.url), p.html as string) }));
    sameFiles(first, await buildSearchIndex(lazy));
    expect(calls).toEqual(PAGES.map((p) => p.url).sort());
  });

  it("rejects with the error of a page that fails to render, and stops Pagefind", async () => {
    const failing = { url: "/products/zz-broken/", html: () => { throw new Error("template error in product.njk"); } };
    await expect(buildSearchIndex([...PAGES, failing])).rejects.toThrow("template error in product.njk");
    for (let i = 0; i < 40 && pagefindChildren().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(pagefindChildren()).toEqual([]);
  });

  it("indexes the first pages while the later ones are not ready, then adds those", async () => {
    const calls: string[] = [];
    const lazy = (p: (typeof PAGES)[number]) => ({ url: p.url, html: () => (calls.push(p.url), p.html as string) });
    let handOver!: (pages: SearchPage[]) => void;
    const later = new Promise<SearchPage[]>((resolve) => (handOver = resolve));
    const building = buildSearchIndex(PAGES.slice(0, 2).map(lazy), {}, later);
    for (let i = 0; i < 200 && calls.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(PAGES.slice(0, 2).map((p) => p.url).sort());
    handOver(PAGES.slice(2).map(lazy));
    const files = await building;
    expect(calls).toEqual([...PAGES.slice(0, 2).map((p) => p.url).sort(), ...PAGES.slice(2).map((p) => p.url).sort()]);
    const entry = JSON.parse(Buffer.from(files.find((f) => f.path === "pagefind/pagefind-entry.json")!.bytes).toString("utf8"));
    expect(entry.languages.en.page_count).toBe(PAGES.length);
    // The same groups give the same bytes.
    sameFiles(files, await buildSearchIndex(PAGES.slice(0, 2), {}, Promise.resolve(PAGES.slice(2))));
  });

  it("stops at the next page when the later pages are rejected (the build failed), and stops Pagefind", async () => {
    const calls: string[] = [];
    const many = Array.from({ length: 200 }, (_, i) => ({ url: `/products/p${String(i).padStart(3, "0")}/`, html: () => (calls.push(String(i)), PAGES[0]!.html as string) }));
    let stop!: (error: Error) => void;
    const later = new Promise<SearchPage[]>((_, reject) => (stop = reject));
    const building = buildSearchIndex(many, {}, later);
    for (let i = 0; i < 200 && calls.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    stop(new Error("the build stopped"));
    await expect(building).rejects.toThrow("the build stopped");
    expect(calls.length).toBeLessThan(many.length);
    for (let i = 0; i < 40 && pagefindChildren().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(pagefindChildren()).toEqual([]);
  });

  it("rejects a later page whose URL an earlier page has", async () => {
    await expect(buildSearchIndex(PAGES.slice(0, 2), {}, Promise.resolve([{ ...PAGES[0]! }]))).rejects.toThrow(/two pages have the URL \/products\/redpanda\//);
  });

  it("rejects two pages with one URL", async () => {
    await expect(buildSearchIndex([PAGES[0]!, { ...PAGES[0]! }])).rejects.toThrow(/two pages have the URL \/products\/redpanda\//);
  });

  it.skipIf(process.platform === "win32")("leaves no Pagefind process running", async () => {
    await buildSearchIndex(PAGES.slice(0, 1));
    // The backend gets SIGTERM on close; give it a moment to exit before looking.
    for (let i = 0; i < 40 && pagefindChildren().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(pagefindChildren()).toEqual([]);
  });
});
