/**
 * Human times: relative to the as-of time ("2h ago", "3mo ago") and absolute ("4 May 2026").
 * The build writes relative texts measured against the as-of time; a browser script later
 * refreshes them against the reader's clock with the very same function
 * ({@link RELATIVE_TIME_SOURCE}), so both always agree on wording and thresholds.
 */
import { parseIsoDate } from "../content/schema/common.js";
import type { TimeView } from "../site/types.js";
import { MONTH_NAMES } from "./calendar.js";

/**
 * The thresholds of {@link relativeTime}. Differences are floored: 23h59m is "23h ago".
 * - under `justNowMs` (either direction): "just now"
 * - under an hour: minutes ("5m ago"); under a day: hours ("2h ago")
 * - under `monthFromDays` whole days: days ("29d ago")
 * - under `yearFromDays` whole days: months of `daysPerMonth` days, at most `maxMonths` ("11mo ago")
 * - from then on: years of `daysPerYear` days ("1y ago")
 * Future instants read "in 3d".
 */
export const RELATIVE_TIME_THRESHOLDS = {
  justNowMs: 60_000,
  minuteMs: 60_000,
  hourMs: 3_600_000,
  dayMs: 86_400_000,
  monthFromDays: 30,
  daysPerMonth: 30,
  maxMonths: 11,
  yearFromDays: 365,
  daysPerYear: 365,
} as const;

export type RelativeTimeThresholds = typeof RELATIVE_TIME_THRESHOLDS;

/**
 * The relative-time function as JavaScript text, which the build and the browser script both
 * run. Text, not a function's `toString()`: that depends on the compiler that loaded the module
 * (tsx prints it minified, a bundle does not), and would change the script's bytes with it.
 * Plain arithmetic and no imports, so it runs in the browser as is.
 */
const RELATIVE_TIME_WITH_SOURCE = `function relativeTimeWith(t, ms, asOfMs) {
  const diff = asOfMs - ms;
  if (!(diff > -Infinity && diff < Infinity)) return "";
  const abs = diff < 0 ? -diff : diff;
  if (abs < t.justNowMs) return "just now";
  let text;
  if (abs < t.hourMs) {
    text = Math.floor(abs / t.minuteMs) + "m";
  } else if (abs < t.dayMs) {
    text = Math.floor(abs / t.hourMs) + "h";
  } else {
    const days = Math.floor(abs / t.dayMs);
    if (days < t.monthFromDays) text = days + "d";
    else if (days < t.yearFromDays) text = Math.min(t.maxMonths, Math.floor(days / t.daysPerMonth)) + "mo";
    else text = Math.floor(days / t.daysPerYear) + "y";
  }
  return diff < 0 ? "in " + text : text + " ago";
}`;

const relativeTimeWith = new Function(`return ${RELATIVE_TIME_WITH_SOURCE}`)() as (t: RelativeTimeThresholds, ms: number, asOfMs: number) => string;

/**
 * How long before (or after) the as-of time an instant is, in the site's short style.
 * Returns "" for a non-finite input.
 * @example relativeTime(Date.UTC(2026, 4, 20, 2), Date.UTC(2026, 4, 21)) // "22h ago"
 * @example relativeTime(Date.UTC(2026, 2, 1), Date.UTC(2026, 4, 21)) // "2mo ago"
 * @example relativeTime(Date.UTC(2026, 4, 24), Date.UTC(2026, 4, 21)) // "in 3d"
 */
export function relativeTime(ms: number, asOfMs: number): string {
  return relativeTimeWith(RELATIVE_TIME_THRESHOLDS, ms, asOfMs);
}

/**
 * JavaScript source of an expression that evaluates to a `relativeTime(ms, asOfMs)` function
 * identical to {@link relativeTime}, thresholds included, for the browser script:
 * `const relativeTime = ${RELATIVE_TIME_SOURCE};`
 * @example new Function(`return ${RELATIVE_TIME_SOURCE}`)()(0, 7_200_000) // "2h ago"
 */
export const RELATIVE_TIME_SOURCE =
  `(function (t, impl) { return function relativeTime(ms, asOfMs) { return impl(t, ms, asOfMs); }; })(` +
  `${JSON.stringify(RELATIVE_TIME_THRESHOLDS)}, ${RELATIVE_TIME_WITH_SOURCE})`;

/**
 * A UTC calendar date in fixed English, e.g. for `<time>` text: day, month name, year.
 * @example formatDate(Date.UTC(2026, 4, 4, 23, 30)) // "4 May 2026"
 */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * Everything a template needs to show a date: the editor's text for `datetime`, epoch ms, the
 * relative text as of the build and the absolute date. Throws on a date the schema would reject.
 * @example timeView("2026-05-04", Date.UTC(2026, 4, 21))
 * // { iso: "2026-05-04", ms: 1777852800000, relative: "17d ago", display: "4 May 2026" }
 */
export function timeView(iso: string, asOfMs: number): TimeView {
  const ms = parseIsoDate(iso);
  if (ms === undefined) throw new RangeError(`expected an ISO 8601 date, found ${JSON.stringify(iso)}`);
  return { iso, ms, relative: relativeTime(ms, asOfMs), display: formatDate(ms) };
}
