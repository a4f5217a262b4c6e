import MarkdownIt from "markdown-it";
import { flatString } from "../compute/flat-string.js";

/**
 * Allowed link targets in content: http(s), mailto, and site-relative or fragment links.
 * Anything else (javascript:, vbscript:, data:, file:, protocol-relative) is not linked.
 * @example isSafeHref("https://kafka.apache.org/") // true
 * @example isSafeHref("javascript:alert(1)") // false
 */
export function isSafeHref(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith("//")) return false;
  if (/^(\/|#|\.\/|\.\.\/)/.test(trimmed)) return true;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  if (!scheme) return !/[\s\u0000-\u001f]/.test(trimmed) && !trimmed.includes(":");
  return ["http", "https", "mailto"].includes(scheme[1]!.toLowerCase());
}

// Raw HTML off: content is untrusted. Images are allowed only with safe URLs, like links.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = isSafeHref;

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet("href") ?? "");
  // External links leave the site: no referrer leaks into window.opener.
  if (/^https?:/i.test(href)) token.attrSet("rel", "noopener");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Tables from content read like the site's own: a caption (the nearest heading above, else
// the section's title), column headers with scope, and a scroll region so a wide table never
// makes the page scroll sideways on a phone.
md.core.ruler.push("table_captions", (state) => {
  let heading = (state.env as { caption?: string }).caption ?? "Table";
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open") heading = tokens[i + 1]?.content ?? heading;
    if (t.type === "th_open") t.attrSet("scope", "col");
    if (t.type === "table_open") {
      const caption = new state.Token("html_block", "", 0);
      caption.content = `<caption>${md.utils.escapeHtml(heading)}</caption>`;
      tokens.splice(i + 1, 0, caption);
      t.meta = { caption: heading };
    }
  }
});
md.renderer.rules.table_open = (tokens, idx) =>
  `<div class="table-scroll" role="region" tabindex="0" aria-label="${md.utils.escapeHtml(String(tokens[idx]!.meta?.caption ?? "Table"))}"><table>\n`;
md.renderer.rules.table_close = () => "</table></div>\n";

// A code block with a long line scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
for (const rule of ["fence", "code_block"] as const) {
  const render = md.renderer.rules[rule]!;
  md.renderer.rules[rule] = (...args) => render(...args).replace(/^<pre>/, '<pre tabindex="0">');
}

/** Where a body's headings go in the page's outline (see renderMarkdown). */
interface HeadingPlace {
  /** Level of the page heading the body sits under. */
  below: number;
  /** The level an editor writes for the body's own top headings. */
  top: number;
}

// An editor's heading keeps its place relative to the body's top level, one level under the
// heading the body sits under; a "#" never makes a second <h1>, nor a level past <h6>.
md.core.ruler.push("heading_places", (state) => {
  const place = (state.env as { headings?: HeadingPlace }).headings ?? { below: 1, top: 2 };
  for (const t of state.tokens) {
    if (t.type !== "heading_open" && t.type !== "heading_close") continue;
    const level = Number(t.tag.slice(1)) - place.top + place.below + 1;
    t.tag = `h${Math.min(6, Math.max(place.below + 1, level))}`;
  }
});

/**
 * HTML rendered before, kept by a caller that renders the same markdown build after build (see
 * MarkdownCache): `html` returns what `render` made for `key` before, or calls it.
 */
export interface MarkdownMemo {
  html(key: string, render: () => string): string;
}

/**
 * Block markdown to HTML. `caption` names tables that have no heading above them; `headings`
 * places the body's headings under the page heading it sits under (default: under the page's
 * <h1>, with "##" as its top level). The HTML is flattened: a product's summary is copied into
 * each of its pair pages. With `memo`, HTML rendered before for the same text and options is
 * taken from it.
 * @example renderMarkdown("Hello *world*") // "<p>Hello <em>world</em></p>\n"
 * @example renderMarkdown("## Notes", { headings: { below: 2, top: 2 } }) // "<h3>Notes</h3>\n"
 */
export function renderMarkdown(source: string, options: { caption?: string; headings?: HeadingPlace } = {}, memo?: MarkdownMemo): string {
  const render = (): string => flatString(md.render(source, { ...options }));
  // JSON holds no raw line break, so no two texts and options make one key.
  return memo ? memo.html(`${JSON.stringify([options.caption ?? null, options.headings ?? null])}\n${source}`, render) : render();
}

/**
 * Moves every heading of rendered markdown `by` levels deeper (at most <h6>), for a body shown
 * under a deeper heading than the one it was rendered for. Safe on renderMarkdown's output:
 * raw HTML is off, so every "<h1>"…"<h6>" in it is a heading.
 * @example deeperHeadings("<h3>Setup</h3>\n", 2) // "<h5>Setup</h5>\n"
 */
export function deeperHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])>/g, (_, close: string, level: string) => `<${close}h${Math.min(6, Number(level) + by)}>`);
}

/**
 * Inline markdown (one paragraph, no wrapping <p>) to HTML.
 * @example renderInline("**S3** only") // "<strong>S3</strong> only"
 */
export function renderInline(source: string): string {
  return flatString(md.renderInline(source));
}

/**
 * Plain text of inline markdown, for meta descriptions and JSON-LD. With `linksFrom` (the site's
 * origin), each link's address follows its text, whole, as the generated FAQ answers write it.
 * @example markdownToText("Kafka **4.3** [ships](https://x.y)") // "Kafka 4.3 ships"
 * @example markdownToText("See [the guide](/methodology/).", { linksFrom: "https://v.example" }) // "See the guide (https://v.example/methodology/)."
 */
export function markdownToText(source: string, options: { linksFrom?: string } = {}): string {
  const tokens = md.parseInline(source, {});
  let out = "";
  let href = "";
  for (const t of tokens) {
    for (const c of t.children ?? []) {
      if (c.type === "text" || c.type === "code_inline") out += c.content;
      // A line break inside the text separates words: "4.3\nships" is "4.3 ships", not "4.3ships".
      else if (c.type === "softbreak" || c.type === "hardbreak") out += " ";
      else if (c.type === "link_open") href = String(c.attrGet("href") ?? "");
      else if (c.type === "link_close" && options.linksFrom !== undefined && href) out += ` (${href.startsWith("/") ? options.linksFrom + href : href})`;
    }
  }
  return out.replace(/\s+/g, " ").trim();
}
