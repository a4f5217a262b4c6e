/** The renderer's pages of a site, in the order builds hand them out. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildAssets } from "../../src/build/assets.js";
import { loadRoot } from "../../src/content/load-root.js";
import { mostPageJobs, pageJobs, samePageJobs } from "../../src/render/page-jobs.js";
import { buildSiteModel, type SiteModel } from "../../src/site/site-model.js";
import type { Content } from "../../src/content/types.js";
import { REPO_ROOT } from "../helpers/built-site.js";
import { AS_OF_MS } from "../build/build-helpers.js";

describe("pageJobs", () => {
  it("lists each product's two pages, then each pair with its reverse-order redirect, then the alias redirects", async () => {
    const loaded = await loadRoot(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"));
    const model = buildSiteModel(loaded.content!, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: false });
    const listed = pageJobs(model).map((job) => `${job.kind} ${job.file}${job.kind === "redirect" ? ` -> ${job.to}` : ""}`);
    expect(listed).toEqual([
      "product products/apache-kafka/index.html",
      "alternatives alternatives/apache-kafka/index.html",
      "product products/nats/index.html",
      "alternatives alternatives/nats/index.html",
      "product products/redpanda/index.html",
      "alternatives alternatives/redpanda/index.html",
      "pair compare/apache-kafka-vs-nats/index.html",
      "redirect compare/nats-vs-apache-kafka/index.html -> /compare/apache-kafka-vs-nats/",
      "pair compare/apache-kafka-vs-redpanda/index.html",
      "redirect compare/redpanda-vs-apache-kafka/index.html -> /compare/apache-kafka-vs-redpanda/",
      "pair compare/nats-vs-redpanda/index.html",
      "redirect compare/redpanda-vs-nats/index.html -> /compare/nats-vs-redpanda/",
      "redirect products/kafka/index.html -> /products/apache-kafka/",
      "redirect alternatives/kafka/index.html -> /alternatives/apache-kafka/",
      "redirect compare/kafka-vs-nats/index.html -> /compare/apache-kafka-vs-nats/",
      "redirect compare/nats-vs-kafka/index.html -> /compare/apache-kafka-vs-nats/",
      "redirect compare/kafka-vs-redpanda/index.html -> /compare/apache-kafka-vs-redpanda/",
      "redirect compare/redpanda-vs-kafka/index.html -> /compare/apache-kafka-vs-redpanda/",
    ]);
  });

  it("are as many as mostPageJobs says for a site whose every pair has a page, once alias redirects are left out", async () => {
    const loaded = await loadRoot(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"));
    const model = buildSiteModel(loaded.content!, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: false });
    expect(model.pairs).toHaveLength(3);
    expect(pageJobs(model).length - model.pages.aliasRedirects.length).toBe(mostPageJobs(3));
    expect(mostPageJobs(150)).toBe(22_650);
  });
});

describe("samePageJobs", () => {
  const modelOf = (content: Content): SiteModel => buildSiteModel(content, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: false });
  const editProduct = (content: Content, slug: string, edit: object): Content => ({ ...content, products: content.products.map((p) => (p.slug === slug ? { ...p, ...edit } : p)) });

  it("holds across an edit of a product's text, and the jobs are then the same", async () => {
    const content = (await loadRoot(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"))).content!;
    const before = modelOf(content);
    const after = modelOf(editProduct(content, "nats", { tagline: "Edited a moment ago", name: "NATS.io" }));
    expect(samePageJobs(before, after)).toBe(true);
    expect(pageJobs(after)).toEqual(pageJobs(before));
  });

  // Each case changes one of the inputs from a site without aliases, so each check is needed.
  it("fails when a product goes, the pairs change, an alias comes or the reverse-order pages are turned off", async () => {
    const content = (await loadRoot(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"))).content!;
    const plain: Content = { ...content, products: content.products.map((p) => ({ ...p, aliases: [] })) };
    const curatedOnly: Content = { ...plain, site: { ...plain.site, pairs: "curated" } };
    const cases: [string, Content, Content][] = [
      ["a product goes (no pairs either way)", curatedOnly, { ...curatedOnly, products: curatedOnly.products.filter((p) => p.slug !== "redpanda") }],
      ["the pairs change", plain, curatedOnly],
      ["an alias comes", plain, editProduct(plain, "nats", { aliases: ["nats-io"] })],
      ["reverse-order pages are turned off", plain, { ...plain, site: { ...plain.site, reverse_pair_pages: false } }],
    ];
    for (const [name, from, to] of cases) {
      const before = modelOf(from);
      const after = modelOf(to);
      expect(pageJobs(after), name).not.toEqual(pageJobs(before));
      expect(samePageJobs(before, after), name).toBe(false);
    }
  });
});
