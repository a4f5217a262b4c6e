import { escapeHtml } from "../compute/escape-html.js";
import type { Link } from "./types.js";

/**
 * Serializes a JSON-LD object so that no string from content can end the script element
 * or open an HTML comment: `<`, `>`, `&` and the JS line separators become \u escapes,
 * which JSON.parse reads back to the original characters.
 * @example serializeJsonLd({ name: "</script>" }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** schema.org BreadcrumbList for a trail of site-relative links. */
export function breadcrumbList(siteUrl: string, crumbs: Link[]): object {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: siteUrl + c.url })),
  };
}

/** schema.org ItemList of ranked pages. */
export function itemList(siteUrl: string, name: string, items: Link[]): object {
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name,
    itemListOrder: "https://schema.org/ItemListOrderDescending",
    itemListElement: items.map((l, i) => ({ "@type": "ListItem", position: i + 1, name: l.name, url: siteUrl + l.url })),
  };
}

/**
 * schema.org FAQPage from questions and plain-text answers. Search engines read an Answer's
 * text as HTML, so the plain text is escaped: "<b>" written in content is shown as text on the
 * page, and must stay text there too.
 * @example faqPage([{ question: "Q?", answerText: "R&D <b>" }]) // { …, mainEntity: [{ …, acceptedAnswer: { "@type": "Answer", text: "R&amp;D &lt;b&gt;" } }] }
 */
export function faqPage(items: { question: string; answerText: string }[]): object {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: items.map((q) => ({ "@type": "Question", name: q.question, acceptedAnswer: { "@type": "Answer", text: escapeHtml(q.answerText) } })),
  };
}
