/**
 * Release velocity: a 0..10 score, one decimal, computed from a product's timeline and the
 * build's as-of time (or set by the editors).
 *
 * Formula (shown on the methodology page from {@link VELOCITY_MODEL}):
 *
 *   weight(entry) = (kindWeight[kind] + (spark ? sparkBonus : 0)) × 0.5 ^ (ageDays / halfLifeDays)
 *   S             = Σ weight over entries with 0 ≤ ageDays < windowDays
 *   score         = round1(10 × (1 − e^(−S / saturation)))
 *
 * Recent entries count more (half the weight every 30 days); releases count more than posts;
 * the exponential map saturates so a flood of entries approaches 10 without passing it.
 * For a feel: a steady release a month peaks around 4.9, one a week around 8.9.
 */
import { parseIsoDate } from "../content/schema/common.js";
import type { TimelineEntry } from "../content/schema/product.js";
import type { VelocityPart, VelocityPartView, VelocityView } from "../site/types.js";
import { plural } from "./plural.js";

type Kind = TimelineEntry["kind"];

/** Every constant of the velocity formula, for the code and for the pages that explain it. */
export const VELOCITY_MODEL = {
  /** Days after which an entry's weight halves. */
  halfLifeDays: 30,
  /** Entries older than this many days (or dated after the as-of time) are ignored. */
  windowDays: 365,
  /** Base weight of each entry kind. */
  kindWeights: { release: 1, announcement: 0.6, bugfix: 0.5, post: 0.3 } satisfies Record<Kind, number>,
  /** Added to the base weight of an entry marked `spark: true` (then decayed like it). */
  sparkBonus: 0.5,
  /** The k in 10 × (1 − e^(−S/k)): the decayed sum at which the score reaches ~6.3. */
  saturation: 3,
  /** Highest possible score. */
  maxScore: 10,
  /** The formula in words, for the methodology page and the editor guide. */
  formula:
    "score = 10 × (1 − e^(−S ÷ 3)), where S adds up, for every timeline entry of the last 365 days, " +
    "(kind weight + 0.5 if it is a spark) × 0.5^(age in days ÷ 30)",
} as const;

/** Kinds in the order their parts are listed (heaviest first). */
const KIND_ORDER: readonly Kind[] = ["release", "announcement", "bugfix", "post"];
const KIND_NOUNS: Record<Kind, [string, string]> = {
  release: ["release", "releases"],
  announcement: ["announcement", "announcements"],
  bugfix: ["bugfix", "bugfixes"],
  post: ["post", "posts"],
};
const DAY_MS = 86_400_000;

/** The score and what it is made of. */
export interface VelocityResult {
  /** 0..10, one decimal. */
  score: number;
  /** Points per kind (and a spark bonus); their points add up to `score` exactly. */
  parts: VelocityPart[];
  /** True when the editors set the score. */
  override: boolean;
}

/** One timeline entry as the formula saw it, for a worked example. */
export interface ExplainedEntry {
  date: string;
  title: string;
  kind: Kind;
  spark: boolean;
  /** Days between the entry and the as-of time (negative for future entries), unrounded. */
  ageDays: number;
  /** What the entry added to S; 0 when it is not counted. */
  weight: number;
  /** Why an entry is or is not counted. */
  status: "counted" | "future" | "too-old" | "invalid-date";
}

export interface VelocityExplanation extends VelocityResult {
  /** The decayed sum S before the saturating map. */
  sum: number;
  /** Every entry, newest first (ties in timeline order). */
  entries: ExplainedEntry[];
}

/**
 * Scores a timeline against the as-of time, or uses the editors' `override` (rounded to one
 * decimal and clamped to 0..10). An empty timeline, or one with nothing in the window, scores
 * 0.0 with no parts. A part can show 0.0 points when its entries are old enough to barely count.
 * @example
 * const asOf = Date.UTC(2026, 4, 21);
 * computeVelocity([{ date: "2026-05-21", title: "v2", kind: "release", spark: false }], asOf)
 * // { score: 2.8, parts: [{ label: "1 release", points: 2.8 }], override: false }
 * @example
 * computeVelocity([], asOf, 7.25) // { score: 7.3, parts: [{ label: "Set by the editors", points: 7.3 }], override: true }
 */
export function computeVelocity(timeline: readonly TimelineEntry[], asOfMs: number, override?: number): VelocityResult {
  if (override !== undefined) {
    // Clamping guards callers that skipped validation; the schema already allows only 0..10.
    const score = roundTenth(Math.min(VELOCITY_MODEL.maxScore, Math.max(0, override)));
    return { score, parts: [{ label: "Set by the editors", points: score }], override: true };
  }
  const { score, parts } = scoreEntries(weighEntries(timeline, asOfMs));
  return { score, parts, override: false };
}

/**
 * Everything the formula did with each entry, for the methodology page's worked example.
 * Always computed from the timeline (it ignores any editor override).
 * @example
 * explainVelocity([{ date: "2026-04-21", title: "v1", kind: "release", spark: false }], Date.UTC(2026, 4, 21))
 * // { score: 1.5, sum: 0.5, parts: [{ label: "1 release", points: 1.5 }], override: false,
 * //   entries: [{ date: "2026-04-21", title: "v1", kind: "release", spark: false, ageDays: 30, weight: 0.5, status: "counted" }] }
 */
export function explainVelocity(timeline: readonly TimelineEntry[], asOfMs: number): VelocityExplanation {
  const weighed = weighEntries(timeline, asOfMs);
  const { score, parts, sum } = scoreEntries(weighed);
  const entries = weighed
    .map((w, index) => ({ w, index }))
    .sort((x, y) => (y.w.ms ?? -Infinity) - (x.w.ms ?? -Infinity) || x.index - y.index)
    .map(({ w }): ExplainedEntry => ({
      date: w.entry.date,
      title: w.entry.title,
      kind: w.entry.kind,
      spark: w.entry.spark,
      ageDays: w.ms === undefined ? Number.NaN : (asOfMs - w.ms) / DAY_MS,
      weight: w.base + w.bonus,
      status: w.status,
    }));
  return { score, parts, override: false, sum, entries };
}

/**
 * The view a template shows: the score as text with one decimal and the meter's percentage.
 * @example toVelocityView({ score: 8.8, parts: [], override: false })
 * // { score: 8.8, text: "8.8", override: false, parts: [], percent: 88 }
 */
export function toVelocityView(result: VelocityResult): VelocityView {
  return {
    score: result.score,
    text: result.score.toFixed(1),
    override: result.override,
    parts: partViews(result.parts),
    percent: Math.round((result.score / VELOCITY_MODEL.maxScore) * 1000) / 10,
  };
}

/**
 * Parts with their points as displayed, one decimal like the score: "7.0", not "7".
 * @example partViews([{ label: "7 releases", points: 7 }]) // [{ label: "7 releases", points: 7, text: "7.0" }]
 */
export function partViews(parts: readonly VelocityPart[]): VelocityPartView[] {
  return parts.map((p) => ({ label: p.label, points: p.points, text: p.points.toFixed(1) }));
}

/**
 * The formula's constants as label/value rows for the methodology page and editor guide.
 * @example describeVelocityModel()[0] // { label: "Half-life", value: "30 days" }
 */
export function describeVelocityModel(): { label: string; value: string }[] {
  const m = VELOCITY_MODEL;
  return [
    { label: "Half-life", value: `${m.halfLifeDays} days` },
    { label: "Window", value: `${m.windowDays} days` },
    ...KIND_ORDER.map((kind) => ({ label: `Weight of ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`, value: String(m.kindWeights[kind]) })),
    { label: "Spark bonus", value: `+${m.sparkBonus}` },
    { label: "Saturation (k)", value: String(m.saturation) },
    { label: "Formula", value: m.formula },
  ];
}

interface Weighed {
  entry: TimelineEntry;
  ms: number | undefined;
  /** Decayed kind weight. */
  base: number;
  /** Decayed spark bonus. */
  bonus: number;
  status: ExplainedEntry["status"];
}

function weighEntries(timeline: readonly TimelineEntry[], asOfMs: number): Weighed[] {
  const m = VELOCITY_MODEL;
  return timeline.map((entry): Weighed => {
    const ms = parseIsoDate(entry.date);
    if (ms === undefined) return { entry, ms, base: 0, bonus: 0, status: "invalid-date" };
    const ageDays = (asOfMs - ms) / DAY_MS;
    if (ageDays < 0) return { entry, ms, base: 0, bonus: 0, status: "future" };
    if (ageDays >= m.windowDays) return { entry, ms, base: 0, bonus: 0, status: "too-old" };
    const decay = Math.pow(0.5, ageDays / m.halfLifeDays);
    const kind: Kind = entry.kind ?? "release";
    return {
      entry,
      ms,
      base: m.kindWeights[kind] * decay,
      bonus: entry.spark ? m.sparkBonus * decay : 0,
      status: "counted",
    };
  });
}

function scoreEntries(weighed: readonly Weighed[]): { score: number; parts: VelocityPart[]; sum: number } {
  // Group raw contributions: one bucket per kind, then the spark bonus.
  const buckets: { label: string; values: number[] }[] = [];
  for (const kind of KIND_ORDER) {
    const counted = weighed.filter((w) => w.status === "counted" && (w.entry.kind ?? "release") === kind);
    if (counted.length > 0) {
      const [one, many] = KIND_NOUNS[kind];
      buckets.push({ label: plural(counted.length, one, many), values: counted.map((w) => w.base) });
    }
  }
  const sparks = weighed.filter((w) => w.status === "counted" && w.bonus > 0);
  if (sparks.length > 0) {
    buckets.push({ label: `Bonus for ${plural(sparks.length, "spark")}`, values: sparks.map((w) => w.bonus) });
  }
  // Summing sorted values makes the float result independent of the timeline's order.
  const sums = buckets.map((b) => sortedSum(b.values));
  const sum = sortedSum(sums);
  if (sum <= 0) return { score: 0, parts: [], sum: 0 };

  const m = VELOCITY_MODEL;
  const tenths = Math.round(m.maxScore * 10 * (1 - Math.exp(-sum / m.saturation)));
  const shares = distributeTenths(tenths, sums);
  return {
    score: tenths / 10,
    parts: buckets.map((b, i) => ({ label: b.label, points: (shares[i] ?? 0) / 10 })),
    sum,
  };
}

/**
 * Splits `total` tenths in proportion to `weights` so the integer shares add up to `total`
 * exactly (largest remainder; ties go to the earlier part), which keeps the displayed parts
 * consistent with the displayed score.
 */
function distributeTenths(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map((x) => Math.floor(x));
  let left = total - shares.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((p, q) => q.rem - p.rem || p.i - q.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

function sortedSum(values: readonly number[]): number {
  return [...values].sort((x, y) => x - y).reduce((s, v) => s + v, 0);
}

function roundTenth(x: number): number {
  return Math.round(x * 10) / 10;
}
