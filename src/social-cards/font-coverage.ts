/**
 * Which characters the social cards can draw: those of the Inter subsets they load. Kept apart
 * from the renderer so `versus check` can tell editors what a card leaves out without loading
 * satori.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The Inter subsets a card loads, in fallback order (see social-card.ts). */
export const CARD_FONT_SUBSETS = ["latin", "latin-ext", "greek", "greek-ext", "cyrillic", "cyrillic-ext", "vietnamese"] as const;

let ranges: [number, number][] | undefined;

/** Code point ranges the loaded subsets cover, from @fontsource/inter/unicode.json (read once). */
function cardFontRanges(): [number, number][] {
  if (ranges) return ranges;
  const require = createRequire(import.meta.url);
  const unicode = JSON.parse(readFileSync(require.resolve("@fontsource/inter/unicode.json"), "utf8")) as Record<string, string>;
  ranges = CARD_FONT_SUBSETS.flatMap((subset) => parseUnicodeRange(unicode[subset] ?? ""));
  return ranges;
}

/**
 * True when a card font has a glyph for the code point.
 * @example hasCardGlyph("Ł".codePointAt(0)!) // true
 * @example hasCardGlyph("東".codePointAt(0)!) // false
 */
export function hasCardGlyph(codePoint: number): boolean {
  return cardFontRanges().some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

/**
 * Text as a card reads it, before layout: NFC, control characters and line separators as
 * spaces, invisible format characters (bidi overrides among them, which could reverse the text)
 * dropped, and characters no card font has left out of `text` and listed once in `missing`.
 * The one rule for both the card (cardText) and the editor's warning (findCardGlyphGaps).
 * @example drawableText("Kafka\u202E 東京 ⚡ 東") // { text: "Kafka   ", missing: ["東", "京", "⚡"] }
 */
export function drawableText(text: string): { text: string; missing: string[] } {
  let out = "";
  const missing = new Set<string>();
  for (const ch of text.normalize("NFC").replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ")) {
    if (/\p{Cf}/u.test(ch)) continue;
    if (ch === " " || hasCardGlyph(ch.codePointAt(0)!)) out += ch;
    else missing.add(ch);
  }
  return { text: out, missing: [...missing] };
}

/**
 * Code point ranges from a CSS unicode-range list.
 * @example parseUnicodeRange("U+0000-00FF,U+0131") // [[0, 255], [305, 305]]
 */
export function parseUnicodeRange(list: string): [number, number][] {
  return list.split(",").flatMap((part) => {
    const m = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    return m ? [[parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)] as [number, number]] : [];
  });
}
