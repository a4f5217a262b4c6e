/**
 * Hostile content: tests/fixtures/hostile/<case>/ overlays on the small fixture root.
 *
 * - `urls-and-slugs`: non-http(s) URLs where the schema wants one, and slugs that try to climb out
 *   of the output folder: rejected by `check`, each with its own line.
 * - `markup`: script tags, attribute breakers, `javascript:`/`vbscript:`/`data:` links and images,
 *   `</script>` and `<!--` in fields that reach JSON-LD. It must build, and every page must carry
 *   no script but the site's own, no event-handler attribute, no link or source that is not
 *   http(s), mailto, a fragment or site-relative; JSON-LD must parse and give back the original
 *   strings; and nothing may be written outside the output folder.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DomUtils } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoot } from "../../src/content/load-root.js";
import { formatProblem } from "../../src/content/problems.js";
import type { Content, Product } from "../../src/content/types.js";
import { escapeHtml } from "../../src/compute/escape-html.js";
import { serializeJsonLd } from "../../src/site/json-ld.js";
import { markdownToText } from "../../src/site/markdown.js";
import { cleanupRoots } from "../content/helpers.js";
import { build, cleanupTemps, listEntries, listTree, smallRoot, tempDir } from "../build/build-helpers.js";
import { findAll, jsonLd, jsonLdOfType, jsonLdTexts, readPage, select, selectOne, stringsIn, text, type Page } from "./html.js";

const HOSTILE = "../hostile";

describe("urls-and-slugs: rejected by the schema", () => {
  afterAll(cleanupRoots);

  it("reports every non-http(s) URL and every slug that is not a slug, one line each", async () => {
    const result = await loadRoot(await smallRoot({}, `${HOSTILE}/urls-and-slugs`));
    expect(result.content).toBeUndefined();
    const slugMsg = (found: string): string => `expected a slug (lowercase letters, digits and single hyphens), found "${found}"`;
    const urlMsg = (found: string): string => `expected an absolute http(s) URL, found "${found}"`;
    expect(result.problems.map(formatProblem)).toEqual([
      `content/matrices/streaming-brokers.md:4: columns[1]: ${slugMsg("../../etc")}`,
      'content/matrices/streaming-brokers.md:9: sections[0].rows[0].cells: row "Single binary" is missing column "../../etc"',
      `content/matrices/streaming-brokers.md:11: sections[0].rows[0].cells["../../etc"]: invalid key "../../etc": ${slugMsg("../../etc")}`,
      `content/products/duckdb.md:3: sector: ${slugMsg("../../etc")}`,
      `content/products/duckdb.md:4: website: ${urlMsg("data:text/html,<script>alert(1)</script>")}`,
      `content/products/duckdb.md:11: timeline[0].url: ${urlMsg("javascript:alert(1)")}`,
      `content/products/duckdb.md:14: timeline[1].url: ${urlMsg("JAVASCRIPT:alert(1)")}`,
      `content/products/duckdb.md:17: timeline[2].url: ${urlMsg("file:///etc/passwd")}`,
      `content/products/nats.md:4: website: ${urlMsg("javascript:alert(1)")}`,
      'content/products/nats.md:5: logo: expected a site path under /assets/ ending in .svg, .png, .jpg, .webp, .gif or .avif, or an https URL, found "javascript:alert(1)"',
      `content/products/nats.md:8: themes[0]: ${slugMsg("<script>")}`,
      `content/products/nats.md:8: themes[1]: ${slugMsg("../../etc")}`,
      `content/products/nats.md:10: aliases[0]: ${slugMsg("../../etc")}`,
      `content/products/nats.md:10: aliases[1]: ${slugMsg("..")}`,
      `content/products/nats.md:14: timeline[0].url: ${urlMsg("data:text/html,<script>alert(1)</script>")}`,
      `content/products/nats.md:17: timeline[1].url: ${urlMsg("vbscript:msgbox(1)")}`,
      `content/products/nats.md:20: timeline[2].url: ${urlMsg("//evil.example/x")}`,
    ]);
  });
});

describe("markup: builds, and every page is inert", () => {
  let content: Content;
  let parent: string;
  let root: string;
  let out: string;
  let pages: Page[];
  let parentBefore: string[];
  let rootBefore: string[];
  let kafka: Product;
  let redpanda: Product;

  beforeAll(async () => {
    root = await smallRoot({}, `${HOSTILE}/markup`);
    const loaded = await loadRoot(root);
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    content = loaded.content!;
    kafka = content.products.find((p) => p.slug === "apache-kafka")!;
    redpanda = content.products.find((p) => p.slug === "redpanda")!;
    parent = await tempDir();
    out = join(parent, "site");
    parentBefore = listEntries(parent);
    rootBefore = listEntries(root);
    await build(root, out);
    pages = listTree(out).filter((f) => f.endsWith(".html")).map((f) => readPage(out, f));
  });

  afterAll(async () => {
    await cleanupRoots();
    await cleanupTemps();
  });

  it("the fixture really is hostile (guards against a vacuous pass)", () => {
    expect(kafka.name).toBe("Kafka <script>alert(1)</script>");
    expect(kafka.summary).toContain("[js](javascript:alert(1))");
    expect(kafka.timeline.map((e) => e.title)).toContain("</script><script>alert(1)</script>");
    expect(pages.length).toBeGreaterThan(20);
    const all = pages.map((p) => p.html).join("\n");
    expect(all).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("has no <script> element but the site's own scripts and JSON-LD", () => {
    const bad: string[] = [];
    for (const page of pages) {
      const scripts = findAll(page.doc, (e) => e.name === "script");
      for (const s of scripts) {
        const src = s.attribs.src;
        const own = src !== undefined && /^\/assets\/(site|search)\.[A-Za-z0-9]{10}\.js$/.test(src) && "defer" in s.attribs && DomUtils.textContent(s) === "";
        const ld = src === undefined && s.attribs.type === "application/ld+json";
        if (!own && !ld) bad.push(`${page.file}: <script ${JSON.stringify(s.attribs)}>${DomUtils.textContent(s).slice(0, 60)}`);
      }
      // The raw text agrees with the parser: no script start tag it did not see.
      const raw = page.html.match(/<script[\s>/]/gi)?.length ?? 0;
      if (raw !== scripts.length) bad.push(`${page.file}: ${raw} "<script" in the markup but ${scripts.length} script elements`);
    }
    expect(bad).toEqual([]);
  });

  it("has no event-handler attribute and no dangerous element anywhere", () => {
    const bad: string[] = [];
    for (const page of pages) {
      for (const e of findAll(page.doc, () => true)) {
        for (const name of Object.keys(e.attribs)) if (/^on/i.test(name)) bad.push(`${page.file}: <${e.name} ${name}="${e.attribs[name]}">`);
        if (["iframe", "object", "embed", "base", "frame", "frameset", "applet", "style"].includes(e.name)) bad.push(`${page.file}: <${e.name}>`);
        const style = e.attribs.style;
        if (style !== undefined && /url\s*\(|expression\s*\(|javascript:/i.test(style)) bad.push(`${page.file}: style="${style}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("every href, src, action and refresh target is http(s), mailto, a fragment or site-relative", () => {
    const ok = (v: string): boolean => /^(https?:\/\/[^\s]|mailto:|#|\/(?!\/))/i.test(v);
    const bad: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const e of findAll(page.doc, () => true)) {
        for (const attr of ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background"]) {
          const v = e.attribs[attr];
          if (v === undefined) continue;
          checked++;
          if (!ok(v)) bad.push(`${page.file}: <${e.name} ${attr}="${v}">`);
        }
        if (e.attribs.srcset !== undefined) for (const c of e.attribs.srcset.split(",")) if (!ok(c.trim())) bad.push(`${page.file}: srcset ${c}`);
        if ((e.attribs["http-equiv"] ?? "").toLowerCase() === "refresh") {
          const url = /url\s*=\s*(.+)$/i.exec(e.attribs.content ?? "")?.[1] ?? "";
          if (!ok(url.trim())) bad.push(`${page.file}: refresh to ${url}`);
        }
        for (const [name, v] of Object.entries(e.attribs)) if (/^\s*(javascript|vbscript|data|file):/i.test(v)) bad.push(`${page.file}: <${e.name} ${name}="${v}">`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it("shows hostile text as text: names, taglines and titles come back intact from the parsed page", () => {
    const product = pages.find((p) => p.file === "products/apache-kafka/index.html")!;
    expect(text(selectOne(product.doc, "h1"))).toBe(kafka.name);
    expect(text(selectOne(product.doc, "p.lead"))).toBe(kafka.tagline);
    const description = select(product.doc, "meta").find((m) => m.attribs.name === "description")!;
    expect(description.attribs.content!.startsWith(kafka.tagline)).toBe(true);
    const visit = select(product.doc, "a").find((a) => a.attribs.class === "external")!;
    expect(visit.attribs.href).toBe(kafka.website);
    const pair = pages.find((p) => p.file === "compare/apache-kafka-vs-redpanda/index.html")!;
    expect(text(selectOne(pair.doc, "h1"))).toBe("</script><script>alert(1)</script><!--");
    const activity = select(pair.doc, "ol.activity", "span.entry-title").map((s) => text(s).replace(/\s*⚡ \(editorial spark\)$/, ""));
    expect(activity).toContain("</script><script>alert(1)</script>");
    expect(activity).toContain('" onmouseover="alert(1)" x="');
    const link = select(pair.doc, "ol.activity", "a").find((a) => text(a) === "</script><script>alert(1)</script>")!;
    expect(link.attribs.href).toBe(kafka.timeline[0]!.url);
    const matrix = pages.find((p) => p.file === "matrices/streaming-brokers/index.html")!;
    expect(text(selectOne(matrix.doc, "h1"))).toBe("Brokers </script><script>alert(1)</script>");
    expect(text(matrix.doc.children)).toContain('" onfocus="alert(1)" autofocus="');
    expect(text(matrix.doc.children)).toContain("<img src=x onerror=alert(1)>");
  });

  it("leaves unsafe markdown links unlinked and keeps safe ones", () => {
    const product = pages.find((p) => p.file === "products/redpanda/index.html")!;
    const hrefs = select(product.doc, "main", "a").map((a) => a.attribs.href);
    expect(hrefs).toEqual(expect.arrayContaining(["https://redpanda.com/docs", "mailto:team@redpanda.example", "/products/nats/", "#prediction"]));
    expect(text(select(product.doc, "main"))).toContain("[unsafe one](vbscript:msgbox(1))");
  });

  it("every JSON-LD block parses, serializes back to the same text, and holds the original strings (answers escaped, as search engines read them as HTML)", () => {
    const seen = new Set<string>();
    for (const page of pages) {
      for (const t of jsonLdTexts(page.doc)) {
        expect(t, page.file).not.toMatch(/[<>&\u2028\u2029]/);
        const value = JSON.parse(t) as unknown;
        expect(serializeJsonLd(value), page.file).toBe(t);
        for (const s of stringsIn(value)) seen.add(s);
      }
    }
    const sector = content.sectors.find((s) => s.slug === "streaming")!;
    const curated = content.comparisons.find((c) => c.slug === "apache-kafka-vs-redpanda")!;
    const matrix = content.matrices[0]!;
    for (const original of [kafka.name, redpanda.name, sector.name, curated.title!, curated.faq![0]!.q, matrix.title, `Alternatives to ${kafka.name}`]) {
      expect(seen.has(original), original).toBe(true);
    }
    expect(seen.has(`What is the difference between ${kafka.name} and ${redpanda.name}?`)).toBe(true);

    const pair = pages.find((p) => p.file === "compare/apache-kafka-vs-redpanda/index.html")!;
    const crumbs = jsonLdOfType(pair.doc, "BreadcrumbList") as { itemListElement: { name: string }[] };
    expect(crumbs.itemListElement.map((i) => i.name)).toEqual(["Home", sector.name, curated.title]);
    const faq = jsonLdOfType(pair.doc, "FAQPage") as { mainEntity: { name: string; acceptedAnswer: { text: string } }[] };
    const last = faq.mainEntity.at(-1)!;
    expect(last.name).toBe(curated.faq![0]!.q);
    // An Answer's text is read as HTML by search engines: the plain text, escaped.
    expect(last.acceptedAnswer.text).toBe(escapeHtml(markdownToText(curated.faq![0]!.a)));
    expect(last.acceptedAnswer.text).toContain("&lt;!-- [link](javascript:alert(1)) &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    const alternatives = pages.find((p) => p.file === "alternatives/nats/index.html")!;
    const list = jsonLdOfType(alternatives.doc, "ItemList") as { itemListElement: { name: string }[] };
    expect(list.itemListElement.map((i) => i.name).sort()).toEqual([kafka.name, redpanda.name].sort());
    for (const page of pages) expect(() => jsonLd(page.doc), page.file).not.toThrow();
  });

  it("writes nothing outside the output folder (but the manifest beside it and the root's card cache)", () => {
    const parentAfter = listEntries(parent);
    const added = parentAfter.filter((e) => !parentBefore.includes(e));
    expect(parentAfter.filter((e) => parentBefore.includes(e))).toEqual(parentBefore);
    expect(added.filter((e) => !e.startsWith("site/") && e !== "site.versus-manifest.json")).toEqual([]);
    const rootAfter = listEntries(root);
    expect(rootAfter.filter((e) => !rootBefore.includes(e)).filter((e) => !e.startsWith(".versus-cache/"))).toEqual([]);
    expect(rootAfter.filter((e) => rootBefore.includes(e))).toEqual(rootBefore);
    // No path of the output climbs out of it or carries markup.
    for (const f of listTree(out)) expect(f).toMatch(/^[A-Za-z0-9._/-]+$/);
    expect(existsSync(join(parent, "etc"))).toBe(false);
  });

  it("site files carry the hostile strings escaped: feed, sitemap and redirects stay well-formed", () => {
    const feed = readFileSync(join(out, "feed.xml"), "utf8");
    expect(feed).not.toMatch(/<script/i);
    expect(feed).toContain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    for (const line of readFileSync(join(out, "_redirects"), "utf8").trimEnd().split("\n")) expect(line).toMatch(/^\/[a-z0-9/-]+\/ \/[a-z0-9/-]+\/ 301$/);
    expect(readFileSync(join(out, "sitemap.xml"), "utf8")).not.toMatch(/[<](?!\/?(url|loc|urlset|\?xml))/);
  });
});

