import { z } from "zod";

/** A file-name slug: lowercase words joined by single hyphens, at most 64 characters. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A key of a product's `facts`, as a comparison row names it. */
export const FACT_KEY_PATTERN = /^[a-z0-9]+([_-][a-z0-9]+)*$/;

/**
 * @example slug.parse("apache-kafka") // "apache-kafka"
 */
export const slug = z
  .string()
  .max(64, { message: "expected a slug of at most 64 characters" })
  .regex(SLUG_PATTERN, { message: "expected a slug (lowercase letters, digits and single hyphens)" });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses an ISO 8601 date (`2026-05-04`) or datetime (`2026-05-04T10:00:00Z`) to epoch
 * milliseconds, or returns undefined when the text is not a real calendar date.
 * A datetime without an offset and a bare date are read as UTC.
 * @example parseIsoDate("2026-02-30") // undefined
 */
export function parseIsoDate(text: string): number | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = "00", mi = "00", s = "00"] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  // A bare date, as timelines mostly hold: no text to build and parse again. (Date.UTC reads
  // years 0-99 as 1900-1999, so those go the long way.)
  if (m[4] === undefined && year >= 100) return Date.UTC(year, month - 1, day);
  const iso = m[4] === undefined ? `${text}T00:00:00Z` : m[7] === undefined ? `${text}Z` : text;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Days in a month of the proleptic Gregorian calendar, as JavaScript's Date counts them. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** A date or datetime in ISO 8601; kept as the editor wrote it. */
// The same words when the value is not even a string: YAML reads 20260101 as a number.
export const isoDate = z.string({ error: "expected an ISO 8601 date" }).refine((v) => parseIsoDate(v) !== undefined, {
  message: "expected an ISO 8601 date",
});

/** An absolute http(s) URL. */
export const httpUrl = z.string().refine((v) => isUrlWithScheme(v, ["http:", "https:"]), {
  message: "expected an absolute http(s) URL",
});

/**
 * A site's https address, as in site.json's `url`: the origin, or the origin and the path the
 * site is served under (a GitHub Pages project site, `https://user.github.io/repo/`), whose
 * links the build then starts with that path. No query, fragment or credentials: they could
 * not be part of every page's address.
 */
export const httpsSiteUrl = z
  .string()
  .refine((v) => isUrlWithScheme(v, ["https:"]) && isSiteAddress(v), {
    message: "expected the site's https address, such as https://versus.example.com or https://user.github.io/repo/",
    abort: true,
  })
  // "/repo/index.html" is a page, not the folder the site is served from; "/my.site/" is fine.
  .refine((v) => !pathSegments(v).at(-1)!.includes("."), {
    message: 'expected the folder the site is served from, ending in "/": a last part with a dot reads as a page (for "…/repo/index.html", give "…/repo/")',
  });

function isSiteAddress(value: string): boolean {
  const url = new URL(value);
  // A "?" or "#" anywhere in the address: a query or fragment, empty ones ("…/?") included.
  if (url.username !== "" || url.password !== "" || /[?#]/.test(url.href) || url.pathname.includes("//")) return false;
  // "/../x/" would be one address in the canonical links and another in the pages' links.
  return !pathSegments(value).some((s) => /^(?:\.|%2e){1,2}$/i.test(s));
}

/** The path of an address as written, before URL resolves it, in parts: "https://x/a/b/" → ["", "a", "b", ""]. */
function pathSegments(value: string): string[] {
  return value.replace(/^https:\/\/[^/]*/i, "").split("/");
}

function isUrlWithScheme(value: string, schemes: string[]): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A short plain or inline-markdown text. */
export const text = (min: number, max: number) =>
  z
    .string()
    .min(min, { message: min === 1 ? "expected a non-empty text" : `expected at least ${min} characters` })
    .max(max, { message: `expected at most ${max} characters` });

/** Inline or block markdown with no length limit but not empty. */
export const markdown = z.string().min(1, { message: "expected a non-empty text" });
