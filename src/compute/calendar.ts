/**
 * Fixed English month names. Written out rather than taken from Intl so output never depends on
 * the build machine's ICU data or locale (byte-stable pages).
 */

/** "January" … "December", indexed by UTC month (0-based). */
export const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

/** "Jan" … "Dec", indexed by UTC month (0-based). */
export const MONTH_SHORT_NAMES = [
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
] as const;

