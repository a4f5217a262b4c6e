/**
 * Escaping for text placed in HTML or SVG markup that we build as strings (FAQ answers, charts).
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const HTML_SPECIAL = /[&<>"']/g;
const HTML_SPECIAL_TEST = /[&<>"']/;

/**
 * Escapes `& < > " '` so the result is safe both as element text and inside a quoted attribute
 * value (HTML and SVG alike).
 * @example escapeHtml(`<script>alert("x")</script>`)
 * // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 * @example escapeHtml("AT&T's") // "AT&amp;T&#39;s"
 */
export function escapeHtml(text: string): string {
  // Most strings need nothing; the test avoids allocating a copy for them (hot on 45k pages).
  if (!HTML_SPECIAL_TEST.test(text)) return text;
  return text.replace(HTML_SPECIAL, (ch) => HTML_ESCAPES[ch] ?? ch);
}
