/**
 * Links in content that point into the site must reach a page or file the site builds.
 * Regression: `[x](/products/does-not-exist/)` in a body, or a Markdown image of a file in
 * assets/ (published only under a fingerprinted name, as a logo), went out as dead links.
 */
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { siteLinks } from "../../src/content/internal-links.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanupRoots, lines, load, product, ROOTS, SECTIONS } from "./helpers.js";

afterAll(cleanupRoots);

const P = "content/products/test-product.md";

describe("links into the site", () => {
  it("accepts links to the pages and files the content makes, with or without a trailing slash, query or fragment", async () => {
    const body = `${SECTIONS}
## Links

See [Kafka](/products/apache-kafka/), [its alternatives](/alternatives/apache-kafka/#top), [the pair](/compare/apache-kafka-vs-nats/),
[the pair reversed](/compare/nats-vs-apache-kafka/), [the sector](/sectors/streaming), [search](/search/?q=kafka),
[the method](/methodology/) and [the feed](/feed.xml); [elsewhere](https://example.com/x/) and [a fragment](#links).
`;
    const result = await load({ files: { [P]: product("", body) } });
    expect(lines(result)).toEqual([]);
  });

  // Regression: /products/nats/index.html, /robots.txt and a percent-encoded address of a page
  // the build writes were refused as links to no page.
  it("accepts a page's index.html, percent-encoded addresses, robots.txt and the 404 page", async () => {
    const body = `${SECTIONS}
## Links

[NATS](/products/nats/index.html), [encoded](/products/n%61ts/), [robots](/robots.txt) and [not found](/404.html).
`;
    expect(lines(await load({ files: { [P]: product("", body) } }))).toEqual([]);
  });

  // Regression: /alternatives/kafka/ and /compare/kafka-vs-nats/ were refused, though the build
  // writes a redirect page at each old address of a renamed product (its aliases).
  it("accepts the addresses of a renamed product's old slug, which redirect", async () => {
    const body = `${SECTIONS}
## Links

[Old page](/products/kafka/), [old alternatives](/alternatives/kafka/), [old pair](/compare/kafka-vs-nats/) and [reversed](/compare/nats-vs-kafka/).
`;
    const result = await load({ files: { [P]: product("", body) } });
    expect(lines(result)).toEqual([]);
  });

  it("reports each link to a page the site does not have, on its paragraph's line, with a near page", async () => {
    const body = `${SECTIONS}
## Links

First [Kafka](/products/apache-kafak/).

Then ![a logo](/assets/logo.png) and [a pair with a product the site lacks](/compare/apache-kafka-vs-duckdb/).
`;
    const result = await load({ files: { [P]: product("", body).replace("summary: Exists only in tests.", "summary: Better than [Redpanda](/products/redpand/).") } });
    const missing = (path: string, near?: string) =>
      `links to ${path}, which this site does not have; link to a page the site builds${near ? ` (did you mean ${near}?)` : ""}, or give a full https:// address`;
    expect(lines(result)).toEqual([
      `${P}:6: summary: ${missing("/products/redpand/", "/products/redpanda/")}`,
      `${P}:23: body: ${missing("/products/apache-kafak/", "/products/apache-kafka/")}`,
      `${P}:25: body: ${missing("/assets/logo.png")}`,
      `${P}:25: body: ${missing("/compare/apache-kafka-vs-duckdb/")}`,
    ]);
    expect(result.content).toBeUndefined();
  });

  // Regression: a broken link showed only once every other error of the root was fixed.
  it("reports broken links with the root's other errors, counting the pages of files with errors as there", async () => {
    const body = `${SECTIONS}
## Links

[Gone](/products/kafak/), [NATS](/products/nats/), [its pair](/compare/nats-vs-test-product/) and [a pair](/compare/apache-kafka-vs-redpanda/).
`;
    const nats = readFileSync(join(ROOTS, "minimal/content/products/nats.md"), "utf8").replace(/^website: .*$/m, "website: nats.io");
    const result = await load({ files: { [P]: product("", body), "content/products/nats.md": nats } });
    expect(lines(result)).toEqual([
      "content/products/nats.md:4: website: expected an absolute http(s) URL, found \"nats.io\"",
      `${P}:23: body: links to /products/kafak/, which this site does not have; link to a page the site builds (did you mean /products/kafka/?), or give a full https:// address`,
    ]);
  });

  it("finds inline, image and reference links to site paths, and nothing else", () => {
    const source = "A [x](/a/) ![y](/b.png) [z][ref] [w](https://c/) [v](//d/) <https://e/>\n\n[ref]: /f/?q#g\n";
    const md = new MarkdownIt({ html: false });
    expect(siteLinks(md, source, true)).toEqual([{ path: "/a/", line: 0 }, { path: "/b.png", line: 0 }, { path: "/f/", line: 0 }]);
    expect(siteLinks(md, "[x](/a/#b)", false)).toEqual([{ path: "/a/", line: 0 }]);
  });
});
