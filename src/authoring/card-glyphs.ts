/**
 * Social-card glyph warnings: text a card draws (site, sector and product names, taglines,
 * comparison titles) with characters the card font lacks. The card leaves them out, so a name
 * in another script would give a card with a partial or empty title; pages are unaffected, as
 * browsers draw them with the reader's fonts. Lines are added by `versus check`, as for staleness.
 */
import { SITE_FILE } from "../content/load-root.js";
import type { Content, Problem } from "../content/types.js";
import { drawableText } from "../social-cards/font-coverage.js";

const LISTED = 5;

function check(file: string, field: string, text: string | undefined): Problem[] {
  const missing = text === undefined ? [] : drawableText(text).missing;
  if (missing.length === 0) return [];
  const listed = missing.slice(0, LISTED).map((ch) => JSON.stringify(ch)).join(", ");
  const more = missing.length > LISTED ? ` and ${missing.length - LISTED} more` : "";
  return [{ severity: "warning", file, field, message: `the social card leaves out ${listed}${more}: its font, Inter, has no glyph for them (pages show them)` }];
}

/**
 * One warning per field whose text a social card cannot fully draw, in file order.
 * @example findCardGlyphGaps(content)
 * // [{ severity: "warning", file: "content/products/tokyo-db.md", field: "name",
 * //    message: 'the social card leaves out "東", "京": its font, Inter, has no glyph for them (pages show them)' }]
 */
export function findCardGlyphGaps(content: Content): Problem[] {
  return [
    ...check(SITE_FILE, "name", content.site.name),
    ...content.sectors.flatMap((s) => check(s.file, "name", s.name)),
    ...content.products.flatMap((p) => [...check(p.file, "name", p.name), ...check(p.file, "tagline", p.tagline)]),
    ...content.comparisons.flatMap((c) => check(c.file, "title", c.title)),
  ];
}
