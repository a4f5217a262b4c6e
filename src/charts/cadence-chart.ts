/**
 * The monthly cadence chart, drawn at build time as accessible inline SVG (no client script).
 *
 * Colour never carries meaning alone: the first series is solid, the second hatched, sparks are
 * triangle markers, and a legend says so. Shapes paint with `currentColor`, and the classes
 * `series-a` / `series-b` (on bars, markers, swatches and the hatch pattern) let the stylesheet
 * pick colours for light and dark themes. The SVG scales with its container through its
 * viewBox (width 100%, no pixel size).
 */
import type { ChartView } from "../site/types.js";
import { MONTH_NAMES } from "../compute/calendar.js";
import type { CadenceMonth } from "../compute/cadence.js";
import { escapeHtml } from "../compute/escape-html.js";
import { flatString } from "../compute/flat-string.js";
import { joinAnd, plural } from "../compute/plural.js";

/** One product's months, as returned by monthlyCadence (all series cover the same months). */
export interface CadenceSeries {
  name: string;
  months: readonly CadenceMonth[];
}

const WIDTH = 480;
const PLOT_HEIGHT = 120;
const LEFT = 32;
const RIGHT = 8;
const ROW = 14;
const MARKER_ROOM = 14;
const BOTTOM = 24;
const FONT = `font-size="12" fill="currentColor"`;
const CLASSES = ["series-a", "series-b"] as const;

/**
 * Draws one series as bars per month, or two as grouped bars (solid, then hatched), with a
 * triangle over each bar whose month had sparks. `idPrefix` makes the ids of the title,
 * description and pattern unique within the page (a letter, then letters, digits, `-` or `_`).
 * `summary` is the text alternative (also in the SVG's <desc>), usable as a caption.
 * @example
 * cadenceChart([{ name: "Apache Kafka", months: monthlyCadence(kafka.timeline, asOfMs) }], "cadence-kafka").summary
 * // "Apache Kafka: 9 entries from June 2025 to May 2026, most in March (3); 1 spark."
 */
export function cadenceChart(series: readonly CadenceSeries[], idPrefix: string): ChartView {
  if (series.length < 1 || series.length > 2) throw new RangeError(`cadenceChart: expected 1 or 2 series, found ${series.length}`);
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(idPrefix)) throw new RangeError(`cadenceChart: invalid id prefix ${JSON.stringify(idPrefix)}`);
  const months = series[0]!.months;
  // Per series, what every chart of it needs, worked out once: a pair page's chart reuses both.
  const facts = series.map(seriesFacts);
  for (const f of facts) {
    if (f.monthsKey !== facts[0]!.monthsKey) throw new RangeError("cadenceChart: every series must cover the same months");
  }

  const ids = { title: `${idPrefix}-title`, desc: `${idPrefix}-desc`, hatch: `${idPrefix}-hatch` };
  const anySparks = facts.some((f) => f.anySparks);
  const legendRows = (series.length > 1 ? series.length : 0) + (anySparks ? 1 : 0);
  const plotTop = 4 + legendRows * ROW + MARKER_ROOM;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const height = plotBottom + BOTTOM;
  const plotWidth = WIDTH - LEFT - RIGHT;

  const yMax = Math.max(1, ...facts.map((f) => f.maxCount));
  const y = (value: number) => plotBottom - (value / yMax) * PLOT_HEIGHT;

  // Escaped piece by piece (the joins add no special characters): the pieces are cached. The
  // SVG is joined with +, which links cached pieces instead of copying them: the page copies
  // its text once, when it is written.
  const title = `Entries per month: ${joinAnd(facts.map((f) => f.nameHtml))}`;
  const desc = facts[0]!.rangeHtml + facts.map((f) => f.summaryHtml).join(" ");
  let svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="cadence-chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" ` +
    `role="img" aria-labelledby="${ids.title} ${ids.desc}">` +
    `<title id="${ids.title}">${title}</title>` +
    `<desc id="${ids.desc}">${desc}</desc>`;
  if (series.length > 1) {
    // Hatching distinguishes the second series without colour; the class lets CSS colour it.
    svg +=
      `<defs><pattern id="${ids.hatch}" class="series-b" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="currentColor" fill-opacity="0.2"/>` +
      `<line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"/></pattern></defs>`;
  }

  // Legend: one row per series (pairs only), then the spark key.
  let row = 0;
  const rowY = () => 4 + row * ROW + ROW / 2;
  if (series.length > 1) {
    facts.forEach((f, i) => {
      const cy = rowY();
      svg +=
        `<g class="legend ${CLASSES[i]}">${swatch(i, LEFT, cy - 5, 10, 10, ids.hatch)}` +
        `<text x="${LEFT + 16}" y="${n(cy + 4)}" ${FONT}>${f.nameHtml}</text></g>`;
      row++;
    });
  }
  if (anySparks) {
    const cy = rowY();
    svg +=
      `<g class="legend legend-spark">${triangle(LEFT + 5, cy + 4, "")}` +
      `<text x="${LEFT + 16}" y="${n(cy + 4)}" ${FONT}>month with an editorial spark</text></g>`;
  }

  // Axes: horizontal grid lines with their values, month labels under the groups. They depend
  // only on the scale, the legend's height and the months, so pair pages share them.
  const group = months.length === 0 ? plotWidth : plotWidth / months.length;
  let axesByScale = axesCache.get(facts[0]!.monthsKey);
  if (!axesByScale) axesCache.set(facts[0]!.monthsKey, (axesByScale = new Map()));
  const axesKey = yMax * 1024 + plotTop;
  let axes = axesByScale.get(axesKey);
  if (axes === undefined) {
    // Whole-number grid lines: every count up to 4, else zero, the middle and the top.
    const ticks = yMax <= 4 ? Array.from({ length: yMax + 1 }, (_, i) => i) : [0, Math.round(yMax / 2), yMax];
    axes = "";
    for (const t of ticks) {
      axes +=
        `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="currentColor" stroke-opacity="${t === 0 ? 0.6 : 0.15}"/>` +
        `<text class="axis" x="${LEFT - 6}" y="${n(y(t) + 4)}" text-anchor="end" ${FONT}>${t}</text>`;
    }
    months.forEach((m, i) => {
      axes += `<text class="axis" x="${n(LEFT + group * (i + 0.5))}" y="${height - 8}" text-anchor="middle" ${FONT}>${escapeHtml(m.label)}</text>`;
    });
    axesByScale.set(axesKey, (axes = flatString(axes)));
  }
  svg += axes;

  // Bars: one per series per month with entries; empty months draw nothing above the baseline.
  const barWidth = series.length === 1 ? group * 0.6 : group * 0.34;
  const gap = series.length === 1 ? 0 : group * 0.04;
  const offset = (group - series.length * barWidth - (series.length - 1) * gap) / 2;
  series.forEach((s, si) => {
    // A product's bars look the same on every pair page with the same scale and position;
    // pair pages draw each product about a hundred times, so its bars are drawn once. Besides
    // the id prefix, they depend on the scale, the position and (through plotTop) the legend.
    let byPrefix = facts[si]!.bars.get(idPrefix);
    if (!byPrefix) facts[si]!.bars.set(idPrefix, (byPrefix = new Map()));
    const key = yMax * 8 + (series.length - 1) * 4 + si * 2 + (anySparks ? 1 : 0);
    let bars = byPrefix.get(key);
    if (bars === undefined) {
      const cls = CLASSES[si]!;
      bars = "";
      s.months.forEach((m, mi) => {
        if (m.count === 0) return;
        const x = LEFT + group * mi + offset + si * (barWidth + gap);
        const top = y(m.count);
        const when = `${s.name}, ${monthName(m, true)}`;
        bars +=
          `<g class="bar ${cls}">` +
          swatch(si, x, top, barWidth, plotBottom - top, ids.hatch, `${when}: ${plural(m.count, "entry", "entries")}`) +
          (m.sparks > 0 ? triangle(x + barWidth / 2, top - 3, `${when}: ${plural(m.sparks, "spark")}`) : "") +
          `</g>`;
      });
      byPrefix.set(key, (bars = flatString(bars)));
    }
    svg += bars;
  });
  svg += `</svg>`;
  return { svg, summary: facts.map((f) => f.summary).join(" ") };
}

/** Facts per months list and name (one list per product, shared by its pair pages). */
const factsCache = new WeakMap<readonly CadenceMonth[], Map<string, SeriesFacts>>();
/** Drawn axes per months covered (SeriesFacts.monthsKey), then per scale and plot top. */
const axesCache = new Map<string, Map<number, string>>();

interface SeriesFacts {
  summary: string;
  maxCount: number;
  anySparks: boolean;
  /** The months covered, as one string, to check that series line up. */
  monthsKey: string;
  nameHtml: string;
  summaryHtml: string;
  /** "From May 2025 to April 2026. ", escaped; empty without months. */
  rangeHtml: string;
  /** Drawn bars, per id prefix and then per scale, position and legend (see cadenceChart). */
  bars: Map<string, Map<number, string>>;
}

function seriesFacts(series: CadenceSeries): SeriesFacts {
  const { months, name } = series;
  let cache = factsCache.get(months);
  if (!cache) factsCache.set(months, (cache = new Map()));
  let facts = cache.get(name);
  if (facts === undefined) {
    const summary = seriesSummary(series);
    const range = months.length === 0 ? "" : `From ${monthName(months[0]!, true)} to ${monthName(months[months.length - 1]!, true)}. `;
    facts = {
      summary,
      maxCount: Math.max(0, ...months.map((m) => m.count)),
      anySparks: months.some((m) => m.sparks > 0),
      monthsKey: months.map((m) => m.month).join(" "),
      nameHtml: escapeHtml(name),
      summaryHtml: escapeHtml(summary),
      rangeHtml: escapeHtml(range),
      bars: new Map(),
    };
    cache.set(name, facts);
  }
  return facts;
}

/**
 * The text alternative for one series, e.g.
 * "Apache Kafka: 9 entries from June 2025 to May 2026, most in March (3); 1 spark."
 * @example seriesSummary({ name: "Appwrite", months: monthlyCadence([], asOfMs) }) // "Appwrite: no entries from June 2025 to May 2026."
 */
export function seriesSummary(series: CadenceSeries): string {
  const { name, months } = series;
  // The months by name, not "the last 12 months": the velocity score counts 365 days back from
  // the build, and a page showing both must not seem to count one window two ways.
  const period = months.length === 1 ? `in ${monthName(months[0]!, true)}` : `from ${monthName(months[0]!, true)} to ${monthName(months[months.length - 1]!, true)}`;
  const total = months.reduce((sum, m) => sum + m.count, 0);
  if (total === 0) return `${name}: no entries ${period}.`;
  const sparks = months.reduce((sum, m) => sum + m.sparks, 0);
  const withYear = months.length > 12;
  const max = Math.max(...months.map((m) => m.count));
  const peaks = months.filter((m) => m.count === max).map((m) => monthName(m, withYear));
  let peak = "";
  if (peaks.length === 1) peak = max === total ? (total === 1 ? `, in ${peaks[0]}` : `, all in ${peaks[0]}`) : `, most in ${peaks[0]} (${max})`;
  else if (peaks.length <= 3 && max > 1) peak = `, most in ${joinAnd(peaks)} (${max} each)`;
  return `${name}: ${plural(total, "entry", "entries")} ${period}${peak}; ${sparks === 0 ? "no sparks" : plural(sparks, "spark")}.`;
}

/** A bar or legend swatch: solid for the first series, hatched for the second. */
function swatch(seriesIndex: number, x: number, y: number, w: number, h: number, hatchId: string, title = ""): string {
  const paint = seriesIndex === 0 ? `fill="currentColor"` : `fill="url(#${hatchId})" stroke="currentColor" stroke-width="1"`;
  const open = `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" ${paint}`;
  return title ? `${open}><title>${escapeHtml(title)}</title></rect>` : `${open}/>`;
}

/** A downward triangle whose tip is at (cx, tipY): the spark marker. */
function triangle(cx: number, tipY: number, title: string): string {
  const points = `${n(cx - 4)},${n(tipY - 8)} ${n(cx + 4)},${n(tipY - 8)} ${n(cx)},${n(tipY)}`;
  const inner = title ? `<title>${escapeHtml(title)}</title>` : "";
  return `<polygon class="spark" points="${points}" fill="currentColor"${inner ? `>${inner}</polygon>` : "/>"}`;
}

function monthName(m: CadenceMonth, withYear: boolean): string {
  const [year, month] = m.month.split("-");
  const name = MONTH_NAMES[Number(month) - 1] ?? m.label;
  return withYear ? `${name} ${year}` : name;
}

/** Coordinates with at most one decimal, so output is short and stable. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
