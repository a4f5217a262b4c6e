import type { SiteModel } from "../site/site-model.js";
import { reversePairSlug } from "../compute/pairs.js";
import { urls } from "../site/urls.js";
import { sitemapFiles, robotsTxt } from "../site-files/sitemap.js";
import { redirectsFile } from "../site-files/host-rules.js";
import { atomFeed } from "../site-files/feed.js";

/** The site-wide files that are data dumps rather than pages: sitemap, robots, redirects, feed. */
export function siteFiles(model: SiteModel): { file: string; bytes: string }[] {
  const { site } = model;
  const canonical = [...model.pages.pagePaths, ...model.pairs.map((p) => urls.compare(p.slug))];
  const redirects = [
    ...model.pages.aliasRedirects,
    ...model.pairs.map((p) => ({ from: urls.compare(reversePairSlug(p.a, p.b)), to: urls.compare(p.slug) })),
  ];
  return [
    ...[...sitemapFiles(site.url, canonical)].map(([file, bytes]) => ({ file, bytes })),
    { file: "robots.txt", bytes: robotsTxt(site.url) },
    { file: "_redirects", bytes: redirectsFile(redirects, site.basePath) },
    { file: "feed.xml", bytes: atomFeed(site, model.pages.home.latestActivity, model.asOfIso) },
  ];
}
