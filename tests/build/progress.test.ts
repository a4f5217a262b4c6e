import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/build/progress.js";

/** A stream double: records what is written; `isTTY` as given. */
function stream(isTTY: boolean): { s: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const s = { isTTY, write: (chunk: string) => (written.push(chunk), true) } as unknown as NodeJS.WriteStream;
  return { s, written };
}

describe("createProgress", () => {
  it("writes nothing at all when the stream is not a terminal", () => {
    const { s, written } = stream(false);
    let t = 0;
    const p = createProgress(1000, s, () => (t += 500));
    for (let i = 0; i < 10; i++) p.add(100);
    p.finish();
    expect(written).toEqual([]);
  });

  it("on a terminal, redraws one line (at most every 100 ms) with done/total, rate and time left, then clears it", () => {
    const { s, written } = stream(true);
    let t = 0;
    const p = createProgress(1000, s, () => t);
    t = 1000;
    p.add(250); // 250 files in 1 s: 250/s, 750 left → 3 s
    t = 1050;
    p.add(250); // under 100 ms since the last draw: no redraw
    t = 2000;
    p.add(500);
    p.finish();
    expect(written).toEqual(["\r\x1b[2Krendered 250/1000 files · 250/s · 3s left", "\r\x1b[2Krendered 1000/1000 files · 500/s · 0s left", "\r\x1b[2K"]);
    expect(written.join("")).not.toContain("\n");
  });

  it("takes the rate over the last 2 s or more, not since the start, so a slow start does not inflate the time left", () => {
    const { s, written } = stream(true);
    let t = 0;
    const p = createProgress(10_000, s, () => t);
    const steps: [number, number][] = [
      [1000, 100], // warming up: 100/s
      [2000, 1900], // 2,000 done in 2 s: 1,000/s, 8,000 left → 8 s
      [3000, 2000], // since 1 s (2 s back): 3,900 in 2 s = 1,950/s, 6,000 left → 4 s (the start's average says 5 s)
      [4000, 2000], // since 2 s: 4,000 in 2 s = 2,000/s, 4,000 left → 2 s (the start's average says 3 s)
    ];
    for (const [at, n] of steps) {
      t = at;
      p.add(n);
    }
    expect(written).toEqual([
      "\r\x1b[2Krendered 100/10000 files · 100/s · 99s left",
      "\r\x1b[2Krendered 2000/10000 files · 1000/s · 8s left",
      "\r\x1b[2Krendered 4000/10000 files · 1950/s · 4s left",
      "\r\x1b[2Krendered 6000/10000 files · 2000/s · 2s left",
    ]);
  });

  it("names what it counts: files unless told, social cards for the cards' line", () => {
    const { s, written } = stream(true);
    let t = 0;
    const p = createProgress(4, s, () => t, "social cards");
    t = 1000;
    p.add(1);
    p.finish();
    expect(written).toEqual(["\r\x1b[2Krendered 1/4 social cards · 1/s · 3s left", "\r\x1b[2K"]);
  });

  it("with nothing to render, stays silent even on a terminal", () => {
    const { s, written } = stream(true);
    const p = createProgress(0, s, () => 0);
    p.finish();
    expect(written).toEqual([]);
  });
});
