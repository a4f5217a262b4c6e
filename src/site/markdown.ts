import MarkdownIt from "markdown-it";

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

/**
 * Block markdown to HTML.
 * @example renderMarkdown("Hello *world*") // "<p>Hello <em>world</em></p>\n"
 */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/**
 * Inline markdown (one paragraph, no wrapping <p>) to HTML.
 * @example renderInline("**S3** only") // "<strong>S3</strong> only"
 */
export function renderInline(source: string): string {
  return md.renderInline(source);
}

/**
 * Plain text of inline markdown, for meta descriptions and JSON-LD.
 * @example markdownToText("Kafka **4.3** [ships](https://x.y)") // "Kafka 4.3 ships"
 */
export function markdownToText(source: string): string {
  const tokens = md.parseInline(source, {});
  let out = "";
  for (const t of tokens) for (const c of t.children ?? []) if (c.type === "text" || c.type === "code_inline") out += c.content;
  return out.replace(/\s+/g, " ").trim();
}
