/**
 * buildPairPage: the values an X-vs-Y page shows, from the small site root's model.
 * Streaming: Apache Kafka (computed velocity), Redpanda (velocity set to 7.5), NATS (no timeline);
 * databases: DuckDB, PostgreSQL; one curated, cross-sector pair: Apache Kafka vs PostgreSQL.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../src/build/assets.js";
import { loadRoot } from "../../src/content/load-root.js";
import { buildSiteModel } from "../../src/site/site-model.js";
import { buildPairPage, type PairContext } from "../../src/site/pair-page.js";
import { REPO_ROOT } from "../helpers/built-site.js";
import { AS_OF_MS } from "../build/build-helpers.js";

let ctx: PairContext;

beforeAll(async () => {
  const loaded = await loadRoot(path.join(REPO_ROOT, "tests/fixtures/sites/small"));
  ctx = buildSiteModel(loaded.content!, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: false }).pairContext;
});

const pair = (a: string, b: string) => buildPairPage(ctx, { slug: `${a}-vs-${b}`, a, b });

describe("buildPairPage", () => {
  it("ranks the sector's other products as alternatives, each with its head-to-heads with the page's products", () => {
    const page = pair("nats", "redpanda");
    expect(page.heading).toBe("NATS vs Redpanda");
    expect(page.sector?.name).toBe("Streaming");
    expect(page.alternatives.map((c) => [c.rank, c.product.name, c.pivots])).toEqual([
      [1, "Apache Kafka", [
        { name: "Apache Kafka vs NATS", url: "/compare/apache-kafka-vs-nats/" },
        { name: "Apache Kafka vs Redpanda", url: "/compare/apache-kafka-vs-redpanda/" },
      ]],
    ]);
    expect(page.meta.breadcrumbs).toEqual([
      { name: "Home", url: "/" },
      { name: "Streaming", url: "/sectors/streaming/" },
      { name: "NATS vs Redpanda", url: "/compare/nats-vs-redpanda/" },
    ]);
    expect(page.meta.canonical).toBe("https://small.example/compare/nats-vs-redpanda/");
  });

  it("fills the at-a-glance rows from each product, with a dash for a product without themes", () => {
    const page = pair("nats", "redpanda");
    expect(page.glance.map((r) => [r.label, r.a, r.b])).toEqual([
      ["Sector", "Streaming", "Streaming"],
      ["Velocity score", "0.0", "7.5"],
      ["Sparks · 30d", "0", "2"],
      ["Top themes", "—", "tiered-storage, wasm, share-groups"],
      ["Last editorial update", ctx.products["nats"]!.updated.relative, ctx.products["redpanda"]!.updated.relative],
    ]);
  });

  it("shows a curated cross-sector pair without a sector, with alternatives from both sectors and its own FAQ last", () => {
    const page = pair("apache-kafka", "postgres");
    expect(page.sector).toBeUndefined();
    expect(page.curated).toBeDefined();
    expect(page.meta.breadcrumbs.map((l) => l.name)).toEqual(["Home", "Apache Kafka vs PostgreSQL"]);
    // Redpanda's 7.5 leads; NATS, with no timeline, scores 0 and comes last.
    expect(page.alternatives.map((c) => c.product.name)).toEqual(["Redpanda", "DuckDB", "NATS"]);
    expect(page.alternatives.map((c) => c.pivots.map((l) => l.url))).toEqual([
      ["/compare/apache-kafka-vs-redpanda/"],
      ["/compare/duckdb-vs-postgres/"],
      ["/compare/apache-kafka-vs-nats/"],
    ]);
    expect(page.faq.at(-1)!.question).toBe("Can PostgreSQL replace Kafka?");
    // The FAQ is in the page's JSON-LD too, which must parse.
    const faqLd = JSON.parse(page.meta.jsonLd[1]!) as { "@type": string; mainEntity: { name: string }[] };
    expect(faqLd["@type"]).toBe("FAQPage");
    expect(faqLd.mainEntity.map((q) => q.name)).toEqual(page.faq.map((q) => q.question));
  });
});
