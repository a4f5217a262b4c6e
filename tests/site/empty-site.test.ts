/**
 * A new site: data/site.json and no records yet. It used to fail to build (the methodology
 * page's worked example read the first product, and there was none).
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build, cleanupTemps, listTree, parseSummary, REPO, tempDir } from "../build/build-helpers.js";

afterAll(cleanupTemps);

describe("a site without products", () => {
  it("builds its home, methodology, search and 404 pages, with no dead link", async () => {
    const root = await tempDir();
    mkdirSync(join(root, "data"));
    copyFileSync(join(REPO, "tests/fixtures/sites/small/data/site.json"), join(root, "data/site.json"));
    const out = join(await tempDir(), "site");
    const result = await build(root, out, ["--no-social-cards"]);
    expect(parseSummary(result.stdout).pages).toBe(4);
    const pages = listTree(out).filter((f) => f.endsWith(".html"));
    expect(pages).toEqual(["404.html", "index.html", "methodology/index.html", "search/index.html"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("<p class=\"block\">No products are tracked yet.</p>");
    expect(readFileSync(join(out, "methodology/index.html"), "utf8")).not.toContain("A worked example");
    for (const page of pages) {
      for (const [, href] of readFileSync(join(out, page), "utf8").matchAll(/href="(\/[^"#?]*)"/g)) {
        const file = href!.endsWith("/") ? `${href!.slice(1)}index.html` : href!.slice(1);
        expect(listTree(out), `${page} links to ${href}`).toContain(file);
      }
    }
  });
});
