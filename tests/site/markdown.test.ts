/** Content markdown: raw HTML off, only safe link targets, tables made readable and scrollable. */
import { describe, expect, it } from "vitest";
import { isSafeHref, markdownToText, renderInline, renderMarkdown } from "../../src/site/markdown.js";

describe("isSafeHref", () => {
  it.each([
    ["https://kafka.apache.org/", true],
    ["HTTP://example.com", true],
    ["mailto:editors@example.com", true],
    ["/products/redpanda/", true],
    ["#current-state", true],
    ["../alternatives/", true],
    ["notes", true],
    ["javascript:alert(1)", false],
    [" JavaScript:alert(1)", false],
    ["data:text/html,<p>x</p>", false],
    ["vbscript:x", false],
    ["file:///etc/passwd", false],
    ["//evil.example/", false],
    ["java\tscript:alert(1)", false],
  ])("%j → %s", (url, safe) => {
    expect(isSafeHref(url)).toBe(safe);
  });
});

describe("renderMarkdown", () => {
  it("shows raw HTML as text instead of running it", () => {
    expect(renderMarkdown('<script>alert(1)</script> and <img src=x onerror="y">')).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=&quot;y&quot;&gt;</p>\n",
    );
  });

  it("links only safe targets, and marks links that leave the site noopener", () => {
    expect(renderMarkdown("[bad](javascript:alert(1)) [ok](https://x.example/) [here](/products/a/)")).toBe(
      '<p>[bad](javascript:alert(1)) <a href="https://x.example/" rel="noopener">ok</a> <a href="/products/a/">here</a></p>\n',
    );
    expect(renderMarkdown("![pic](javascript:x)")).not.toContain("<img");
  });

  it("captions a table with the heading above it, else the given caption, and wraps it in a labelled scroll region", () => {
    const table = "| Plan | Price |\n| --- | --- |\n| Free | 0 |\n";
    const html = renderMarkdown(`## Pricing & plans\n\n${table}`);
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Pricing &amp; plans"><table>\n<caption>Pricing &amp; plans</caption>');
    expect(html).toContain('<th scope="col">Plan</th>');
    expect(renderMarkdown(table, "Current state")).toContain("<caption>Current state</caption>");
    expect(renderMarkdown(table)).toContain("<caption>Table</caption>");
  });
});

describe("renderInline and markdownToText", () => {
  it("renders one paragraph without a <p>, and reduces it to plain text for meta tags and JSON-LD", () => {
    expect(renderInline("**S3** only, `acks=all`")).toBe("<strong>S3</strong> only, <code>acks=all</code>");
    expect(markdownToText("Kafka **4.3** [ships](https://x.y) with `KRaft`")).toBe("Kafka 4.3 ships with KRaft");
  });

  it("writes each link's whole address after its text when asked, as the FAQ's JSON-LD answers do", () => {
    const source = "See [the guide](/methodology/) and [Kafka's site](https://kafka.apache.org/).";
    expect(markdownToText(source)).toBe("See the guide and Kafka's site.");
    expect(markdownToText(source, { linksFrom: "https://v.example" })).toBe("See the guide (https://v.example/methodology/) and Kafka's site (https://kafka.apache.org/).");
    // An unsafe target is no link, so it has no address to write.
    expect(markdownToText("[bad](javascript:alert(1))", { linksFrom: "https://v.example" })).toBe("[bad](javascript:alert(1))");
  });

  // Regression: line breaks were dropped, so a FAQ answer written over two lines reached the
  // JSON-LD as "Kafka 4.3ships".
  it("turns a line break between words into a space", () => {
    expect(markdownToText("Kafka **4.3**\nships with KRaft  \nand share groups")).toBe("Kafka 4.3 ships with KRaft and share groups");
  });
});
