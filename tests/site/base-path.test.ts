import { describe, expect, it } from "vitest";
import { basePathOf, withBasePath } from "../../src/site/base-path.js";
import { renderInline, renderMarkdown } from "../../src/site/markdown.js";

describe("basePathOf", () => {
  it.each([
    ["https://versus.example.com", ""],
    ["https://versus.example.com/", ""],
    ["https://user.github.io/repo", "/repo"],
    ["https://user.github.io/repo/", "/repo"],
    ["https://example.com/a/b/", "/a/b"],
  ])("%s → %j", (url, expected) => {
    expect(basePathOf(url)).toBe(expected);
  });
});

describe("withBasePath", () => {
  const page = [
    '<link rel="stylesheet" href="/assets/site.abc.css">',
    '<meta http-equiv="refresh" content="0; url=/compare/a-vs-b/">',
    '<link rel="canonical" href="https://user.github.io/repo/compare/a-vs-b/">',
    '<form class="search-form" action="/search/" method="get">',
    '<a href="/">Home</a> <a href="/products/redpanda/#timeline">Redpanda</a> <img src="/assets/logos/r.svg" alt="">',
    '<a href="//cdn.example.com/x">other host</a> <a href="#main">skip</a> <a href="https://example.com/">out</a>',
    "<p>Write href=&quot;/products/&quot; in a link.</p>",
    '<script type="application/ld+json">{"text":"<a href=\\"/x\\">"}</script>',
  ].join("\n");

  it("puts the base path in front of each root-relative link, action, source and refresh, and nothing else", () => {
    expect(withBasePath(page, "/repo").split("\n")).toEqual([
      '<link rel="stylesheet" href="/repo/assets/site.abc.css">',
      '<meta http-equiv="refresh" content="0; url=/repo/compare/a-vs-b/">',
      '<link rel="canonical" href="https://user.github.io/repo/compare/a-vs-b/">',
      '<form class="search-form" action="/repo/search/" method="get">',
      '<a href="/repo/">Home</a> <a href="/repo/products/redpanda/#timeline">Redpanda</a> <img src="/repo/assets/logos/r.svg" alt="">',
      '<a href="//cdn.example.com/x">other host</a> <a href="#main">skip</a> <a href="https://example.com/">out</a>',
      "<p>Write href=&quot;/products/&quot; in a link.</p>",
      '<script type="application/ld+json">{"text":"<a href=\\"/x\\">"}</script>',
    ]);
  });

  it("finds attributes after any white space, a line break too", () => {
    expect(withBasePath('<a class="more"\n  href="/products/">', "/repo")).toBe('<a class="more"\n  href="/repo/products/">');
  });

  it("reaches the links editors write in markdown from the site's root", () => {
    expect(withBasePath(renderMarkdown("See [Redpanda](/products/redpanda/)."), "/repo")).toContain('<a href="/repo/products/redpanda/">Redpanda</a>');
    expect(withBasePath(renderInline("[Kafka](/compare/apache-kafka-vs-redpanda/)"), "/repo")).toContain('<a href="/repo/compare/apache-kafka-vs-redpanda/">Kafka</a>');
  });

  it("returns the page as it is for a site at the root of its domain", () => {
    expect(withBasePath(page, "")).toBe(page);
  });

  it("escapes the base path for HTML and takes it literally", () => {
    expect(withBasePath('<a href="/x/">', "/a&b$1")).toBe('<a href="/a&amp;b$1/x/">');
  });
});
