/**
 * The example site (content/ and data/ of the repository), built once with SOURCE_DATE_EPOCH
 * 2026-05-22T12:00:00Z: the Apache Kafka vs Appwrite page against values computed from the content.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeVelocity } from "../../src/compute/velocity.js";
import { escapeHtml } from "../../src/compute/escape-html.js";
import { parseIsoDate } from "../../src/content/schema/common.js";
import { loadRoot } from "../../src/content/load-root.js";
import type { Content, Product } from "../../src/content/types.js";
import { AS_OF_MS, build, cleanupTemps, REPO, tempDir } from "../build/build-helpers.js";
import { readPage, select, selectOne, text, type Page } from "./html.js";

let content: Content;
let page: Page;
let kafka: Product;
let appwrite: Product;

beforeAll(async () => {
  // A copy of the example root, so the build's card cache is not written into the repository.
  const root = await tempDir("versus-example-root-");
  cpSync(join(REPO, "content"), join(root, "content"), { recursive: true });
  cpSync(join(REPO, "data"), join(root, "data"), { recursive: true });
  const loaded = await loadRoot(root);
  expect(loaded.content).toBeDefined();
  content = loaded.content!;
  kafka = content.products.find((p) => p.slug === "apache-kafka")!;
  appwrite = content.products.find((p) => p.slug === "appwrite")!;
  const out = join(await tempDir(), "site");
  await build(root, out);
  page = readPage(out, "compare/apache-kafka-vs-appwrite/index.html");
});

afterAll(cleanupTemps);

const velocity = (p: Product): string => computeVelocity(p.timeline, AS_OF_MS, p.velocity).score.toFixed(1);

describe("compare/apache-kafka-vs-appwrite", () => {
  it("names both products in the heading, the title and the side-by-side", () => {
    expect(text(selectOne(page.doc, "h1"))).toBe("Apache Kafka vs Appwrite");
    expect(text(selectOne(page.doc, "head", "title"))).toBe("Apache Kafka vs Appwrite: velocity, themes and alternatives | Versus");
    expect(select(page.doc, "article.trajectory", "h3").map((h) => text(h))).toEqual(["Apache Kafka", "Appwrite"]);
  });

  it("shows both velocities as computed from the content, with one decimal", () => {
    const [vk, va] = [velocity(kafka), velocity(appwrite)];
    expect(vk).toMatch(/^(10|\d)\.\d$/);
    expect(va).toMatch(/^(10|\d)\.\d$/);
    const row = select(page.doc, "table.glance", "tr").find((tr) => text(select(tr, "th")[0]!) === "Velocity score")!;
    expect(select(row, "span.velocity-score").map((s) => text(s))).toEqual([vk, va]);
    for (const s of select(page.doc, "span.velocity-score")) expect(text(s)).toMatch(/^(10|\d)\.\d$/);
    expect(page.html).toContain(`Apache Kafka (velocity ${vk}) and Appwrite (velocity ${va}) side by side`);
  });

  it("shows both taglines, HTML-escaped in the markup and intact as text", () => {
    for (const p of [kafka, appwrite]) {
      expect(page.html).toContain(`<p class="tagline">${escapeHtml(p.tagline)}</p>`);
      expect(select(page.doc, "p.tagline").map((e) => text(e))).toContain(p.tagline.replace(/\s+/g, " ").trim());
    }
  });

  it("asks the four generated questions", () => {
    expect(select(page.doc, "div.faq-item", "h3").map((h) => text(h))).toEqual([
      "What is the difference between Apache Kafka and Appwrite?",
      "Is Apache Kafka better than Appwrite?",
      "What are the best alternatives to Apache Kafka?",
      "What are the best alternatives to Appwrite?",
    ]);
  });

  it("lists at most 12 activity rows, newest first, exactly the newest entries of both timelines", () => {
    const rows = select(page.doc, "ol.activity", "li").map((li) => ({
      product: text(select(li, "span.activity-product")[0]!),
      title: text(select(li, "span.entry-title")[0]!).replace(/\s*⚡ \(editorial spark\)$/, ""),
      date: select(li, "time")[0]!.attribs.datetime!,
    }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(12);
    // Computed independently: all entries of both, newest first; on the same instant Kafka (the
    // first product of the pair) first, and within a product the order of its file.
    const merged = [kafka, appwrite]
      .flatMap((p, owner) => p.timeline.map((e, i) => ({ owner, i, ms: parseIsoDate(e.date)!, row: { product: p.name, title: e.title, date: e.date } })))
      .sort((x, y) => y.ms - x.ms || x.owner - y.owner || x.i - y.i)
      .slice(0, 12)
      .map((x) => x.row);
    expect(rows).toEqual(merged);
    expect(rows).toHaveLength(Math.min(12, kafka.timeline.length + appwrite.timeline.length));
  });

  it("lists alternatives from the products' sector without either product, best velocity first", () => {
    const cards = select(page.doc, "ol.alternatives", ".card-title", "a").map((a) => text(a));
    expect(cards).not.toContain("Apache Kafka");
    expect(cards).not.toContain("Appwrite");
    expect(kafka.sector).toBe(appwrite.sector);
    const others = content.products
      .filter((p) => p.sector === kafka.sector && p !== kafka && p !== appwrite)
      .sort((x, y) => Number(velocity(y)) - Number(velocity(x)) || x.name.localeCompare(y.name, "en"));
    expect(cards).toEqual(others.slice(0, content.site.alternatives_limit).map((p) => p.name));
    const shown = select(page.doc, "ol.alternatives", "span.velocity-score").map((s) => Number(text(s)));
    expect(shown).toEqual([...shown].sort((x, y) => y - x));
  });
});
