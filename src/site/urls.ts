/** Every site path the generator links to, in one place so pages and redirects agree. */
export const urls = {
  home: () => "/",
  product: (slug: string) => `/products/${slug}/`,
  alternatives: (slug: string) => `/alternatives/${slug}/`,
  sector: (slug: string) => `/sectors/${slug}/`,
  compare: (pairSlug: string) => `/compare/${pairSlug}/`,
  matrix: (slug: string) => `/matrices/${slug}/`,
  /** A matrix's data, beside its page. */
  matrixDownload: (slug: string, format: "csv" | "json") => `/matrices/${slug}/${slug}.${format}`,
  methodology: () => "/methodology/",
  search: () => "/search/",
};

/**
 * The output file for a site path: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`.
 * @example outputFileFor("/compare/a-vs-b/") // "compare/a-vs-b/index.html"
 */
export function outputFileFor(path: string): string {
  // A loop, not a regular expression: a build names 90,000 files this way, and the expression
  // took twice as long in a build's first (cold) pass.
  let start = 0;
  while (path.charCodeAt(start) === 47 /* "/" */) start++;
  const rel = path.slice(start);
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}
