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

/**
 * Block markdown to HTML. `caption` names tables that have no heading above them. The HTML is
 * flattened: a product's summary is copied into each of its pair pages.
 * @example renderMarkdown("Hello *world*") // "<p>Hello <em>world</em></p>\n"
 */
export function renderMarkdown(source: string, caption?: string): string {
  return flatString(md.render(source, caption === undefined ? {} : { caption }));
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
