/** Content markdown: raw HTML off, only safe link targets, tables made readable and scrollable. */
import { describe, expect, it } from "vitest";
import { deeperHeadings, isSafeHref, markdownToText, renderInline, renderMarkdown } from "../../src/site/markdown.js";

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
    expect(renderMarkdown(table, { caption: "Current state" })).toContain("<caption>Current state</caption>");
    expect(renderMarkdown(table)).toContain("<caption>Table</caption>");
  });

  it("makes a code block focusable, so a keyboard can scroll its long lines (axe: scrollable-region-focusable)", () => {
    expect(renderMarkdown("```sh\nnpx versus build\n```")).toBe('<pre tabindex="0"><code class="language-sh">npx versus build\n</code></pre>\n');
    expect(renderMarkdown("    indented code")).toBe('<pre tabindex="0"><code>indented code\n</code></pre>\n');
  });

  it("places an editor's headings under the page heading the body sits under, never a second <h1> nor past <h6>", () => {
    const body = "# Title\n\n## Part\n\n### Detail\n\n###### Deepest\n";
    // A sector's intro, under the page's <h1>: "##" stays an <h2>, and "#" becomes one.
    expect(renderMarkdown(body)).toBe("<h2>Title</h2>\n<h2>Part</h2>\n<h3>Detail</h3>\n<h6>Deepest</h6>\n");
    // A product section, an <h2> whose editor writes "###" for its own headings.
    expect(renderMarkdown(body, { headings: { below: 2, top: 3 } })).toBe("<h3>Title</h3>\n<h3>Part</h3>\n<h3>Detail</h3>\n<h6>Deepest</h6>\n");
    // A matrix's notes, under an <h2>, written from "##".
    expect(renderMarkdown(body, { headings: { below: 2, top: 2 } })).toBe("<h3>Title</h3>\n<h3>Part</h3>\n<h4>Detail</h4>\n<h6>Deepest</h6>\n");
    // The same product section in a pair page's side-by-side, under an <h4>.
    expect(deeperHeadings(renderMarkdown("### Detail\n\n#### More\n", { headings: { below: 2, top: 3 } }), 2)).toBe("<h5>Detail</h5>\n<h6>More</h6>\n");
    expect(deeperHeadings("<pre tabindex=\"0\"><code>&lt;h3&gt;</code></pre>\n", 2)).toBe("<pre tabindex=\"0\"><code>&lt;h3&gt;</code></pre>\n");
  });
});

describe("renderMarkdown with a memo", () => {
  /** A memo in memory that records which keys it was asked for and which it rendered. */
  function memo() {
    const kept = new Map<string, string>();
    const rendered: string[] = [];
    return {
      rendered,
      html(key: string, render: () => string): string {
        let html = kept.get(key);
        if (html === undefined) {
          kept.set(key, (html = render()));
          rendered.push(key);
        }
        return html;
      },
    };
  }

  it("gives the HTML of a render without it, rendering each text and options once", () => {
    const m = memo();
    const source = "Setup\n\n### Notes\n\n| A |\n| --- |\n| 1 |\n";
    const options = { caption: "Current state", headings: { below: 2, top: 3 } };
    const plain = renderMarkdown(source, options);
    expect(renderMarkdown(source, options, m)).toBe(plain);
    expect(renderMarkdown(source, options, m)).toBe(plain);
    expect(m.rendered).toHaveLength(1);
  });

  it("keeps apart the same text under another caption or heading level, and another text", () => {
    const m = memo();
    const table = "| A |\n| --- |\n| 1 |\n\n### Notes\n";
    expect(renderMarkdown(table, { caption: "Pricing" }, m)).toContain("<caption>Pricing</caption>");
    expect(renderMarkdown(table, { caption: "Prediction" }, m)).toContain("<caption>Prediction</caption>");
    expect(renderMarkdown(table, { caption: "Prediction", headings: { below: 2, top: 3 } }, m)).toContain("<h3>Notes</h3>");
    expect(renderMarkdown(table, { caption: "Prediction", headings: { below: 3, top: 3 } }, m)).toContain("<h4>Notes</h4>");
    expect(renderMarkdown(`${table}More.\n`, { caption: "Prediction" }, m)).toContain("<p>More.</p>");
    expect(m.rendered).toHaveLength(5);
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
