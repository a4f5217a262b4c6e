/**
 * The pages of the small fixture root (tests/fixtures/sites/small), built once with
 * SOURCE_DATE_EPOCH = 2026-05-22T12:00:00Z: the at-a-glance table, the activity list, the
 * generated FAQ, redirect pages and `_redirects`, the sitemap, and the JSON-LD of every page.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DomUtils } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeVelocity } from "../../src/compute/velocity.js";
import { loadRoot } from "../../src/content/load-root.js";
import type { Content } from "../../src/content/types.js";
import { serializeJsonLd } from "../../src/site/json-ld.js";
import { cleanupRoots } from "../content/helpers.js";
import { AS_OF_MS, build, cleanupTemps, listTree, smallRoot, tempDir } from "../build/build-helpers.js";
import {
  canonicalHref, jsonLd, jsonLdOfType, jsonLdTexts, metaRefreshUrl, readPage, select, selectOne, text, type Element, type Page,
} from "./html.js";

const SITE = "https://small.example";
let out: string;
let content: Content;
let htmlFiles: string[];

const pageOf = (path: string): Page => readPage(out, path === "/" ? "index.html" : `${path.replace(/^\//, "")}index.html`);

beforeAll(async () => {
  const root = await smallRoot();
  const loaded = await loadRoot(root);
  content = loaded.content!;
  out = join(await tempDir(), "site");
  await build(root, out);
  htmlFiles = listTree(out).filter((f) => f.endsWith(".html"));
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

const velocityOf = (slug: string): string => {
  const p = content.products.find((x) => x.slug === slug)!;
  return computeVelocity(p.timeline, AS_OF_MS, p.velocity).score.toFixed(1);
};

/** The glance table as { row label: [cell a, cell b] }, cells as text. */
function glance(page: Page): Record<string, [string, string]> {
  const rows = select(page.doc, "table.glance", "tbody", "tr");
  return Object.fromEntries(
    rows.map((tr) => {
      const th = select(tr, "th")[0]!;
      const [a, b] = select(tr, "td");
      return [text(th), [cellText(a!), cellText(b!)]];
    }),
  );
}

/** A cell's text: the score alone for a velocity meter, the visible words otherwise. */
function cellText(td: Element): string {
  const score = select(td, "span.velocity-score")[0];
  if (score) return text(score);
  return text(td);
}

describe("pair page: at a glance", () => {
  it("shows velocity (one decimal), sparks · 30d, themes and the relative last editorial update of both products", () => {
    const page = pageOf("/compare/apache-kafka-vs-redpanda/");
    const rows = glance(page);
    expect(velocityOf("apache-kafka")).toMatch(/^\d{1,2}\.\d$/);
    expect(rows["Velocity score"]).toEqual([velocityOf("apache-kafka"), "7.5"]);
    // Kafka: the 21 May spark counts; the one exactly 30 days old (22 April 12:00) does not.
    expect(rows["Sparks · 30d"]).toEqual(["1", "2"]);
    expect(rows["Top themes"]).toEqual(["share-groups, tiered-storage, kraft", "tiered-storage, wasm, share-groups"]);
    expect(rows["Last editorial update"]).toEqual(["2d ago", "3h ago"]);
    expect(rows.Sector).toEqual(["Streaming", "Streaming"]);
    const times = select(page.doc, "table.glance", "time");
    expect(times.map((t) => t.attribs.datetime)).toEqual(["2026-05-20", "2026-05-22T09:00:00Z"]);
  });

  it("shows an em dash for a product without themes and months for an old update", () => {
    const rows = glance(pageOf("/compare/apache-kafka-vs-nats/"));
    expect(rows["Top themes"]).toEqual(["share-groups, tiered-storage, kraft", "—"]);
    expect(rows["Last editorial update"]).toEqual(["2d ago", "2mo ago"]);
    expect(rows["Velocity score"]).toEqual([velocityOf("apache-kafka"), "0.0"]);
    expect(rows["Sparks · 30d"]).toEqual(["1", "0"]);
  });
});

describe("pair page: recent activity", () => {
  it("interleaves both timelines newest first, at most 12 rows; on a tie the first product of the pair comes first", () => {
    const items = select(pageOf("/compare/apache-kafka-vs-redpanda/").doc, "ol.activity", "li");
    const rows = items.map((li) => {
      const title = text(select(li, "span.entry-title")[0]!).replace(/\s*⚡ \(editorial spark\)$/, "");
      return `${text(select(li, "span.activity-product")[0]!)}: ${title}`;
    });
    expect(rows).toEqual([
      "Apache Kafka: Kafka 4.3.0 released",
      "Apache Kafka: Kafka 4.2.1 patch",
      // 2026-05-21T11:00:00+02:00 is the same instant as Kafka's 2026-05-21T09:00:00Z.
      "Redpanda: Redpanda 26.1 announced",
      "Redpanda: Iceberg topics GA",
      "Apache Kafka: Share groups GA",
      "Redpanda: Blog: the cost model",
      "Apache Kafka: KIP digest",
      "Apache Kafka: Kafka 4.1.2 bugfix backport",
      "Apache Kafka: Kafka 4.0 drops ZooKeeper",
      "Apache Kafka: Kafka 4.2.0 released",
      "Apache Kafka: Kafka 4.1.1 released",
      "Apache Kafka: Kafka Summit recap",
    ]);
    const instants = items.map((li) => Date.parse(select(li, "time")[0]!.attribs.datetime!.replace(/^(\d{4}-\d\d-\d\d)$/, "$1T00:00:00Z")));
    for (let i = 1; i < instants.length; i++) expect(instants[i]!).toBeLessThanOrEqual(instants[i - 1]!);
    expect(items.map((li) => (li.attribs.class ?? "").includes("is-spark"))).toEqual([true, false, true, true, false, false, true, false, true, false, false, false]);
  });
});

describe("pair page: alternatives", () => {
  it("offers a head-to-head from each card to each page product exactly where that pair has a page", () => {
    // A cross-sector (curated) pair: cards come from both sectors, and only some of their
    // pairings with Apache Kafka or PostgreSQL have pages.
    const page = pageOf("/compare/apache-kafka-vs-postgres/");
    const cards = Object.fromEntries(
      select(page.doc, "ol.alternatives", "article.product-card").map((li) => [text(select(li, "h3.card-title", "a")), select(li, "div.pivots", "a").map((a) => `${text(a)} ${a.attribs.href}`)]),
    );
    expect(cards).toEqual({
      Redpanda: ["Redpanda vs Apache Kafka /compare/apache-kafka-vs-redpanda/"],
      NATS: ["NATS vs Apache Kafka /compare/apache-kafka-vs-nats/"],
      DuckDB: ["DuckDB vs PostgreSQL /compare/duckdb-vs-postgres/"],
    });
  });
});

describe("pair page: generated FAQ", () => {
  const faq = (path: string): { q: string; a: string }[] =>
    select(pageOf(path).doc, "div.faq-item").map((item) => ({ q: text(select(item, "h3")[0]!), a: text(select(item, "p")[0]!) }));

  it("names the shared themes when the products overlap", () => {
    const items = faq("/compare/apache-kafka-vs-redpanda/");
    expect(items.map((i) => i.q)).toEqual([
      "What is the difference between Apache Kafka and Redpanda?",
      "Is Apache Kafka better than Redpanda?",
      "What are the best alternatives to Apache Kafka?",
      "What are the best alternatives to Redpanda?",
    ]);
    expect(items[0]!.a).toBe(
      "Apache Kafka and Redpanda overlap on 2 shipped themes: share-groups and tiered-storage. " +
        `Redpanda is the faster shipper at the moment: velocity 7.5 vs ${velocityOf("apache-kafka")} for Apache Kafka. ` +
        "Over the last 30 days the editors marked 1 spark for Apache Kafka and 2 sparks for Redpanda.",
    );
    // Alternatives to one product leave out only that product.
    expect(items[2]!.a).toBe("Ranked by release velocity among Streaming products, the leading alternatives to Apache Kafka are Redpanda and NATS. The full ranking is on the Apache Kafka alternatives page.");
    expect(items[3]!.a).toBe("Ranked by release velocity among Streaming products, the leading alternatives to Redpanda are Apache Kafka and NATS. The full ranking is on the Redpanda alternatives page.");
  });

  it("says the products have no theme in common when they do not overlap", () => {
    const items = faq("/compare/apache-kafka-vs-nats/");
    expect(items[0]!.a).toBe(
      "Apache Kafka and NATS have none of their shipped themes in common. " +
        `Apache Kafka is the faster shipper at the moment: velocity ${velocityOf("apache-kafka")} vs 0.0 for NATS. ` +
        "Over the last 30 days the editors marked 1 spark for Apache Kafka and 0 sparks for NATS.",
    );
  });

  it("adds a curated comparison's questions after the generated ones, in the page and in FAQPage", () => {
    const page = pageOf("/compare/apache-kafka-vs-postgres/");
    const items = faq("/compare/apache-kafka-vs-postgres/");
    expect(items).toHaveLength(5);
    expect(items[4]).toEqual({ q: "Can PostgreSQL replace Kafka?", a: "For small queues, yes." });
    // Different sectors: each alternatives answer names its own product's sector.
    expect(items[2]!.a).toBe("Ranked by release velocity among Streaming products, the leading alternatives to Apache Kafka are Redpanda and NATS. The full ranking is on the Apache Kafka alternatives page.");
    expect(items[3]!.a).toBe("Ranked by release velocity among Databases products, the leading alternative to PostgreSQL is DuckDB. The full ranking is on the PostgreSQL alternatives page.");
    const ld = jsonLdOfType(page.doc, "FAQPage") as { mainEntity: { name: string; acceptedAnswer: { text: string } }[] };
    expect(ld.mainEntity.map((q) => q.name)).toEqual(items.map((i) => i.q));
    expect(ld.mainEntity[4]!.acceptedAnswer.text).toBe("For small queues, yes.");
  });

  it("FAQPage answers are the visible answers, with each link's full address written out", () => {
    for (const slug of ["apache-kafka-vs-nats", "apache-kafka-vs-postgres", "apache-kafka-vs-redpanda", "duckdb-vs-postgres", "nats-vs-redpanda"]) {
      const page = pageOf(`/compare/${slug}/`);
      const visible = select(page.doc, "div.faq-item").map((item) => {
        const p = select(item, "p")[0]!;
        const raw = p.children.map((n) => (n.type === "tag" && (n as Element).name === "a" ? `${text(n)} (${SITE}${(n as Element).attribs.href})` : DomUtils.textContent(n))).join("");
        return raw.replace(/\s+/g, " ").trim();
      });
      const ld = jsonLdOfType(page.doc, "FAQPage") as { mainEntity: { acceptedAnswer: { text: string } }[] };
      expect(ld.mainEntity.map((q) => q.acceptedAnswer.text), slug).toEqual(visible);
    }
  });
});

describe("redirects", () => {
  const REVERSE = [
    ["/compare/nats-vs-apache-kafka/", "/compare/apache-kafka-vs-nats/"],
    ["/compare/postgres-vs-apache-kafka/", "/compare/apache-kafka-vs-postgres/"],
    ["/compare/redpanda-vs-apache-kafka/", "/compare/apache-kafka-vs-redpanda/"],
    ["/compare/postgres-vs-duckdb/", "/compare/duckdb-vs-postgres/"],
    ["/compare/redpanda-vs-nats/", "/compare/nats-vs-redpanda/"],
  ] as const;
  const ALIASES = [
    ["/products/kafka/", "/products/apache-kafka/"],
    ["/alternatives/kafka/", "/alternatives/apache-kafka/"],
    ["/products/postgresql/", "/products/postgres/"],
    ["/alternatives/postgresql/", "/alternatives/postgres/"],
    ["/products/pg/", "/products/postgres/"],
    ["/alternatives/pg/", "/alternatives/postgres/"],
  ] as const;
  // A renamed product's comparisons keep their old addresses too, in both orders, with every
  // combination of former and current slugs (apache-kafka was kafka; postgres was postgresql and pg).
  const ALIAS_PAIRS = [
    ...["kafka-vs-nats", "nats-vs-kafka"].map((from) => [`/compare/${from}/`, "/compare/apache-kafka-vs-nats/"] as const),
    ...["apache-kafka-vs-postgresql", "postgresql-vs-apache-kafka", "apache-kafka-vs-pg", "pg-vs-apache-kafka", "kafka-vs-postgres", "postgres-vs-kafka", "kafka-vs-postgresql", "postgresql-vs-kafka", "kafka-vs-pg", "pg-vs-kafka"].map(
      (from) => [`/compare/${from}/`, "/compare/apache-kafka-vs-postgres/"] as const,
    ),
    ...["kafka-vs-redpanda", "redpanda-vs-kafka"].map((from) => [`/compare/${from}/`, "/compare/apache-kafka-vs-redpanda/"] as const),
    ...["duckdb-vs-postgresql", "postgresql-vs-duckdb", "duckdb-vs-pg", "pg-vs-duckdb"].map((from) => [`/compare/${from}/`, "/compare/duckdb-vs-postgres/"] as const),
  ];

  it.each([...REVERSE, ...ALIASES, ...ALIAS_PAIRS])("%s is a page that refreshes to %s and names it canonical", (from, to) => {
    const page = pageOf(from);
    expect(metaRefreshUrl(page.doc)).toBe(to);
    expect(canonicalHref(page.doc)).toBe(SITE + to);
    const robots = select(page.doc, "meta").find((m) => m.attribs.name === "robots");
    expect(robots?.attribs.content).toBe("noindex");
    expect(select(page.doc, "a").map((a) => a.attribs.href)).toEqual([to]);
    // The target is a real page, not another redirect.
    expect(metaRefreshUrl(pageOf(to).doc)).toBeUndefined();
  });

  it("_redirects holds one permanent redirect per former address and reverse pair, and nothing else", () => {
    const lines = readFileSync(join(out, "_redirects"), "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect([...lines].sort()).toEqual([...REVERSE, ...ALIASES, ...ALIAS_PAIRS].map(([from, to]) => `${from} ${to} 301`).sort());
  });

  it("every reverse-order URL of every pair page is a redirect page", () => {
    const pairs = htmlFiles.filter((f) => f.startsWith("compare/") && metaRefreshUrl(readPage(out, f).doc) === undefined);
    expect(pairs.map((f) => f.split("/")[1])).toEqual(REVERSE.map(([, to]) => to.split("/")[2]));
  });
});

describe("sitemap.xml", () => {
  it("lists exactly the canonical pages: no redirects, no 404, no search page", () => {
    const xml = readFileSync(join(out, "sitemap.xml"), "utf8");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')).toBe(true);
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    const products = ["apache-kafka", "duckdb", "nats", "postgres", "redpanda"];
    const expected = [
      "/",
      "/methodology/",
      "/sectors/databases/",
      "/sectors/streaming/",
      ...products.map((p) => `/products/${p}/`),
      ...products.map((p) => `/alternatives/${p}/`),
      "/matrices/streaming-brokers/",
      ...["apache-kafka-vs-nats", "apache-kafka-vs-postgres", "apache-kafka-vs-redpanda", "duckdb-vs-postgres", "nats-vs-redpanda"].map((s) => `/compare/${s}/`),
    ].map((p) => SITE + p);
    expect([...locs].sort()).toEqual([...expected].sort());
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) {
      const path = loc.slice(SITE.length);
      const page = pageOf(path);
      expect(metaRefreshUrl(page.doc), path).toBeUndefined();
      expect(canonicalHref(page.doc), path).toBe(loc);
    }
  });

  it("robots.txt announces it", () => {
    expect(readFileSync(join(out, "robots.txt"), "utf8")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });
});

describe("JSON-LD", () => {
  it("every block on every page parses and serializes back to the same text, with nothing that could end the script", () => {
    let blocks = 0;
    for (const file of htmlFiles) {
      for (const t of jsonLdTexts(readPage(out, file).doc)) {
        blocks++;
        expect(() => JSON.parse(t), file).not.toThrow();
        expect(serializeJsonLd(JSON.parse(t)), file).toBe(t);
        expect(t, file).not.toMatch(/[<>&\u2028\u2029]/);
      }
    }
    expect(blocks).toBeGreaterThan(htmlFiles.filter((f) => metaRefreshUrl(readPage(out, f).doc) === undefined).length);
  });

  it("every page but redirects has one BreadcrumbList matching its visible breadcrumbs and ending at the page", () => {
    for (const file of htmlFiles) {
      const page = readPage(out, file);
      if (metaRefreshUrl(page.doc) !== undefined) {
        expect(jsonLd(page.doc), file).toEqual([]);
        continue;
      }
      const list = jsonLdOfType(page.doc, "BreadcrumbList") as { itemListElement: { position: number; name: string; item: string }[] };
      const items = list.itemListElement;
      expect(items.map((i) => i.position), file).toEqual(items.map((_, i) => i + 1));
      expect(items[0], file).toMatchObject({ name: "Home", item: `${SITE}/` });
      expect(items.at(-1)!.item, file).toBe(canonicalHref(page.doc));
      const nav = select(page.doc, "nav.breadcrumbs", "a");
      if (items.length > 1) {
        expect(nav.map((a) => text(a)), file).toEqual(items.map((i) => i.name));
        expect(nav.map((a) => SITE + a.attribs.href), file).toEqual(items.map((i) => i.item));
      }
    }
  });

  it("alternatives pages carry an ItemList of the cards shown, in order", () => {
    const files = htmlFiles.filter((f) => f.startsWith("alternatives/") && metaRefreshUrl(readPage(out, f).doc) === undefined);
    expect(files).toHaveLength(5);
    for (const file of files) {
      const page = readPage(out, file);
      const list = jsonLdOfType(page.doc, "ItemList") as { itemListElement: { position: number; name: string; url: string }[] };
      const cards = select(page.doc, "ol.alternatives", ".card-title", "a");
      expect(list.itemListElement.map((i) => [i.position, i.name, i.url]), file).toEqual(cards.map((a, i) => [i + 1, text(a), SITE + a.attribs.href]));
    }
    const nats = jsonLdOfType(readPage(out, "alternatives/nats/index.html").doc, "ItemList") as { itemListElement: { name: string }[] };
    expect(nats.itemListElement.map((i) => i.name)).toEqual(["Redpanda", "Apache Kafka"]);
  });

  it("pair pages carry a FAQPage with the visible questions; other pages do not", () => {
    for (const file of htmlFiles) {
      const page = readPage(out, file);
      const faqs = jsonLd(page.doc).filter((b) => b["@type"] === "FAQPage");
      const isPair = file.startsWith("compare/") && metaRefreshUrl(page.doc) === undefined;
      expect(faqs.length, file).toBe(isPair ? 1 : 0);
      if (isPair) {
        const questions = select(page.doc, "div.faq-item", "h3").map((h) => text(h));
        expect((faqs[0] as { mainEntity: { name: string }[] }).mainEntity.map((q) => q.name), file).toEqual(questions);
      }
    }
  });
});

it("every site-relative link on every page leads to a file of the output", () => {
  const missing: string[] = [];
  for (const file of htmlFiles) {
    const page = readPage(out, file);
    for (const el of select(page.doc, "a").concat(select(page.doc, "link"), select(page.doc, "script"), select(page.doc, "img"))) {
      const ref = el.attribs.href ?? el.attribs.src;
      if (!ref || !ref.startsWith("/") || ref.startsWith("//")) continue;
      const path = ref.split("#")[0]!.split("?")[0]!;
      const target = path.endsWith("/") ? `${path}index.html` : path;
      if (!existsSync(join(out, target))) missing.push(`${file} → ${ref}`);
    }
  }
  expect(missing).toEqual([]);
});

it("the selectors used here match the pages (guards against vacuous passes)", () => {
  const page = pageOf("/compare/apache-kafka-vs-redpanda/");
  expect(selectOne(page.doc, "h1").children.length).toBeGreaterThan(0);
  expect(text(selectOne(page.doc, "h1"))).toBe("Apache Kafka vs Redpanda");
  expect(select(page.doc, "div.faq-item")).toHaveLength(4);
  expect(select(page.doc, "ol.alternatives", ".card-title", "a").map((a) => text(a))).toEqual(["NATS"]);
});
