/**
 * No broken links in the built site. A crawler over the output folder (not over HTTP, so pages
 * nothing links to are checked too) reads every HTML file with a real HTML parser
 * (tests/helpers/html.ts) and checks that every internal reference — a/area/link href,
 * script/img/source/… src and srcset, SVG use/image href, meta refresh and og:url/og:image,
 * and links written with the production origin — resolves to a file in the output, and that every
 * #fragment (same page or another page) names an id (or a[name]) on the target page, including
 * SVG url(#id) references.
 *
 * Pagefind (/pagefind/…) is tolerated while the build does not produce it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { builtSiteDir } from "../helpers/built-site.js";
import { checkReferences, loadBuiltSite, type BuiltSite } from "../helpers/html.js";

let site: BuiltSite;

beforeAll(async () => {
  site = await loadBuiltSite(await builtSiteDir());
});

describe("links", () => {
  it("the crawl finds the site's pages", () => {
    expect(site.pages.size, "HTML files in the output").toBeGreaterThan(20);
    for (const path of ["index.html", "404.html", "compare/apache-kafka-vs-appwrite/index.html", "matrices/kafka-compatible-streaming/index.html"]) {
      expect(site.pages.has(path), `${path} is in the output`).toBe(true);
    }
  });

  it("every internal href/src (and every #fragment, on the same page or another) resolves", () => {
    const { problems, checked, fragments, external, toleratedPagefind } = checkReferences(site);
    if (toleratedPagefind.size) {
      console.warn(`[links] Pagefind is not built yet; tolerated missing ${[...toleratedPagefind].join(", ")}`);
    }
    console.log(`[links] ${site.pages.size} pages: ${checked} internal references and ${fragments} fragments checked, ${external} external links not followed`);
    expect(problems, `broken internal links (${problems.length}):\n${problems.join("\n")}`).toEqual([]);
  });
});
