/**
 * Seconds spent in each build phase and the memory held after it, printed when `VERSUS_TIMINGS=1` (for profiling builds;
 * the benchmark reads the totals, not these).
 */
export function phaseTimer(now: () => number): { lap(phase: string): void; report(stream: NodeJS.WritableStream): void } {
  const laps: string[] = [];
  let last = now();
  return {
    lap(phase) {
      const t = now();
      laps.push(`${phase} ${((t - last) / 1000).toFixed(2)}s (rss ${Math.round(process.memoryUsage.rss() / 1e6)} MB)`);
      last = t;
    },
    report(stream) {
      if (process.env.VERSUS_TIMINGS === "1") stream.write(`timings: ${laps.join(", ")}\n`);
    },
  };
}
