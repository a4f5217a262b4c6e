/**
 * pageJobsWithDigests: a page's digest changes exactly when something the page shows changes.
 * (The incremental build tests check the same end to end, on the bytes the pages get.)
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { linksText, pageJobsWithDigests } from "../../src/build/page-digests.js";
import { loadRoot } from "../../src/content/load-root.js";
import { buildSiteModel } from "../../src/site/site-model.js";
import { cleanupRoots, type Files } from "../content/helpers.js";
import { AS_OF_MS, smallRoot } from "./build-helpers.js";

afterAll(cleanupRoots);

const SMALL = new URL("../fixtures/sites/small/", import.meta.url);
const fixture = (file: string): string => readFileSync(new URL(file, SMALL), "utf8");
const ASSETS = { css: "/site.css", js: "/site.js", search: "/search.js", icon: "/icon.svg" };

/** File → digest of every per-product and per-pair page of the small site, with `files` changed. */
async function digests(files: Files = {}, asOfMs = AS_OF_MS): Promise<Map<string, string>> {
  return new Map((await jobs(files, asOfMs)).map(({ job, digest }) => [job.file, digest]));
}

async function jobs(files: Files = {}, asOfMs = AS_OF_MS) {
  const loaded = await loadRoot(await smallRoot(files));
  expect(loaded.content).toBeDefined();
  const model = buildSiteModel(loaded.content!, { asOfMs, assets: ASSETS, search: false });
  return pageJobsWithDigests(model, "fingerprint");
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([file, d]) => before.get(file) !== d).map(([file]) => file).sort();
}

describe("pageJobsWithDigests", () => {
  it("changes, for an edit of a product's body, the digests of that product's pages and pairs and no other", async () => {
    const before = await digests();
    const after = await digests({ "content/products/nats.md": fixture("content/products/nats.md").replace("Popular at the edge.", "Popular at the edge and in cars.") });
    expect(changed(before, after)).toEqual([
      "alternatives/nats/index.html",
      "compare/apache-kafka-vs-nats/index.html",
      "compare/nats-vs-redpanda/index.html",
      "products/nats/index.html",
    ]);
  });

  it("changes a curated pair's digest with its comparison, and no plain pair's", async () => {
    const before = await digests();
    const comparison = "content/comparisons/apache-kafka-vs-postgres.md";
    const after = await digests({ [comparison]: fixture(comparison).replace("It works up to a point.", "It works for a while.") });
    expect(changed(before, after).filter((f) => f.startsWith("compare/"))).toEqual(["compare/apache-kafka-vs-postgres/index.html"]);
  });

  // Regression: the as-of time was hashed into every page's digest, so a build run a minute
  // after the last one, without SOURCE_DATE_EPOCH, rendered every page again.
  it("keeps every digest for a later as-of time when no value a page shows changes", async () => {
    const before = await digests();
    expect(changed(before, await digests({}, AS_OF_MS + 60_000))).toEqual([]);
  });

  it("changes the digests of the pages whose shown values follow a later as-of time", async () => {
    const before = await digests();
    // Ten days on, relative times and velocities have moved on every product.
    const later = changed(before, await digests({}, AS_OF_MS + 10 * 86_400_000));
    expect(later).toEqual(expect.arrayContaining(["products/nats/index.html", "compare/apache-kafka-vs-nats/index.html"]));
  });

  it("changes, when a product is renamed, the product pages that link to it and not those of another sector", async () => {
    const before = await digests();
    const after = await digests({ "content/products/nats.md": fixture("content/products/nats.md").replace("name: NATS", "name: NATS Server") });
    const productPages = changed(before, after).filter((f) => f.startsWith("products/"));
    expect(productPages).toEqual(["products/apache-kafka/index.html", "products/nats/index.html", "products/redpanda/index.html"]);
  });

  it("tells a ranked product's name and tagline apart, whatever characters they hold", async () => {
    // Joined with U+0001, these two records once gave their sector's ranking the same digest,
    // and the pair pages that list NATS among the alternatives kept their old cards. Content
    // may no longer hold U+0001; a tab, which it may, stands in for any separator.
    const nats = fixture("content/products/nats.md");
    const tagline = "tagline: Lightweight messaging with optional persistence.";
    const one = await digests({ "content/products/nats.md": nats.replace("name: NATS", 'name: "NATS\\t"') });
    const two = await digests({ "content/products/nats.md": nats.replace(tagline, 'tagline: "\\tLightweight messaging with optional persistence."') });
    expect(one.get("compare/apache-kafka-vs-redpanda/index.html")).not.toBe(two.get("compare/apache-kafka-vs-redpanda/index.html"));
  });

  // Regression: with products a, m and k-vs-a, compare/m-vs-k-vs-a/ is the reverse of the pair
  // (k-vs-a, m); once k-vs-a is renamed m-vs-k, the same file is the reverse of (a, m-vs-k). Its
  // digest stayed the same, and an incremental build kept it pointing at a page it had removed.
  it("gives a reverse-order page a digest of its target when a slug holds -vs-", async () => {
    const nats = fixture("content/products/nats.md");
    const named = (slugs: string[]) => Object.fromEntries(slugs.map((slug) => [`content/products/${slug}.md`, nats.replace("name: NATS", `name: "${slug}"`)]));
    const before = await jobs(named(["a", "m", "k-vs-a"]));
    const after = await jobs(named(["a", "m", "m-vs-k"]));
    const reverse = (all: typeof before) => all.find(({ job }) => job.file === "compare/m-vs-k-vs-a/index.html")!;
    expect([reverse(before).job, reverse(after).job].map((j) => j.kind === "redirect" && j.to)).toEqual(["/compare/k-vs-a-vs-m/", "/compare/a-vs-m-vs-k/"]);
    expect(reverse(before).digest).not.toBe(reverse(after).digest);
  });

  it("changes every pair's digest with the site's settings", async () => {
    const before = await jobs();
    const site = JSON.parse(fixture("data/site.json")) as Record<string, unknown>;
    const after = await digests({ "data/site.json": JSON.stringify({ ...site, description: "Another description." }) });
    const pairs = before.filter(({ job }) => job.kind === "pair");
    expect(pairs.map(({ job }) => job.file)).toContain("compare/apache-kafka-vs-postgres/index.html");
    expect(pairs.filter(({ job, digest }) => after.get(job.file) === digest)).toEqual([]);
  });
});

describe("linksText", () => {
  it("writes each link's name and URL, in order, each after its length", () => {
    expect(linksText([])).toBe("");
    expect(
      linksText([
        { name: "vs NATS", url: "/compare/apache-kafka-vs-nats/" },
        { name: "vs Redpanda", url: "/compare/apache-kafka-vs-redpanda/" },
      ]),
    ).toBe("7:vs NATS30:/compare/apache-kafka-vs-nats/11:vs Redpanda34:/compare/apache-kafka-vs-redpanda/");
  });

  it("gives different lists different texts, whatever characters their names hold", () => {
    const link = fc.record({ name: fc.string({ unit: "binary" }), url: fc.string({ unit: "binary" }) });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 4 }), fc.array(link, { maxLength: 4 }), (x, y) => {
        fc.pre(JSON.stringify(x) !== JSON.stringify(y));
        expect(linksText(x)).not.toBe(linksText(y));
      }),
    );
    expect(linksText([{ name: "a", url: "b" }])).not.toBe(linksText([{ name: "ab", url: "" }]));
    // Separators alone would not do: a name may hold them.
    const split = [{ name: "a", url: "b" }, { name: "c", url: "d" }];
    expect(linksText([{ name: "a\u0001b\u0002c", url: "d" }])).not.toBe(linksText(split));
  });
});
