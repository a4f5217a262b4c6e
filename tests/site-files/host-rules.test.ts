/**
 * `_headers` and `_redirects` of the built example site, read the way static hosts (Netlify,
 * Cloudflare Pages) read them: a `_headers` rule is a path pattern (`*` matches anything) and
 * indented `Name: value` lines; every rule whose pattern matches a request applies, and a header
 * set by several matching rules is sent once with their values joined by ", " (Cloudflare Pages:
 * "An incoming request which matches multiple rules' URL patterns will inherit all rules' headers",
 * values of a header applied twice are comma-joined; `! Name` detaches an inherited header).
 */
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digest } from "../../src/build/digest.js";
import { headersFile, redirectsFile } from "../../src/site-files/host-rules.js";
import { build, cleanupTemps, listTree, REPO, tempDir } from "../build/build-helpers.js";
import { canonicalHref, metaRefreshUrl, readPage, select } from "../site/html.js";

interface Rule {
  pattern: string;
  regex: RegExp;
  headers: [string, string][];
  detach: string[];
}

/** Parses a `_headers` file. */
function parseHeaders(textContent: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of textContent.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
      rules.push({ pattern, regex, headers: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`header line before any path: ${line}`);
    const trimmed = line.trim();
    if (trimmed.startsWith("!")) rule.detach.push(trimmed.slice(1).trim().toLowerCase());
    else {
      const colon = trimmed.indexOf(":");
      rule.headers.push([trimmed.slice(0, colon).trim().toLowerCase(), trimmed.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers a host sends for a request path, per the semantics above. */
function effectiveHeaders(rules: Rule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules.filter((r) => r.regex.test(path))) {
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of rule.headers) out.set(name, out.has(name) ? `${out.get(name)}, ${value}` : value);
  }
  return out;
}

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "public, max-age=0, must-revalidate";

let out: string;
let files: string[];
let rules: Rule[];

/** Request paths a file is served at: `a/index.html` at `/a/` and `/a/index.html`. */
const servedAt = (file: string): string[] => (file.endsWith("index.html") ? [`/${file.slice(0, -"index.html".length)}`, `/${file}`] : [`/${file}`]);

beforeAll(async () => {
  const root = await tempDir("versus-example-root-");
  cpSync(join(REPO, "content"), join(root, "content"), { recursive: true });
  cpSync(join(REPO, "data"), join(root, "data"), { recursive: true });
  out = join(await tempDir(), "site");
  await build(root, out);
  files = listTree(out);
  rules = parseHeaders(readFileSync(join(out, "_headers"), "utf8"));
});

afterAll(cleanupTemps);

describe("_redirects", () => {
  it("is the file the build writes: `from to 301` lines, each target an existing canonical page", () => {
    const lines = readFileSync(join(out, "_redirects"), "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.length).toBeGreaterThan(0);
    const froms = new Set<string>();
    for (const line of lines) {
      const m = /^(\/\S*\/) (\/\S*\/) 301$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, from, to] = m!;
      expect(froms.has(from!), `${from} listed twice`).toBe(false);
      froms.add(from!);
      const target = `${to!.slice(1)}index.html`;
      expect(files, `${line}: target page`).toContain(target);
      const page = readPage(out, target);
      expect(metaRefreshUrl(page.doc), `${to} must be a page, not another redirect`).toBeUndefined();
      expect(canonicalHref(page.doc)).toMatch(new RegExp(`${to!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
      // Hosts without `_redirects` support get the same redirect from a page at the old URL.
      const old = readPage(out, `${from!.slice(1)}index.html`);
      expect(metaRefreshUrl(old.doc)).toBe(to);
    }
    // Product aliases of the example site are among them.
    expect(lines).toContain("/products/kafka/ /products/apache-kafka/ 301");
  });

  it("redirectsFile writes nothing for no redirects and one line per redirect", () => {
    expect(redirectsFile([])).toBe("");
    expect(redirectsFile([{ from: "/compare/b-vs-a/", to: "/compare/a-vs-b/" }])).toBe("/compare/b-vs-a/ /compare/a-vs-b/ 301\n");
  });

  it("redirectsFile puts a site's base path in front of both paths", () => {
    expect(redirectsFile([{ from: "/compare/b-vs-a/", to: "/compare/a-vs-b/" }], "/repo")).toBe("/repo/compare/b-vs-a/ /repo/compare/a-vs-b/ 301\n");
  });
});

describe("_headers", () => {
  it("is the file headersFile() describes", () => {
    expect(readFileSync(join(out, "_headers"), "utf8")).toBe(headersFile(readdirSync(out).sort()));
  });

  it("headersFile puts a site's base path in front of every pattern", () => {
    const patterns = headersFile(["404.html", "assets", "compare", "index.html"], "/repo")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith(" "));
    expect(patterns).toEqual(["/repo/*", "/repo/assets/*", "/repo/404.html", "/repo/compare/*", "/repo/", "/repo/index.html"]);
  });

  it("every file under /assets/ is named by a fingerprint of its bytes", () => {
    const assets = files.filter((f) => f.startsWith("assets/"));
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const file of assets) {
      const m = /^assets\/(?:.+\/)?[a-z0-9-]+\.([A-Za-z0-9]{10})\.[a-z0-9]+$/.exec(file);
      expect(m, file).not.toBeNull();
      expect(m![1], file).toBe(digest(readFileSync(join(out, file))).slice(0, 10).replace(/[-_]/g, "0"));
    }
  });

  it("every file under /assets/ is matched by the immutable cache rule, and every page references existing assets", () => {
    const immutable = rules.filter((r) => r.headers.some(([n, v]) => n === "cache-control" && v === IMMUTABLE));
    expect(immutable.map((r) => r.pattern)).toEqual(["/assets/*"]);
    for (const file of files.filter((f) => f.startsWith("assets/"))) expect(immutable[0]!.regex.test(`/${file}`), file).toBe(true);
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const page = readPage(out, file);
      for (const el of [...select(page.doc, "link"), ...select(page.doc, "script")]) {
        const ref = el.attribs.href ?? el.attribs.src;
        if (ref?.startsWith("/assets/")) expect(existsSync(join(out, ref)), `${file} → ${ref}`).toBe(true);
      }
    }
  });

  it("a host sends exactly the immutable Cache-Control for fingerprinted assets", () => {
    const wrong = files
      .filter((f) => f.startsWith("assets/"))
      .map((f) => [f, effectiveHeaders(rules, `/${f}`).get("cache-control")] as const)
      .filter(([, v]) => v !== IMMUTABLE)
      .map(([f, v]) => `/${f}: Cache-Control: ${v}`);
    expect(wrong).toEqual([]);
  });

  it("HTML (and every other file) gets the revalidate rule, never the immutable one", () => {
    const pages = files.filter((f) => !f.startsWith("assets/"));
    expect(pages.filter((f) => f.endsWith(".html")).length).toBeGreaterThan(50);
    for (const file of pages) {
      for (const path of servedAt(file)) expect(effectiveHeaders(rules, path).get("cache-control"), path).toBe(REVALIDATE);
    }
  });

  it("security headers apply to pages and assets alike", () => {
    for (const path of ["/", "/compare/apache-kafka-vs-appwrite/", `/${files.find((f) => f.startsWith("assets/"))!}`]) {
      const headers = effectiveHeaders(rules, path);
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("content-security-policy"), path).toMatch(/script-src 'self'/);
      expect(headers.get("content-security-policy"), path).toMatch(/object-src 'none'/);
    }
  });
});
