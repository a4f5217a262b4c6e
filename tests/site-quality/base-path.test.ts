/**
 * A site served under a path, as GitHub Pages serves a project site
 * (`https://user.github.io/versus-demo/`): every link, source, form, redirect and search result of
 * the build starts with that path and leads to a file of the output, and the absolute addresses
 * (canonical links, sitemap, feed, social cards) start with the whole `url`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExampleSiteAt, type BuildResult } from "../helpers/built-site.js";
import { checkReferences, loadBuiltSite, type BuiltSite } from "../helpers/html.js";

const URL_WITH_PATH = "https://user.github.io/versus-demo/";

let build: BuildResult;
let site: BuiltSite;

beforeAll(async () => {
  build = await buildExampleSiteAt(URL_WITH_PATH);
  site = await loadBuiltSite(build.dir);
}, 120_000);

afterAll(async () => {
  await build?.cleanup();
});

const read = (file: string): string => readFileSync(join(build.dir, file), "utf8");

describe("a site served under a path", () => {
  it("links, sources and forms of every page start with the path and lead to a file of the output", () => {
    expect(site.siteUrl.href).toBe(URL_WITH_PATH);
    const { problems, checked, toleratedPagefind } = checkReferences(site);
    expect(problems, `broken or outside the site's path (${problems.length}):\n${problems.join("\n")}`).toEqual([]);
    expect(toleratedPagefind).toEqual(new Set());
    expect(checked).toBeGreaterThan(1000);
    // Not even one link from the root of the domain, which GitHub Pages would answer with another site's 404.
    const fromRoot = [...site.pages.values()].flatMap((p) => p.parsed.references.filter((r) => /^\/(?!\/|versus-demo\/)/.test(r.url)).map((r) => `${p.file}: ${r.url}`));
    expect(fromRoot).toEqual([]);
  });

  it("redirect pages and _redirects lead to the canonical page under the path", () => {
    expect(read("compare/warpstream-vs-redpanda/index.html")).toContain('<meta http-equiv="refresh" content="0; url=/versus-demo/compare/redpanda-vs-warpstream/">');
    const lines = read("_redirects").trim().split("\n");
    expect(lines).toContain("/versus-demo/compare/warpstream-vs-redpanda/ /versus-demo/compare/redpanda-vs-warpstream/ 301");
    expect(lines.filter((l) => !/^\/versus-demo\/\S+ \/versus-demo\/\S+ 301$/.test(l))).toEqual([]);
    expect(read("_headers").split("\n").filter((l) => l !== "" && !l.startsWith(" ") && !l.startsWith("/versus-demo/"))).toEqual([]);
  });

  it("absolute addresses start with the whole url", () => {
    const home = site.pages.get("index.html")!;
    expect(home.parsed.canonical).toEqual([URL_WITH_PATH]);
    const locs = [...read("sitemap.xml").matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(40);
    expect(locs.filter((l) => !l.startsWith(URL_WITH_PATH))).toEqual([]);
    expect(read("robots.txt")).toContain(`Sitemap: ${URL_WITH_PATH}sitemap.xml`);
    expect(read("feed.xml")).toContain(`<link href="${URL_WITH_PATH}"/>`);
    expect(read("products/redpanda/index.html")).toContain(`<meta property="og:image" content="${URL_WITH_PATH}og/products/redpanda.png">`);
  });

  // pagefind.js puts the folder it is served from in front of each result's address, so the index
  // keeps addresses from the root: with the path in them too, results led to /versus-demo/versus-demo/….
  it("keeps search results' addresses from the site's root, for pagefind.js to put under the path", () => {
    const dir = join(build.dir, "pagefind", "fragment");
    const urls = readdirSync(dir).map((f) => (JSON.parse(gunzipSync(readFileSync(join(dir, f))).toString("utf8").replace(/^pagefind_dcd/, "")) as { url: string }).url);
    expect(urls).toContain("/products/redpanda/");
    expect(urls.filter((u) => u.startsWith("/versus-demo/"))).toEqual([]);
  });
});
