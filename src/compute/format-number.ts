/**
 * Number formats for metrics. No Intl: digits and separators are fixed so pages are
 * byte-stable across machines.
 */
const UNITS: readonly [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
];

/**
 * A count in compact form: one decimal at most, a trailing ".0" dropped, halves rounded up.
 * Below 1,000 the number is rounded to a whole one. A value that rounds up to the next unit
 * moves to it (999,950 is "1M", not "1000k").
 * @example compactNumber(32_450) // "32.5k"
 * @example compactNumber(12_800_000) // "12.8M"
 * @example compactNumber(2_000) // "2k"
 * @example compactNumber(83) // "83"
 * @example compactNumber(1_234_567_890) // "1.2B"
 */
export function compactNumber(value: number): string {
  if (!Number.isFinite(value)) return "—";
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  if (Math.round(abs) < 1000) return sign + String(Math.round(abs));
  // Smallest unit first so a rounding overflow can be promoted to the next one.
  for (let i = UNITS.length - 1; i >= 0; i--) {
    const [size, suffix] = UNITS[i]!;
    const bigger = UNITS[i - 1];
    if (bigger !== undefined && abs >= bigger[0]) continue;
    // Dividing by size/10 keeps integer halves exact (32450 / 100 = 324.5, which rounds up).
    const tenths = Math.round(abs / (size / 10));
    if (tenths >= 10_000 && bigger !== undefined) return sign + trimTenths(Math.round(abs / (bigger[0] / 10))) + bigger[1];
    return sign + trimTenths(tenths) + suffix;
  }
  return sign + String(Math.round(abs));
}

/**
 * A whole number with comma thousands separators.
 * @example groupDigits(1234567) // "1,234,567"
 * @example groupDigits(151) // "151"
 */
export function groupDigits(value: number): string {
  const sign = value < 0 ? "-" : "";
  return sign + String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+$)/g, ",");
}

/**
 * A rating with its scale and, when known, how many reviews it is based on. The value always
 * shows one decimal; the scale only as many as it needs.
 * @example formatRating({ value: 8.6, scale: 10, count: 151 }) // "8.6/10 (151 reviews)"
 * @example formatRating({ value: 4, scale: 5, count: 1 }) // "4.0/5 (1 review)"
 * @example formatRating({ value: 4.5, scale: 5 }) // "4.5/5"
 */
export function formatRating(rating: { value: number; scale: number; count?: number | undefined }): string {
  const text = `${rating.value.toFixed(1)}/${trimTenths(Math.round(rating.scale * 10))}`;
  if (rating.count === undefined) return text;
  return `${text} (${groupDigits(rating.count)} ${rating.count === 1 ? "review" : "reviews"})`;
}

/** Whole tenths as text without a trailing ".0": 325 → "32.5", 20 → "2". */
function trimTenths(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const tenth = tenths % 10;
  return tenth === 0 ? String(whole) : `${whole}.${tenth}`;
}
