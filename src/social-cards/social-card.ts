/**
 * Open Graph / social cards: a 1200×630 PNG per product and comparison page.
 * satori lays out an element tree (plain objects, no JSX) and turns text into SVG paths;
 * resvg rasterises the SVG. Text is always passed as text nodes, never parsed as markup.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import satori from "satori";
import { Resvg } from "@resvg/resvg-js";
import { CARD_FONT_SUBSETS, drawableText } from "./font-coverage.js";

export interface SocialCardStat {
  label: string;
  value: string;
}

export interface SocialCard {
  /** Small line above the title, e.g. the sector or "Comparison". */
  kicker: string;
  title: string;
  /** Tagline or one-line summary. */
  subtitle: string;
  /** Up to three are drawn, e.g. `{ label: "Velocity", value: "8.8" }`. */
  stats: SocialCardStat[];
  siteName: string;
}

/** Short alias used by the cache module's signature. */
export type Card = SocialCard;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Palette: dark ink on a warm light ground, one accent. Contrast of ink and muted text on the ground is above 7:1. */
const COLORS = { ground: "#f7f6f2", ink: "#14171f", muted: "#4a5160", rule: "#dedbd2", accent: "#4338ca" } as const;
const PAD = { top: 64, right: 72, bottom: 56, left: 96 } as const;
const ACCENT_BAR = 20;
const CONTENT_WIDTH = CARD_WIDTH - PAD.left - PAD.right;
const MAX_STATS = 3;
const STAT_GAP = 32;
/** Longer input is cut before layout; the clamp would hide it anyway and layout time grows with text. */
const MAX_TEXT = 300;

/**
 * Inter subsets (CARD_FONT_SUBSETS), one satori font per subset and weight. Each subset gets its
 * own family name because satori keeps one face per name and weight; other names serve as glyph
 * fallbacks.
 */
const WEIGHTS = [400, 700] as const;
const FAMILY = "Inter";

type SatoriFont = { name: string; data: Buffer; weight: (typeof WEIGHTS)[number]; style: "normal" };

// Read once per process: satori also caches parsed fonts per array, so the same array is reused.
let loadedFonts: SatoriFont[] | undefined;

function loadFonts(): SatoriFont[] {
  if (loadedFonts) return loadedFonts;
  const require = createRequire(import.meta.url);
  loadedFonts = CARD_FONT_SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => {
      const file = require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`);
      return { name: subset === "latin" ? FAMILY : `${FAMILY} ${subset}`, data: readFileSync(file), weight, style: "normal" as const };
    }),
  );
  return loadedFonts;
}

/**
 * Text made safe to draw (see drawableText: characters no loaded font has are removed, as
 * satori would draw a "no glyph" box for them), whitespace collapsed, length capped.
 * @example cardText("Kafka\u202E ⚡ 東京\n  streams") // "Kafka streams"
 */
export function cardText(text: string): string {
  const out = drawableText(text).text.replace(/\s+/g, " ").trim();
  return [...out].length > MAX_TEXT ? [...out].slice(0, MAX_TEXT).join("") : out;
}

/**
 * Title sizes, largest first, each with the most lines the card has height for (with a
 * two-line subtitle and the stats row): 2 × 76 × 1.1 ≈ 167 px up to 4 × 44 × 1.1 ≈ 194 px.
 */
const TITLE_STEPS = [
  { size: 76, lines: 2 },
  { size: 68, lines: 2 },
  { size: 60, lines: 3 },
  { size: 52, lines: 3 },
  { size: 44, lines: 4 },
] as const;
/** Inter Bold's mean advance in mixed-case text is about 0.45em (measured); 0.5 leaves room for wide letters. */
const BOLD_ADVANCE = 0.5;

/**
 * Font size and line clamp for a title: the largest size whose estimated wrapped length fits
 * its line budget. The clamp (with an ellipsis) is the backstop when the estimate is wrong,
 * so text never leaves the card.
 * @example titleFit("Apache Kafka vs Redpanda") // { size: 76, lines: 2 }
 */
export function titleFit(title: string): { size: number; lines: number } {
  const length = [...title].length;
  for (const step of TITLE_STEPS) {
    // 0.9: word wrapping leaves the end of a line partly empty.
    const perLine = Math.floor((CONTENT_WIDTH / (step.size * BOLD_ADVANCE)) * 0.9);
    if (length <= perLine * step.lines) return { ...step };
  }
  return { ...TITLE_STEPS[TITLE_STEPS.length - 1]! };
}

/** The subset of satori's element shape this module builds. */
interface El {
  type: string;
  props: { style: Record<string, string | number>; children?: (El | string)[] | El | string };
}

const el = (style: El["props"]["style"], children?: El["props"]["children"]): El => ({
  type: "div",
  props: children === undefined ? { style } : { style, children },
});

/** One line, cut with an ellipsis if too wide. */
const oneLine = { display: "block", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" } as const;

/** The card's element tree; text nodes are plain strings. */
function cardElement(card: SocialCard): El {
  const title = cardText(card.title);
  const fit = titleFit(title);
  const stats = card.stats.slice(0, MAX_STATS).map((s) => ({ label: cardText(s.label), value: cardText(s.value) }));
  const statWidth = Math.floor((CONTENT_WIDTH - 320) / MAX_STATS);
  return el(
    { width: CARD_WIDTH, height: CARD_HEIGHT, display: "flex", backgroundColor: COLORS.ground, fontFamily: FAMILY, color: COLORS.ink },
    [
      el({ width: ACCENT_BAR, flexShrink: 0, backgroundColor: COLORS.accent }),
      // No width or height here: satori adds padding to them (content-box), so the column
      // takes the remaining space by flexing instead.
      el(
        {
          display: "flex", flexDirection: "column", flexGrow: 1,
          paddingTop: PAD.top, paddingRight: PAD.right, paddingBottom: PAD.bottom, paddingLeft: PAD.left - ACCENT_BAR,
        },
        [
          el({ ...oneLine, width: CONTENT_WIDTH, fontSize: 26, fontWeight: 700, letterSpacing: 2, textTransform: "uppercase", color: COLORS.accent }, cardText(card.kicker)),
          el(
            { display: "block", width: CONTENT_WIDTH, marginTop: 20, fontSize: fit.size, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1, lineClamp: fit.lines, wordBreak: "break-word" },
            title,
          ),
          el(
            { display: "block", width: CONTENT_WIDTH, marginTop: 24, fontSize: 32, fontWeight: 400, lineHeight: 1.35, color: COLORS.muted, lineClamp: 2, wordBreak: "break-word" },
            cardText(card.subtitle),
          ),
          el({ flexGrow: 1 }),
          el(
            { display: "flex", alignItems: "flex-end", justifyContent: "space-between", width: CONTENT_WIDTH, paddingTop: 28, borderTop: `2px solid ${COLORS.rule}` },
            [
              el(
                { display: "flex" },
                stats.map((s) =>
                  el({ display: "flex", flexDirection: "column", width: statWidth }, [
                    // maxWidth, not padding: satori adds padding to a set width (content-box).
                    el({ ...oneLine, maxWidth: statWidth - STAT_GAP, fontSize: 46, fontWeight: 700, lineHeight: 1.1 }, s.value),
                    el({ ...oneLine, maxWidth: statWidth - STAT_GAP, marginTop: 6, fontSize: 22, fontWeight: 400, color: COLORS.muted }, s.label),
                  ]),
                ),
              ),
              el({ display: "flex", alignItems: "center", maxWidth: 320 }, [
                el({ width: 16, height: 16, flexShrink: 0, marginRight: 12, backgroundColor: COLORS.accent }),
                el({ ...oneLine, fontSize: 26, fontWeight: 700 }, cardText(card.siteName)),
              ]),
            ],
          ),
        ],
      ),
    ],
  );
}

/**
 * Renders a card to a 1200×630 PNG. Fonts are read on the first call and kept.
 * @example
 * const png = await renderSocialCard({ kicker: "Streaming", title: "Redpanda", subtitle: "Kafka-compatible streaming.",
 *   stats: [{ label: "Velocity", value: "8.8" }, { label: "Sparks · 30d", value: "1" }], siteName: "Versus" });
 * png.length // about 40 kB
 */
export async function renderSocialCard(card: SocialCard): Promise<Uint8Array> {
  const fonts = loadFonts();
  // satori's types name React's ReactNode; the plain-object tree is what it reads at runtime.
  const svg = await satori(cardElement(card) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  // Text is already paths, so no system fonts: faster, and the output cannot vary by machine.
  const png = new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
