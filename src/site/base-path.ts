/**
 * A site served under a path (a GitHub Pages project site, `https://user.github.io/repo/`):
 * templates and views link from the root (`/products/redpanda/`), and the build puts the path in
 * front of every such link as it writes a page. Absolute addresses (canonical links, sitemap,
 * feed) already start with the site's `url`, path included.
 */
import { escapeHtml } from "../compute/escape-html.js";

/**
 * The path part of a site's `url`, without its last slash: "" for a site at the root of its domain.
 * @example basePathOf("https://user.github.io/repo/") // "/repo"
 * @example basePathOf("https://versus.example.com") // ""
 */
export function basePathOf(siteUrl: string): string {
  return new URL(siteUrl).pathname.replace(/\/+$/, "");
}

// Root-relative addresses in the attributes pages link with, and in a redirect page's refresh;
// not "//host/…", which names another host. Templates quote attributes with double quotes, and
// text and JSON-LD escape theirs, so `href="/` never appears in a page's text.
const ROOT_RELATIVE = /(\s(?:href|src|action)="|<meta http-equiv="refresh" content="\d+; url=)\/(?!\/)/g;

/**
 * `html` with `basePath` in front of each root-relative link, form action, source and refresh.
 * @example withBasePath('<a href="/products/redpanda/">', "/repo") // '<a href="/repo/products/redpanda/">'
 */
export function withBasePath(html: string, basePath: string): string {
  if (basePath === "") return html;
  const prefix = `${escapeHtml(basePath)}/`;
  return html.replace(ROOT_RELATIVE, (_, before: string) => before + prefix);
}

