/** buildSiteModel: given the product views of an earlier model, as the dev server builds one per save; the home page's sector cards; meta descriptions; a site under a path. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../src/build/assets.js";
import { loadRoot } from "../../src/content/load-root.js";
import type { Content } from "../../src/content/types.js";
import { buildSiteModel } from "../../src/site/site-model.js";
import type { ProductView } from "../../src/site/types.js";
import { REPO_ROOT } from "../helpers/built-site.js";
import { AS_OF_MS } from "../build/build-helpers.js";

let content: Content;
let saved: Content;
const modelOf = (c: Content, productViews?: Map<string, ProductView>) =>
  buildSiteModel(c, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: false, ...(productViews ? { productViews } : {}) });

beforeAll(async () => {
  content = (await loadRoot(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"))).content!;
  saved = { ...content, products: content.products.map((p) => (p.slug === "nats" ? { ...p, tagline: "Saved a moment ago" } : p)) };
});

describe("buildSiteModel with earlier product views", () => {
  it("keeps the view of each unchanged product and computes the changed one again", () => {
    const views = new Map<string, ProductView>();
    const first = modelOf(content, views);
    const second = modelOf(saved, views);
    expect(second.pairContext.products["apache-kafka"]).toBe(first.pairContext.products["apache-kafka"]);
    expect(second.pairContext.products["redpanda"]).toBe(first.pairContext.products["redpanda"]);
    expect(second.pairContext.products["nats"]).not.toBe(first.pairContext.products["nats"]);
    expect(second.pairContext.products["nats"]!.tagline).toBe("Saved a moment ago");
    // Only the latest model's views are kept.
    expect([...views.values()]).toEqual(expect.arrayContaining(Object.values(second.pairContext.products)));
    expect(views.size).toBe(3);
  });

  it("builds the same model as without them", () => {
    const views = new Map<string, ProductView>();
    modelOf(content, views);
    expect(modelOf(saved, views)).toEqual(modelOf(saved));
  });

  it("computes a view again when the as-of time changes", () => {
    const views = new Map<string, ProductView>();
    const first = modelOf(content, views);
    const later = buildSiteModel(content, { asOfMs: AS_OF_MS + 86_400_000, assets: buildAssets().paths, search: false, productViews: views });
    expect(later.pairContext.products["nats"]).not.toBe(first.pairContext.products["nats"]);
  });
});

describe("the home page's sector cards", () => {
  it("show a sector's description as its sector page does, inline markdown rendered", () => {
    const sectors = content.sectors.map((s) => (s.slug === "streaming" ? { ...s, description: "Brokers that move **events** in [real time](https://example.com/)." } : s));
    const model = modelOf({ ...content, sectors });
    const card = model.pages.home.sectors.find((s) => s.slug === "streaming")!;
    expect(card.descriptionHtml).toBe('Brokers that move <strong>events</strong> in <a href="https://example.com/" rel="noopener">real time</a>.');
    expect(model.pages.sectorPages.find((s) => s.slug === "streaming")!.descriptionHtml).toBe(card.descriptionHtml);
  });
});

describe("meta descriptions", () => {
  const product = (model: ReturnType<typeof modelOf>, slug: string) => model.pairContext.productPages[slug]!.meta.description;
  const alternatives = (model: ReturnType<typeof modelOf>, slug: string) => model.pairContext.alternativesPages[slug]!.meta.description;

  it("count a product's timeline entries in words that fit the number", () => {
    const one = { ...content, products: content.products.map((p) => (p.slug === "apache-kafka" ? { ...p, timeline: p.timeline.slice(0, 1) } : p)) };
    expect(product(modelOf(one), "apache-kafka")).toMatch(/ Velocity \d\.\d, 1 tracked release or announcement\.$/);
    expect(product(modelOf(content), "apache-kafka")).toMatch(/ Velocity \d\.\d, 2 tracked releases and announcements\.$/);
    expect(product(modelOf(content), "nats")).toBe("Lightweight messaging with optional persistence. Velocity 0.0, 0 tracked releases and announcements.");
  });

  it("word an alternatives page for how many alternatives it lists", () => {
    expect(alternatives(modelOf(content), "nats")).toBe("The 2 most active alternatives to NATS in Streaming, ranked by release velocity.");
    const two = { ...content, products: content.products.filter((p) => p.slug !== "redpanda") };
    expect(alternatives(modelOf(two), "nats")).toBe("The most active alternative to NATS in Streaming, ranked by release velocity.");
    const alone = { ...content, products: content.products.filter((p) => p.slug === "nats") };
    expect(alternatives(modelOf(alone), "nats")).toBe("No other Streaming products are tracked yet to compare with NATS.");
  });
});

describe("buildSiteModel for a site served under a path", () => {
  const underPath = (): Content => ({ ...content, site: { ...content.site, url: "https://user.github.io/repo/" } });
  const options = { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: false };

  it("gives pages the path to link under, and keeps the whole url for absolute addresses", () => {
    const model = buildSiteModel(underPath(), options);
    expect(model.site.basePath).toBe("/repo");
    expect(model.site.url).toBe("https://user.github.io/repo");
    expect(model.pairContext.site.basePath).toBe("/repo");
  });

  // Regression: "https://bücher.example/ü/" went raw into the sitemap, robots.txt and canonical
  // links, which must be ASCII, while page links were already percent-encoded.
  it("writes the url as browsers do: punycode host, percent-encoded path, both in absolute addresses and the base path", () => {
    const model = buildSiteModel({ ...content, site: { ...content.site, url: "https://Bücher.example/ü/" } }, options);
    expect(model.site.url).toBe("https://xn--bcher-kva.example/%C3%BC");
    expect(model.site.basePath).toBe("/%C3%BC");
  });

  it("links from the root for the dev server (atRoot), which serves the site at its own root", () => {
    expect(buildSiteModel(underPath(), { ...options, atRoot: true }).site.basePath).toBe("");
    expect(buildSiteModel(content, options).site.basePath).toBe("");
  });
});
