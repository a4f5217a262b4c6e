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
    p.add(250); // 250 pages in 1 s: 250/s, 750 left → 3 s
    t = 1050;
    p.add(250); // under 100 ms since the last draw: no redraw
    t = 2000;
    p.add(500);
    p.finish();
    expect(written).toEqual(["\r\x1b[2Kpages 250/1000 · 250/s · 3s left", "\r\x1b[2Kpages 1000/1000 · 500/s · 0s left", "\r\x1b[2K"]);
    expect(written.join("")).not.toContain("\n");
  });

  it("with nothing to render, stays silent even on a terminal", () => {
    const { s, written } = stream(true);
    const p = createProgress(0, s, () => 0);
    p.finish();
    expect(written).toEqual([]);
  });
});
