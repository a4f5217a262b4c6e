/**
 * Search on the built example site finds pages by what they are about. Product and curated
 * comparison pages list alternatives and head-to-heads, which repeat other products' names:
 * indexed, a search for one product listed most of its sector. Those lists stay out of the index.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { builtSiteDir } from "../helpers/built-site.js";
import { pagefindInNode, resultUrls, type PagefindInNode } from "../helpers/pagefind-node.js";

let pf: PagefindInNode;

beforeAll(async () => {
  const dir = await builtSiteDir();
  pf = await pagefindInNode(join(dir, "pagefind/pagefind.js"), (sitePath) => {
    try {
      return readFileSync(join(dir, sitePath));
    } catch {
      return undefined;
    }
  });
});

afterAll(async () => {
  await pf?.destroy?.();
  vi.unstubAllGlobals();
});

describe("search relevance", () => {
  it("a product's name finds its own page first, and no page that only lists it", async () => {
    const urls = await resultUrls(pf, "Redpanda");
    expect(urls[0]).toBe("/products/redpanda/");
    // Its sector and the matrix it is a column of are about it; other products' pages are not.
    expect(urls.filter((u) => u.startsWith("/products/") || u.startsWith("/compare/"))).toEqual(["/products/redpanda/"]);
  });

  it("either product's name finds the curated comparison; the spark marker does not match \"Spark\"", async () => {
    const urls = await resultUrls(pf, "Spark");
    expect(urls).toContain("/products/apache-spark/");
    expect(urls).toContain("/compare/apache-kafka-vs-apache-spark/");
    // Redpanda's page says "editorial spark" beside its sparked entries and names Spark nowhere else.
    expect(urls).not.toContain("/products/redpanda/");
  });

  it("indexes a product page's own text, not its charts, figures or lists of other products", async () => {
    const found = await pf.search("Redpanda");
    const page = await found.results[0]!.data();
    expect(page.url).toBe("/products/redpanda/");
    expect(page.content).toContain("Benthos"); // a timeline entry
    expect(page.content).toContain("Kafka-compatible"); // the tagline
    for (const left of ["Compare Redpanda with", "Alternatives to Redpanda", "Entries per month", "editorial spark", "Sparks · 30d"]) {
      expect(page.content, left).not.toContain(left);
    }
  });
});
