/**
 * The non-page files a host and crawlers read:
 *  - sitemap.xml lists exactly the indexable pages (not redirects, not noindex pages), all existing;
 *  - robots.txt's Sitemap line points at the sitemap;
 *  - every _redirects rule has an HTML fallback page at its source and a target page that exists;
 *  - a favicon exists (browsers ask for /favicon.ico on every site; a 404 there is console noise).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtSiteDir } from "../helpers/built-site.js";
import { loadBuiltSite, resolveReference, type BuiltPage, type BuiltSite } from "../helpers/html.js";

let site: BuiltSite;

beforeAll(async () => {
  site = await loadBuiltSite(await builtSiteDir());
});

const read = (file: string) => readFile(join(site.dir, file), "utf8");
const pageAt = (path: string): BuiltPage | undefined => [...site.pages.values()].find((p) => p.path === path);

describe("site files", () => {
  it("sitemap.xml lists every indexable page and nothing else", async () => {
    expect(existsSync(join(site.dir, "sitemap.xml")), "sitemap.xml exists").toBe(true);
    const xml = await read("sitemap.xml");
    const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    const problems: string[] = [];
    const listed = new Set<string>();
    for (const loc of locs) {
      const url = new URL(loc);
      if (url.origin !== site.siteUrl.origin) {
        problems.push(`sitemap.xml: ${loc} is not on ${site.siteUrl.origin}`);
        continue;
      }
      if (listed.has(url.pathname)) problems.push(`sitemap.xml: ${loc} is listed twice`);
      listed.add(url.pathname);
      const page = pageAt(url.pathname);
      if (!page) problems.push(`sitemap.xml: ${loc} → no page at ${url.pathname}`);
      else if (page.redirect) problems.push(`sitemap.xml: ${loc} is a redirect page`);
      else if (page.noindex) problems.push(`sitemap.xml: ${loc} is marked noindex`);
    }
    for (const page of site.pages.values()) {
      if (!page.redirect && !page.noindex && !listed.has(page.path)) problems.push(`sitemap.xml: missing ${page.path} (${page.file}, indexable)`);
    }
    expect(locs.length, "<loc> entries").toBeGreaterThan(0);
    expect(problems.sort(), `sitemap problems (${problems.length}):\n${problems.join("\n")}`).toEqual([]);
  });

  it("robots.txt names the sitemap", async () => {
    const robots = await read("robots.txt");
    const sitemap = /^sitemap:\s*(\S+)/im.exec(robots)?.[1];
    expect(sitemap, "a Sitemap: line").toBeDefined();
    expect(sitemap).toBe(new URL("sitemap.xml", site.siteUrl).href);
  });

  it("every _redirects rule has a fallback page at its source and an existing target", async ({ skip }) => {
    if (!existsSync(join(site.dir, "_redirects"))) skip("no _redirects file");
    const rules = (await read("_redirects"))
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.split(/\s+/));
    const problems: string[] = [];
    for (const [from, to, status] of rules) {
      if (!from || !to) {
        problems.push(`_redirects: malformed rule ${JSON.stringify([from, to, status])}`);
        continue;
      }
      const source = pageAt(from);
      if (!source) problems.push(`_redirects: ${from} has no HTML fallback page (hosts without _redirects support would 404)`);
      else if (!source.redirect) problems.push(`_redirects: ${from} → ${to}, but ${source.file} is not a redirect page`);
      else {
        const refresh = source.parsed.references.find((r) => r.element.startsWith("<meta http-equiv"))!;
        if (new URL(refresh.url, site.siteUrl).pathname !== to) problems.push(`_redirects: ${from} → ${to}, but its page refreshes to ${refresh.url}`);
      }
      const home = site.pages.get("index.html")!;
      const target = resolveReference(site, home, to);
      if (target.kind !== "file") problems.push(`_redirects: ${from} → ${to}: the target does not exist`);
      else if (site.pages.get(target.file)?.redirect) problems.push(`_redirects: ${from} → ${to}: the target is itself a redirect (chain)`);
    }
    expect(problems, `redirect problems (${problems.length}):\n${problems.join("\n")}`).toEqual([]);
  });

  it("the site has a favicon (/favicon.ico, or a <link rel=icon> on every page that resolves)", () => {
    if (site.files.has("favicon.ico")) return;
    const problems: string[] = [];
    const withoutIcon = [...site.pages.values()].filter((p) => !p.redirect && !p.parsed.icons.length).map((p) => p.file);
    if (withoutIcon.length) {
      problems.push(
        `no /favicon.ico, and ${withoutIcon.length} page(s) have no <link rel="icon">, e.g. ${withoutIcon.slice(0, 5).join(", ")}; ` +
          `browsers then request /favicon.ico and log a 404 on every site visit`,
      );
    }
    for (const page of site.pages.values()) {
      for (const href of page.parsed.icons) {
        const target = resolveReference(site, page, href);
        if (target.kind === "missing") problems.push(`${page.file}: <link rel=icon href=${JSON.stringify(href)}> → no file ${target.tried}`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
