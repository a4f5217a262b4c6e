import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../../src/content/schema/common.js";

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

describe("parseIsoDate", () => {
  it("reads a bare date as UTC midnight exactly when it names a real day, for every year 0000-9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        // The oracle: JavaScript's own parse of that midnight, kept only if it names the same day.
        const ms = Date.parse(`${text}T00:00:00Z`);
        const real = !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
        expect(parseIsoDate(text)).toBe(real ? ms : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ["2024-02-29", Date.UTC(2024, 1, 29)],
    ["2000-02-29", Date.UTC(2000, 1, 29)],
    ["0050-01-02", Date.parse("0050-01-02T00:00:00Z")],
    ["2026-05-04T10:00", Date.UTC(2026, 4, 4, 10)],
    ["2026-05-04T10:00:30.5Z", Date.UTC(2026, 4, 4, 10, 0, 30, 500)],
    ["2026-05-04T10:00:00+02:00", Date.UTC(2026, 4, 4, 8)],
  ])("%s", (text, ms) => expect(parseIsoDate(text)).toBe(ms));

  it.each([["1900-02-29"], ["2026-02-30"], ["2026-04-31"], ["2026-13-01"], ["2026-00-10"], ["2026-05-04T24:00"], ["2026-5-4"], ["2026-05-04 10:00"]])(
    "%s is not a date",
    (text) => expect(parseIsoDate(text)).toBeUndefined(),
  );
});
