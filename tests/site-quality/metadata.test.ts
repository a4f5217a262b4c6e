/**
 * Structured data and page metadata over every built HTML file:
 *  - every JSON-LD block parses with JSON.parse, and is a schema.org object with an @type;
 *  - URLs on the site's own origin inside JSON-LD point at files that exist;
 *  - every page has exactly one canonical link: its own URL, or the target of a redirect page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { builtSiteDir } from "../helpers/built-site.js";
import { loadBuiltSite, resolveReference, type BuiltSite } from "../helpers/html.js";

let site: BuiltSite;

beforeAll(async () => {
  site = await loadBuiltSite(await builtSiteDir());
});

const sortedPages = () => [...site.pages.values()].sort((a, b) => a.file.localeCompare(b.file));

function collectStrings(value: unknown, path: string, out: { path: string; value: string }[]): void {
  if (typeof value === "string") out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => collectStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) collectStrings(v, `${path}.${k}`, out);
}

describe("JSON-LD", () => {
  it("every block on every page parses with JSON.parse", () => {
    const problems: string[] = [];
    let blocks = 0;
    for (const page of sortedPages()) {
      for (const block of page.parsed.jsonLd) {
        blocks++;
        try {
          JSON.parse(block.text);
        } catch (error) {
          problems.push(`${page.file}:${block.line}: ${(error as Error).message} in ${JSON.stringify(block.text.slice(0, 120))}…`);
        }
      }
    }
    expect(blocks, "JSON-LD blocks found").toBeGreaterThan(0);
    expect(problems, `JSON-LD that does not parse (${problems.length}):\n${problems.join("\n")}`).toEqual([]);
  });

  it("every block is schema.org data with an @type, and its on-site URLs exist", () => {
    const problems: string[] = [];
    for (const page of sortedPages()) {
      for (const block of page.parsed.jsonLd) {
        let data: unknown;
        try {
          data = JSON.parse(block.text);
        } catch {
          continue; // reported by the test above
        }
        const items = Array.isArray(data) ? data : [data];
        for (const item of items) {
          const record = item as Record<string, unknown> | null;
          if (!record || typeof record !== "object") {
            problems.push(`${page.file}:${block.line}: a JSON-LD item is not an object`);
            continue;
          }
          const context = JSON.stringify(record["@context"] ?? null);
          if (!/schema\.org/.test(context) && !record["@graph"]) problems.push(`${page.file}:${block.line}: @context is ${context}, not schema.org`);
          if (!record["@type"] && !record["@graph"]) problems.push(`${page.file}:${block.line}: no @type`);
        }
        const strings: { path: string; value: string }[] = [];
        collectStrings(data, "$", strings);
        for (const { path, value } of strings) {
          if (!value.startsWith(site.siteUrl.origin)) continue;
          const target = resolveReference(site, page, value);
          if (target.kind === "missing") problems.push(`${page.file}:${block.line}: ${path} = ${value} → no file ${target.tried}${target.hint ? ` (${target.hint})` : ""}`);
          else if (target.kind === "file" && target.fragment) {
            const ids = site.pages.get(target.file)?.parsed.ids;
            if (ids && !ids.has(target.fragment)) problems.push(`${page.file}:${block.line}: ${path} = ${value} → ${target.file} has no id="${target.fragment}"`);
          }
        }
      }
    }
    expect(problems, `JSON-LD problems (${problems.length}):\n${problems.join("\n")}`).toEqual([]);
  });
});

describe("canonical links", () => {
  it("every page has one canonical link: its own URL, or its redirect target", () => {
    const problems: string[] = [];
    for (const page of sortedPages()) {
      const { canonical } = page.parsed;
      if (canonical.length !== 1) {
        problems.push(`${page.file}: ${canonical.length} <link rel=canonical> elements`);
        continue;
      }
      const href = canonical[0]!;
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        problems.push(`${page.file}: canonical ${JSON.stringify(href)} is not an absolute URL`);
        continue;
      }
      if (url.origin !== site.siteUrl.origin) problems.push(`${page.file}: canonical ${href} is not on ${site.siteUrl.origin}`);
      const refresh = page.parsed.references.find((r) => r.element.startsWith("<meta http-equiv"));
      const expected = refresh ? new URL(refresh.url, new URL(page.path, site.siteUrl)).href : new URL(page.path, site.siteUrl).href;
      if (url.href !== expected) problems.push(`${page.file}: canonical ${href}, expected ${expected}${refresh ? " (the redirect target)" : ""}`);
    }
    expect(problems, `canonical problems (${problems.length}):\n${problems.join("\n")}`).toEqual([]);
  });
});

// Regression: no page named the Atom feed, so a feed reader given the site's address found none.
describe("feed autodiscovery", () => {
  it("every page but a redirect page names the site's feed once", () => {
    const feed = new URL("feed.xml", site.siteUrl).href;
    const problems: string[] = [];
    for (const page of sortedPages()) {
      if (page.redirect) continue;
      const links = page.parsed.feeds.map((href) => new URL(href, new URL(page.path, site.siteUrl)).href);
      if (links.length !== 1 || links[0] !== feed) problems.push(`${page.file}: ${JSON.stringify(links)}`);
    }
    expect(problems, `feed link problems (${problems.length}):\n${problems.join("\n")}`).toEqual([]);
  });
});
