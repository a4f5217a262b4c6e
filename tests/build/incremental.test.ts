/**
 * Incremental builds into an existing output: a file is rewritten (new mtime) exactly when its
 * bytes change, and a deleted product takes its pages, its pair pages and their redirects with it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupRoots, writeFiles } from "../content/helpers.js";
import {
  build, changedBytes, changedMtimes, cleanupTemps, diffTrees, parseSummary, smallRoot, snapshot, SOURCE_DATE_EPOCH, tempDir, type FileState,
} from "./build-helpers.js";

let root: string;
let output: string;
let initial: Map<string, FileState>;
let afterEdit: Map<string, FileState>;

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Pair pages and reverse-order redirects of the small root (sector pairs plus one curated). */
const PAIRS = ["apache-kafka-vs-nats", "apache-kafka-vs-postgres", "apache-kafka-vs-redpanda", "duckdb-vs-postgres", "nats-vs-redpanda"];
const page = (slug: string): string => `compare/${slug}/index.html`;
const reverse = (slug: string): string => {
  const [a, b] = slug.split("-vs-") as [string, string];
  return page(`${b}-vs-${a}`);
};

beforeAll(async () => {
  root = await smallRoot();
  output = join(await tempDir(), "site");
  await build(root, output);
  initial = snapshot(output);
  for (const slug of PAIRS) {
    expect(initial.has(page(slug))).toBe(true);
    expect(initial.has(reverse(slug))).toBe(true);
  }
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

describe("editing one product's body", () => {
  it("rewrites exactly the files whose bytes change: its page and its pair pages, not other pairs", async () => {
    await pause(20);
    const file = join(root, "content/products/nats.md");
    const before = readFileSync(file, "utf8");
    writeFileSync(file, before.replace("More adoption in IoT.", "More adoption in IoT, and a managed cloud by 2027."));
    const result = await build(root, output);
    afterEdit = snapshot(output);

    const bytes = changedBytes(initial, afterEdit);
    const mtimes = changedMtimes(initial, afterEdit);
    expect(mtimes).toEqual(bytes);
    expect(bytes).toEqual(expect.arrayContaining(["products/nats/index.html", page("apache-kafka-vs-nats"), page("nats-vs-redpanda")]));
    for (const slug of ["apache-kafka-vs-redpanda", "apache-kafka-vs-postgres", "duckdb-vs-postgres"]) expect(bytes).not.toContain(page(slug));
    for (const slug of PAIRS) expect(bytes).not.toContain(reverse(slug));
    // Nothing appeared or disappeared but the search index's content-named chunks.
    const notSearch = (m: Map<string, FileState>): string[] => [...m.keys()].filter((f) => !f.startsWith("pagefind/"));
    expect(notSearch(afterEdit)).toEqual(notSearch(initial));
    const summary = parseSummary(result.stdout);
    const removedPaths = [...initial.keys()].filter((f) => !afterEdit.has(f));
    expect(summary).toMatchObject({ written: bytes.length - removedPaths.length, removed: removedPaths.length, files: afterEdit.size });
    // Rendered: its page, its alternatives page (which did not change) and its two pair pages;
    // not Eleventy's pages (home, sectors, …), which do not show a product's body.
    expect(summary.rendered).toBe(4);
    expect(afterEdit.get("products/nats/index.html")!.bytes.toString()).toContain("a managed cloud by 2027");
  });

  it("a rebuild with no change writes nothing", async () => {
    await pause(20);
    const result = await build(root, output);
    const now = snapshot(output);
    expect(changedMtimes(afterEdit, now)).toEqual([]);
    expect(changedBytes(afterEdit, now)).toEqual([]);
    expect(parseSummary(result.stdout)).toMatchObject({ rendered: 0, written: 0, removed: 0 });
  });

  // Regression: the as-of time was hashed into every page's digest, so a build without
  // SOURCE_DATE_EPOCH rendered every page again, however little time had passed. (Ten seconds:
  // the methodology page shows weights to three decimals, which move within a minute or two.)
  it("a rebuild seconds later renders nothing and rewrites only the data file stamped with its time", async () => {
    await pause(20);
    const result = await build(root, output, [], { env: { SOURCE_DATE_EPOCH: String(Number(SOURCE_DATE_EPOCH) + 10) } });
    const now = snapshot(output);
    expect(changedBytes(afterEdit, now)).toEqual(["api/products.json"]);
    expect(changedMtimes(afterEdit, now)).toEqual(["api/products.json"]);
    expect(parseSummary(result.stdout)).toMatchObject({ rendered: 0, written: 1, removed: 0 });
    afterEdit = now;
  });

  it("a new tagline re-renders Eleventy's pages, and rewrites those that show it", async () => {
    await pause(20);
    const file = join(root, "content/products/nats.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^tagline: .*$/m, "tagline: Messaging for edge and cloud, in one small binary."));
    const result = await build(root, output);
    const now = snapshot(output);
    const bytes = changedBytes(afterEdit, now);
    expect(changedMtimes(afterEdit, now)).toEqual(bytes);
    expect(bytes).toContain("sectors/streaming/index.html");
    expect(now.get("sectors/streaming/index.html")!.bytes.toString()).toContain("Messaging for edge and cloud, in one small binary.");
    expect(bytes).not.toContain("methodology/index.html");
    expect(parseSummary(result.stdout).rendered).toBeGreaterThan(4);
    afterEdit = now;
  });
});

describe("deleting a product", () => {
  it("removes its page, alternatives page, pair pages and their redirects, and touches nothing whose bytes stay the same", async () => {
    await pause(20);
    await writeFiles(root, {
      "content/products/nats.md": null,
      // The matrix named NATS as a column: it must go from the matrix too.
      "content/matrices/streaming-brokers.md": [
        "---",
        "title: Streaming brokers",
        "description: Which broker fits which job.",
        "columns: [apache-kafka, redpanda]",
        "highlight: redpanda",
        "sections:",
        "  - title: Operations",
        "    rows:",
        "      - feature: Single binary",
        "        cells:",
        '          apache-kafka: "No"',
        '          redpanda: { text: "Yes", badge: success, strong: true }',
        "---",
        "Checked May 2026.",
        "",
      ].join("\n"),
    });
    const result = await build(root, output);
    const after = snapshot(output);

    const gone = [
      "products/nats/index.html",
      "alternatives/nats/index.html",
      page("apache-kafka-vs-nats"),
      page("nats-vs-redpanda"),
      reverse("apache-kafka-vs-nats"),
      reverse("nats-vs-redpanda"),
      "og/products/nats.png",
    ];
    for (const f of gone) expect(after.has(f), f).toBe(false);
    // Their folders are gone too, not left empty.
    for (const dir of ["products/nats", "alternatives/nats", "compare/apache-kafka-vs-nats", "compare/nats-vs-apache-kafka", "compare/nats-vs-redpanda", "compare/redpanda-vs-nats"]) {
      expect(existsSync(join(output, dir)), dir).toBe(false);
    }
    const removed = [...afterEdit.keys()].filter((f) => !after.has(f));
    expect(removed).toEqual(expect.arrayContaining(gone));
    expect(removed.every((f) => f.includes("nats") || f.startsWith("pagefind/"))).toBe(true);
    expect([...after.keys()].filter((f) => !afterEdit.has(f)).every((f) => f.startsWith("pagefind/"))).toBe(true);

    // Of the files that stayed, exactly those whose bytes changed were rewritten.
    const kept = new Map([...afterEdit].filter(([f]) => after.has(f)));
    const keptAfter = new Map([...after].filter(([f]) => afterEdit.has(f)));
    const rewrittenSameBytes = changedMtimes(kept, keptAfter).filter((f) => !changedBytes(kept, keptAfter).includes(f));
    expect(rewrittenSameBytes).toEqual([]);
    expect(changedMtimes(kept, keptAfter)).toEqual(changedBytes(kept, keptAfter));
    // The databases pair shows nothing of NATS: it must be untouched.
    expect(changedBytes(kept, keptAfter)).not.toContain(page("duckdb-vs-postgres"));
    expect(parseSummary(result.stdout).removed).toBe(removed.length);
  });

  it("the incremental result equals a fresh build of the same root", async () => {
    const fresh = join(await tempDir(), "fresh");
    await build(root, fresh);
    expect(diffTrees(output, fresh)).toEqual({ onlyA: [], onlyB: [], differ: [] });
  });
});

// Regression: a page of Eleventy's deleted from the output was noticed and rendered again, then
// dropped as unchanged (its digest matched the manifest), so it stayed missing and every later
// build ran Eleventy again.
describe("a file deleted from the output by hand", () => {
  it("is written again, once, whether Eleventy's page or a site file", async () => {
    const out = join(await tempDir(), "site");
    await build(root, out);
    const before = snapshot(out);
    for (const file of ["index.html", "sectors/streaming/index.html", "feed.xml"]) rmSync(join(out, file));

    const restored = parseSummary((await build(root, out)).stdout);
    expect(restored).toMatchObject({ written: 3, removed: 0 });
    for (const file of ["index.html", "sectors/streaming/index.html", "feed.xml"]) expect(readFileSync(join(out, file)).equals(before.get(file)!.bytes), file).toBe(true);
    expect(parseSummary((await build(root, out)).stdout)).toMatchObject({ rendered: 0, written: 0 });
  });
});
