/** phaseTimer: each phase's seconds, printed on one line only when VERSUS_TIMINGS=1. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { phaseTimer } from "../../src/build/phase-timer.js";

afterEach(() => vi.unstubAllEnvs());

function run(env: string | undefined): string {
  vi.stubEnv("VERSUS_TIMINGS", env);
  let clock = 1_000;
  const timer = phaseTimer(() => clock);
  clock += 1_250;
  timer.lap("load");
  clock += 40;
  timer.lap("model");
  let written = "";
  timer.report({ write: (text: string) => ((written += text), true) } as unknown as NodeJS.WritableStream);
  return written;
}

describe("phaseTimer", () => {
  it("prints each phase's seconds since the one before, in order, on one line, when VERSUS_TIMINGS=1", () => {
    expect(run("1")).toMatch(/^timings: load 1\.25s \(rss \d+ MB\), model 0\.04s \(rss \d+ MB\)\n$/);
  });

  it("prints nothing otherwise, so a build's output stays its one summary line", () => {
    expect(run(undefined)).toBe("");
    expect(run("0")).toBe("");
  });
});
