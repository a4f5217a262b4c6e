/**
 * Logo files from the site root's assets/ folder: published under a fingerprint of their bytes
 * (assets are cached for a year), linked from every page that shows the product, and replaced,
 * with the pages that show them, when the file changes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprinted } from "../../src/build/assets.js";
import { logoAssets, withLogoFiles, withLogoUrls } from "../../src/build/logo-assets.js";
import { loadRoot } from "../../src/content/load-root.js";
import type { Content } from "../../src/content/types.js";
import { cleanupRoots } from "../content/helpers.js";
import { build, changedBytes, cleanupTemps, parseSummary, smallRoot, snapshot, tempDir } from "./build-helpers.js";

const LOGO = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'><rect width='1' height='1'/></svg>";
const NATS = "content/products/nats.md";

let root: string;
let content: Content;

beforeAll(async () => {
  root = await smallRoot({ "assets/logos/nats.svg": LOGO });
  writeFileSync(join(root, NATS), readFileSync(join(root, NATS), "utf8").replace("tagline:", "logo: /assets/logos/nats.svg\ntagline:"));
  const loaded = await loadRoot(root, { rethrowInternalErrors: true });
  expect(loaded.problems).toEqual([]);
  content = loaded.content!;
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

describe("fingerprinted", () => {
  it("puts a fingerprint of the bytes before the extension, the same for the same bytes", () => {
    const bytes = new TextEncoder().encode(LOGO);
    const name = fingerprinted("assets/logos/nats.svg", bytes);
    expect(name).toMatch(/^assets\/logos\/nats\.[A-Za-z0-9]{10}\.svg$/);
    expect(fingerprinted("assets/logos/nats.svg", new TextEncoder().encode(LOGO))).toBe(name);
    expect(fingerprinted("assets/logos/nats.svg", new TextEncoder().encode(`${LOGO}\n`))).not.toBe(name);
  });
});

describe("logoAssets", () => {
  it("reads each named logo once and points the products at its fingerprinted path", () => {
    // Two products name a logo here: NATS (added above) and Redpanda (in the fixture).
    const both = { ...content, products: [...content.products, { ...content.products.find((p) => p.slug === "nats")!, slug: "nats-copy" }] };
    const logos = logoAssets(root, both);
    const url = logos.urls.get("/assets/logos/nats.svg")!;
    expect(url).toBe(`/${fingerprinted("assets/logos/nats.svg", new TextEncoder().encode(LOGO))}`);
    expect(logos.files.map((f) => f.file)).toEqual([url.slice(1), logos.urls.get("/assets/logos/redpanda.svg")!.slice(1)].sort());
    expect(logos.files.find((f) => f.file === url.slice(1))!.bytes).toEqual(Buffer.from(LOGO));
    const rewritten = withLogoUrls(both, logos.urls);
    expect(rewritten.products.filter((p) => p.slug.startsWith("nats")).map((p) => p.logo)).toEqual([url, url]);
    expect(rewritten.products.find((p) => p.slug === "duckdb")).toBe(both.products.find((p) => p.slug === "duckdb"));
    const assets = { paths: { css: "/a.css", js: "/a.js", search: "/s.js", icon: "/i.svg" }, files: [] };
    expect(withLogoFiles(assets, logos).files.map((f) => f.file)).toEqual(logos.files.map((f) => f.file));
  });
});

describe("a build with a logo", () => {
  it("publishes the logo under its fingerprint, links it, and replaces it and the pages that show it when it changes", async () => {
    const output = join(await tempDir(), "site");
    await build(root, output, ["--no-search", "--no-social-cards"]);
    const first = snapshot(output);
    const oldFile = [...first.keys()].find((f) => f.startsWith("assets/logos/nats."))!;
    expect(first.get(oldFile)!.bytes.toString()).toBe(LOGO);
    expect(first.get("products/nats/index.html")!.bytes.toString()).toContain(`<img class="logo" src="/${oldFile}"`);

    writeFileSync(join(root, "assets/logos/nats.svg"), LOGO.replace("width='1'", "width='0.5'"));
    const result = await build(root, output, ["--no-search", "--no-social-cards"]);
    const second = snapshot(output);
    const newFile = [...second.keys()].find((f) => f.startsWith("assets/logos/nats."))!;
    expect(newFile).not.toBe(oldFile);
    expect(second.has(oldFile)).toBe(false);
    const changed = changedBytes(first, second);
    expect(changed).toEqual(expect.arrayContaining([oldFile, newFile, "products/nats/index.html", "compare/apache-kafka-vs-nats/index.html"]));
    // The databases pair shows no NATS card: untouched.
    expect(changed).not.toContain("compare/duckdb-vs-postgres/index.html");
    expect(parseSummary(result.stdout).removed).toBe(1);
  });
});
