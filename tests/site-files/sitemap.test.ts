/** sitemapFiles and robotsTxt: one sitemap up to the protocol's limit, an index of several above it. */
import { describe, expect, it } from "vitest";
import { robotsTxt, SITEMAP_LIMIT, sitemapFiles } from "../../src/site-files/sitemap.js";

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

describe("sitemapFiles", () => {
  it("lists every path in one sitemap.xml up to the limit, with the site URL in front and & escaped", () => {
    const files = sitemapFiles("https://x.dev", ["/", "/compare/a-vs-b/", "/search/?q=a&b"], 3);
    expect([...files.keys()]).toEqual(["sitemap.xml"]);
    expect(files.get("sitemap.xml")!.split("\n")).toEqual([
      HEAD,
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      "<url><loc>https://x.dev/</loc></url>",
      "<url><loc>https://x.dev/compare/a-vs-b/</loc></url>",
      "<url><loc>https://x.dev/search/?q=a&amp;b</loc></url>",
      "</urlset>",
      "",
    ]);
  });

  // Regression: the parts were sitemaps/sitemap-N.xml, and a sitemap may list only addresses
  // under its own folder, so search engines could refuse every page they listed.
  it("over the limit, splits the paths in order into numbered sitemaps at the root that sitemap.xml indexes", () => {
    const files = sitemapFiles("https://x.dev", ["/a/", "/b/", "/c/", "/d/", "/e/"], 2);
    expect([...files.keys()]).toEqual(["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]);
    const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locs(files.get("sitemap-1.xml")!)).toEqual(["https://x.dev/a/", "https://x.dev/b/"]);
    expect(locs(files.get("sitemap-2.xml")!)).toEqual(["https://x.dev/c/", "https://x.dev/d/"]);
    expect(locs(files.get("sitemap-3.xml")!)).toEqual(["https://x.dev/e/"]);
    expect(files.get("sitemap.xml")!.split("\n")).toEqual([
      HEAD,
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      "<sitemap><loc>https://x.dev/sitemap-1.xml</loc></sitemap>",
      "<sitemap><loc>https://x.dev/sitemap-2.xml</loc></sitemap>",
      "<sitemap><loc>https://x.dev/sitemap-3.xml</loc></sitemap>",
      "</sitemapindex>",
      "",
    ]);
  });

  it("keeps to the protocol's 50,000 URLs per file by default", () => {
    expect(SITEMAP_LIMIT).toBe(50_000);
    const paths = Array.from({ length: SITEMAP_LIMIT + 1 }, (_, i) => `/p/${i}/`);
    const files = sitemapFiles("https://x.dev", paths);
    expect([...files.keys()]).toEqual(["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
    expect(files.get("sitemap-2.xml")).toContain("<url><loc>https://x.dev/p/50000/</loc></url>\n</urlset>");
  });
});

describe("robotsTxt", () => {
  it("allows everything and names the sitemap", () => {
    expect(robotsTxt("https://x.dev")).toBe("User-agent: *\nAllow: /\n\nSitemap: https://x.dev/sitemap.xml\n");
  });
});
