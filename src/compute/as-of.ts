/**
 * The build's as-of time: the one instant every computed value (velocity, sparks, relative
 * times, cadence) is measured against. Reading it once and passing it down is what makes a
 * build with a fixed `SOURCE_DATE_EPOCH` byte-for-byte reproducible.
 */

/** A `SOURCE_DATE_EPOCH` that is not whole seconds since 1970. The message is one line. */
export class AsOfError extends Error {
  override readonly name = "AsOfError";
}

/** The largest instant a JavaScript Date can hold, in milliseconds. */
const MAX_DATE_MS = 8.64e15;

/**
 * Resolves the as-of time from `SOURCE_DATE_EPOCH` (integer seconds since the epoch), else from
 * `now()`. The clock is never read here: the caller passes `now` (normally `Date.now`), so
 * tests and reproducible builds control time completely.
 *
 * An empty `SOURCE_DATE_EPOCH` counts as unset, since shells often clear a variable that way.
 * Anything else that is not a plain run of digits (signs, decimals, spaces, exponents) throws
 * an {@link AsOfError}: a silently wrong as-of time would publish wrong "2h ago" texts.
 *
 * @example
 * resolveAsOf({ SOURCE_DATE_EPOCH: "1779321600" }, Date.now)
 * // { ms: 1779321600000, iso: "2026-05-21T00:00:00.000Z" }
 * @example
 * resolveAsOf({}, () => 0) // { ms: 0, iso: "1970-01-01T00:00:00.000Z" }
 * @example
 * resolveAsOf({ SOURCE_DATE_EPOCH: "abc" }, Date.now)
 * // throws AsOfError: SOURCE_DATE_EPOCH: expected whole seconds since 1970, found "abc"
 */
export function resolveAsOf(env: NodeJS.ProcessEnv, now: () => number): { ms: number; iso: string } {
  const raw = env.SOURCE_DATE_EPOCH;
  let ms: number;
  if (raw === undefined || raw === "") {
    ms = Math.floor(now());
    if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
      throw new AsOfError(`as-of time: the clock returned an invalid time (${String(ms)})`);
    }
  } else {
    // JSON.stringify quotes the value and escapes newlines, so the message stays one line.
    const invalid = () => new AsOfError(`SOURCE_DATE_EPOCH: expected whole seconds since 1970, found ${JSON.stringify(raw)}`);
    if (!/^[0-9]+$/.test(raw)) throw invalid();
    ms = Number(raw) * 1000;
    if (!Number.isSafeInteger(ms) || ms > MAX_DATE_MS) throw invalid();
  }
  return { ms, iso: new Date(ms).toISOString() };
}
