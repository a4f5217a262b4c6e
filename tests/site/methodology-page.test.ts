/** methodologyPage: the velocity model's constants and a worked example from the site's own data. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../src/build/assets.js";
import { loadRoot } from "../../src/content/load-root.js";
import type { Content } from "../../src/content/types.js";
import { methodologyPage } from "../../src/site/methodology-page.js";
import { buildSiteModel, type SiteModel } from "../../src/site/site-model.js";
import { REPO_ROOT } from "../helpers/built-site.js";
import { AS_OF_MS } from "../build/build-helpers.js";

let content: Content;
let model: SiteModel;

beforeAll(async () => {
  content = (await loadRoot(path.join(REPO_ROOT, "tests/fixtures/sites/small"))).content!;
  model = buildSiteModel(content, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: false });
});

const page = (products = content.products) => methodologyPage(products, model.pairContext.products, AS_OF_MS, model.site);

describe("methodologyPage", () => {
  it("works through the product with the longest timeline, to the score its pages show", () => {
    const example = page().example!;
    expect(example.productName).toBe("Apache Kafka");
    expect(example.score).toBe(model.pairContext.products["apache-kafka"]!.velocity.text);
    // Only entries inside the window are listed, each weight to three decimals, newest first.
    expect(example.entries.length).toBeGreaterThan(0);
    expect(example.entries.every((e) => /^\d\.\d{3}$/.test(e.weight))).toBe(true);
    expect(example.entries[0]).toMatchObject({ date: "2026-05-21T09:00:00Z", kind: "release" });
  });

  it("passes over a product whose velocity the editors set, unless every product's is set", () => {
    const redpanda = content.products.find((p) => p.slug === "redpanda")!;
    const longer = { ...redpanda, timeline: [...redpanda.timeline, ...redpanda.timeline, ...redpanda.timeline, ...redpanda.timeline, ...redpanda.timeline] };
    const others = content.products.filter((p) => p.slug !== "redpanda");
    expect(page([...others, longer]).example!.productName).toBe("Apache Kafka");
    expect(page([longer]).example!.productName).toBe("Redpanda");
  });

  it("has no worked example on a site without products, and always lists the model's constants", () => {
    const empty = page([]);
    expect(empty.example).toBeUndefined();
    expect(empty.constants[0]).toEqual({ label: "Half-life", value: "30 days" });
    expect(empty.meta.canonical).toBe("https://small.example/methodology/");
  });
});
