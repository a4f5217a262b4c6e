import type { RedirectPage } from "../site/types.js";

/**
 * `_redirects` (Netlify, Cloudflare Pages): one permanent redirect per line, its paths under the
 * site's base path (see base-path.ts).
 * @example redirectsFile([{ from: "/compare/b-vs-a/", to: "/compare/a-vs-b/" }]) // "/compare/b-vs-a/ /compare/a-vs-b/ 301\n"
 */
export function redirectsFile(redirects: readonly RedirectPage[], basePath = ""): string {
  return redirects.map((r) => `${basePath}${r.from} ${basePath}${r.to} 301\n`).join("");
}

/** Fingerprinted assets live here; their names change whenever their bytes do. */
export const FINGERPRINTED_PREFIX = "/assets/";

/**
 * `_headers`: fingerprinted assets are cached for a year and never revalidated; HTML and every
 * other file is revalidated on each visit so a new build shows at once. Security headers apply
 * everywhere. Hosts join the values of every rule that matches a path, so no two rules may set
 * Cache-Control for one path: the revalidate rule names each other top-level file and folder
 * of the output (`topLevel`) instead of using `/*`. Paths are under the site's base path.
 * @example headersFile(["index.html", "compare"]).includes("/compare/*") // true
 */
export function headersFile(topLevel: readonly string[], basePath = ""): string {
  const revalidate = topLevel
    .filter((name) => `/${name}/` !== FINGERPRINTED_PREFIX)
    .flatMap((name) => (name === "index.html" ? ["/", "/index.html"] : name.includes(".") || name.startsWith("_") ? [`/${name}`] : [`/${name}/*`]));
  return [
    `${basePath}/*`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Content-Security-Policy: default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
    `${basePath}${FINGERPRINTED_PREFIX}*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    ...revalidate.flatMap((pattern) => [basePath + pattern, "  Cache-Control: public, max-age=0, must-revalidate"]),
    "",
  ].join("\n");
}
