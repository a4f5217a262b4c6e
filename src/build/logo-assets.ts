import { readFileSync } from "node:fs";
import path from "node:path";
import { logoSourcePath } from "../content/logo-files.js";
import type { Content } from "../content/types.js";
import { fingerprinted, type BuiltAssets } from "./assets.js";

export interface LogoAssets {
  /** Each logo's site path as editors wrote it → the fingerprinted path the site serves it at. */
  urls: Map<string, string>;
  /** The logo files to publish, path relative to the output folder. */
  files: BuiltAssets["files"];
}

/**
 * The logo files products name by a site path (`/assets/logos/redpanda.svg`), read from the
 * site root's `assets/` folder (checked by loadRoot) and published under a fingerprint of their
 * bytes, like the site's own assets: `/assets/*` is cached for a year, so a new logo needs a new
 * name. Each file is read once, however many products share it.
 * @example logoAssets("/site", content).urls.get("/assets/logos/redpanda.svg") // "/assets/logos/redpanda.Xq3f2a9c1b.svg"
 */
export function logoAssets(root: string, content: Content): LogoAssets {
  const urls = new Map<string, string>();
  const files: BuiltAssets["files"] = [];
  for (const product of content.products) {
    const source = product.logo === undefined ? undefined : logoSourcePath(product.logo);
    if (source === undefined || urls.has(product.logo!)) continue;
    const bytes = readFileSync(path.join(root, source));
    const file = fingerprinted(source, bytes);
    urls.set(product.logo!, `/${file}`);
    files.push({ file, bytes });
  }
  return { urls, files };
}

/**
 * The content with each product's logo at the path the site serves it from (see logoAssets).
 * @example withLogoUrls(content, logos.urls).products[0].logo // "/assets/logos/redpanda.Xq3f2a9c1b.svg"
 */
export function withLogoUrls(content: Content, urls: ReadonlyMap<string, string>): Content {
  if (urls.size === 0) return content;
  return { ...content, products: content.products.map((p) => (p.logo !== undefined && urls.has(p.logo) ? { ...p, logo: urls.get(p.logo)! } : p)) };
}

/**
 * The site's own assets with the logo files added, to be published together.
 * @example withLogoFiles(buildAssets(), logos).files.map((f) => f.file) // […, "assets/logos/redpanda.Xq3f2a9c1b.svg"]
 */
export function withLogoFiles(assets: BuiltAssets, logos: LogoAssets): BuiltAssets {
  return logos.files.length === 0 ? assets : { paths: assets.paths, files: [...assets.files, ...logos.files] };
}
