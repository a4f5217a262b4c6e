import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderedMetrics, productsApi } from "../../src/downloads/products-api.js";
import { buildSiteModel } from "../../src/site/site-model.js";
import type { Content } from "../../src/content/types.js";
import type { ProductView } from "../../src/site/types.js";
import { cleanupRoots, load } from "../content/helpers.js";

const AS_OF = Date.UTC(2026, 4, 21);
let content: Content;
let views: ProductView[];
let rawMetrics: Record<string, Content["products"][number]["metrics"]>;

beforeAll(async () => {
  const result = await load({ overlay: "complete" });
  content = result.content!;
  const model = buildSiteModel(content, { asOfMs: AS_OF, assets: { css: "/assets/site.css", js: "/assets/site.js", search: "/assets/search.js", icon: "/assets/favicon.svg" }, search: false });
  views = Object.values(model.pairContext.products);
  rawMetrics = Object.fromEntries(content.products.map((p) => [p.slug, p.metrics]));
});
afterAll(cleanupRoots);

describe("productsApi", () => {
  it("lists every product, sorted by slug, pretty-printed with a trailing newline", () => {
    const text = productsApi([...views].reverse(), "https://versus.example/", "2026-05-21T00:00:00.000Z");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.startsWith('{\n  "generated": "2026-05-21T00:00:00.000Z",\n  "products": [\n')).toBe(true);
    const doc = JSON.parse(text);
    const slugs = doc.products.map((p: { slug: string }) => p.slug);
    expect(slugs).toEqual(content.products.map((p) => p.slug).sort());
    expect(slugs.length).toBeGreaterThan(2);
  });

  it("gives each product its plain fields with absolute URLs and no HTML", () => {
    const doc = JSON.parse(productsApi(views, "https://versus.example/", "2026-05-21T00:00:00.000Z"));
    const view = views.find((v) => v.slug === "redpanda")!;
    const p = doc.products.find((x: { slug: string }) => x.slug === "redpanda");
    expect(Object.keys(p)).toEqual([
      "slug", "name", "sector", "sector_name", "tagline", "website", ...(view.logo ? ["logo"] : []), "url", "alternatives_url",
      "velocity", "velocity_override", "velocity_parts", "sparks_30d", "themes", "updated", "timeline", "capabilities",
    ]);
    expect(p).toMatchObject({
      name: view.name,
      sector: view.sector.slug,
      sector_name: view.sector.name,
      tagline: view.tagline,
      website: view.website,
      url: "https://versus.example/products/redpanda/",
      alternatives_url: "https://versus.example/alternatives/redpanda/",
      velocity: view.velocity.score,
      velocity_override: view.velocity.override,
      sparks_30d: view.sparks30d,
      themes: view.themes,
      updated: view.updated.iso,
    });
    expect(typeof p.velocity).toBe("number");
    expect(p.timeline).toHaveLength(view.timeline.length);
    for (const product of doc.products) {
      for (const key of Object.keys(product)) expect(key).not.toMatch(/html/i);
    }
  });

  it("includes raw metrics, keys in schema order, only when passed and present", () => {
    const withMetrics = JSON.parse(productsApi(views, "https://versus.example", "x", rawMetrics));
    const nats = withMetrics.products.find((p: { slug: string }) => p.slug === "nats");
    expect(nats.metrics).toEqual({ as_of: "2026-05-01", github_stars: 16000, docker_pulls: 500000000 });
    const without = JSON.parse(productsApi(views, "https://versus.example", "x"));
    expect(without.products.every((p: object) => !("metrics" in p))).toBe(true);
    const noMetrics = content.products.find((p) => p.metrics === undefined);
    if (noMetrics) expect(withMetrics.products.find((p: { slug: string }) => p.slug === noMetrics.slug)).not.toHaveProperty("metrics");
  });

  it("is byte-identical for the same input, whatever the input order", () => {
    const a = productsApi(views, "https://versus.example", "2026-05-21T00:00:00.000Z", rawMetrics);
    const b = productsApi([...views].reverse(), "https://versus.example", "2026-05-21T00:00:00.000Z", rawMetrics);
    expect(a).toBe(b);
  });
});

describe("orderedMetrics", () => {
  it("puts keys in schema order", () => {
    const m = orderedMetrics({ rating: { source: "G2", count: 3, scale: 5, value: 4.5 }, github_stars: 5, as_of: "2026-05-01" });
    expect(JSON.stringify(m)).toBe('{"as_of":"2026-05-01","github_stars":5,"rating":{"value":4.5,"scale":5,"count":3,"source":"G2"}}');
  });
});
