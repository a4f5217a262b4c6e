import { escapeHtml } from "../compute/escape-html.js";

/** The sitemap protocol allows at most 50,000 URLs per file. */
export const SITEMAP_LIMIT = 50_000;

/**
 * `sitemap.xml` for canonical pages only. Over the protocol's limit, `sitemap.xml` becomes an
 * index of `sitemap-N.xml` files beside it: a sitemap may list only addresses under its own
 * folder, so they stay at the site root.
 * @example sitemapFiles("https://x.dev", ["/"]).get("sitemap.xml")?.includes("<loc>https://x.dev/</loc>") // true
 */
export function sitemapFiles(siteUrl: string, paths: readonly string[], limit = SITEMAP_LIMIT): Map<string, string> {
  const files = new Map<string, string>();
  const urlset = (chunk: readonly string[]): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${chunk
      .map((p) => `<url><loc>${escapeHtml(siteUrl + p)}</loc></url>\n`)
      .join("")}</urlset>\n`;
  if (paths.length <= limit) {
    files.set("sitemap.xml", urlset(paths));
    return files;
  }
  const names: string[] = [];
  for (let i = 0; i < paths.length; i += limit) {
    const name = `sitemap-${names.length + 1}.xml`;
    names.push(name);
    files.set(name, urlset(paths.slice(i, i + limit)));
  }
  files.set(
    "sitemap.xml",
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${names
      .map((n) => `<sitemap><loc>${escapeHtml(`${siteUrl}/${n}`)}</loc></sitemap>\n`)
      .join("")}</sitemapindex>\n`,
  );
  return files;
}

/** `robots.txt`: everything may be crawled; the sitemap is announced. */
export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`;
}
