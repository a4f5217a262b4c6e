import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { formatDate, relativeTime, RELATIVE_TIME_SOURCE, RELATIVE_TIME_THRESHOLDS, timeView } from "../../src/compute/relative-time.js";
import { AS_OF, DAY } from "./helpers.js";

const MIN = 60_000;
const HOUR = 3_600_000;
const ago = (ms: number) => relativeTime(AS_OF - ms, AS_OF);

describe("relativeTime", () => {
  it.each([
    [0, "just now"],
    [59_999, "just now"],
    [MIN, "1m ago"],
    [5 * MIN + 59_000, "5m ago"],
    [HOUR - 1, "59m ago"],
    [HOUR, "1h ago"],
    [22 * HOUR + 59 * MIN, "22h ago"],
    [DAY - 1, "23h ago"],
    [DAY, "1d ago"],
    [22 * DAY, "22d ago"],
    [30 * DAY - 1, "29d ago"],
    [30 * DAY, "1mo ago"],
    [59 * DAY, "1mo ago"],
    [60 * DAY, "2mo ago"],
    [330 * DAY, "11mo ago"],
    [364 * DAY, "11mo ago"], // 364/30 = 12.1, capped at 11 months below a year
    [365 * DAY, "1y ago"],
    [2 * 365 * DAY - 1, "1y ago"],
    [2 * 365 * DAY, "2y ago"],
  ])("%d ms ago reads %j", (ms, text) => {
    expect(ago(ms)).toBe(text);
  });

  it("phrases future instants as 'in …'", () => {
    expect(relativeTime(AS_OF + 3 * DAY, AS_OF)).toBe("in 3d");
    expect(relativeTime(AS_OF + 2 * HOUR, AS_OF)).toBe("in 2h");
    expect(relativeTime(AS_OF + 30 * 1000, AS_OF)).toBe("just now");
  });

  it("returns an empty text for a non-finite instant", () => {
    expect(relativeTime(Number.NaN, AS_OF)).toBe("");
  });

  it("matches the reference's examples", () => {
    expect(relativeTime(Date.UTC(2026, 4, 20, 2), AS_OF)).toBe("22h ago");
    expect(relativeTime(Date.UTC(2026, 2, 1), AS_OF)).toBe("2mo ago");
  });
});

describe("RELATIVE_TIME_SOURCE", () => {
  const browser = new Function(`"use strict"; return ${RELATIVE_TIME_SOURCE};`)() as (ms: number, asOf: number) => string;

  it("is self-contained and agrees with relativeTime everywhere", () => {
    const probes = [0, 1, 59_999, MIN, HOUR, DAY, 29 * DAY, 30 * DAY, 200 * DAY, 364 * DAY, 365 * DAY, 4000 * DAY];
    for (const d of probes.flatMap((x) => [x, -x, x + 1, -x - 1])) {
      expect(browser(AS_OF - d, AS_OF)).toBe(relativeTime(AS_OF - d, AS_OF));
    }
    expect(browser(Number.NaN, AS_OF)).toBe("");
  });

  it("carries the exported thresholds", () => {
    expect(RELATIVE_TIME_SOURCE).toContain(JSON.stringify(RELATIVE_TIME_THRESHOLDS));
    expect(RELATIVE_TIME_SOURCE).not.toMatch(/\b(import|require|__name)\b/);
  });

  // Regression: it was the function's toString(), which tsx prints minified and a bundle does
  // not, so the bundled CLI wrote a site script with other bytes (and name) than tsx did.
  it("is the same text however the module was compiled", async () => {
    const source = fileURLToPath(new URL("../../src/compute/relative-time.ts", import.meta.url));
    // Inside the project, so the bundles' package imports resolve.
    const dir = mkdtempSync(fileURLToPath(new URL("../../node_modules/.cache/relative-time-", import.meta.url)));
    try {
      const texts = [];
      for (const minifyWhitespace of [false, true]) {
        const out = await build({ entryPoints: [source], bundle: true, format: "esm", platform: "node", packages: "external", minifyWhitespace, write: false, logLevel: "silent" });
        const file = path.join(dir, `bundle-${minifyWhitespace}.mjs`);
        writeFileSync(file, out.outputFiles[0]!.text);
        texts.push(((await import(pathToFileURL(file).href)) as { RELATIVE_TIME_SOURCE: string }).RELATIVE_TIME_SOURCE);
      }
      expect(texts).toEqual([RELATIVE_TIME_SOURCE, RELATIVE_TIME_SOURCE]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("formatDate", () => {
  it("writes UTC dates with English month names", () => {
    expect(formatDate(Date.UTC(2026, 4, 4))).toBe("4 May 2026");
    expect(formatDate(Date.UTC(2026, 4, 4, 23, 59, 59))).toBe("4 May 2026");
    expect(formatDate(Date.UTC(2025, 11, 31))).toBe("31 December 2025");
    expect(formatDate(Date.UTC(2026, 0, 1))).toBe("1 January 2026");
  });
});

describe("timeView", () => {
  it("keeps the editor's text and adds ms, relative and display", () => {
    expect(timeView("2026-05-04", AS_OF)).toEqual({ iso: "2026-05-04", ms: Date.UTC(2026, 4, 4), relative: "17d ago", display: "4 May 2026" });
    expect(timeView("2026-05-20T22:00:00-02:00", AS_OF)).toEqual({
      iso: "2026-05-20T22:00:00-02:00",
      ms: AS_OF,
      relative: "just now",
      display: "21 May 2026",
    });
  });

  it("throws on a date that is not ISO 8601", () => {
    expect(() => timeView("May 4", AS_OF)).toThrow('expected an ISO 8601 date, found "May 4"');
  });
});
