/**
 * Build progress: on a terminal, a single updating line with what was rendered, total, rate and
 * time left; elsewhere nothing until the one summary line. Pages are counted in files, as the
 * summary's "N rendered" is (every pair has a page and a reverse-order redirect page); a first
 * build's social cards, seconds of work, get a line of their own.
 */
export interface Progress {
  add(done: number): void;
  finish(): void;
}

/**
 * The rate (and so the time left) is taken over at least the last 2 s: the first batches run
 * slower (product pages come first, and the threads are still warming up), and a rate since
 * the start kept the estimate too long for much of a build: a 600-product build said 8 s left
 * with about 3 s to go.
 */
const RATE_WINDOW_MS = 2000;

export function createProgress(total: number, stream: NodeJS.WriteStream, now: () => number, unit = "files"): Progress {
  let done = 0;
  let lastDraw = 0;
  // (time, done) at each redraw, oldest first; the oldest kept is the newest at least a window old.
  const samples = [{ t: now(), done: 0 }];
  const interactive = stream.isTTY === true && total > 0;
  const draw = (t: number): void => {
    samples.push({ t, done });
    while (samples.length > 2 && t - samples[1]!.t >= RATE_WINDOW_MS) samples.shift();
    const from = samples[0]!;
    const rate = (done - from.done) / Math.max(0.001, (t - from.t) / 1000);
    const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    stream.write(`\r\x1b[2Krendered ${done}/${total} ${unit} · ${Math.round(rate)}/s · ${left}s left`);
  };
  return {
    add(n) {
      done += n;
      const t = now();
      if (interactive && t - lastDraw > 100) {
        lastDraw = t;
        draw(t);
      }
    },
    finish() {
      if (interactive) stream.write("\r\x1b[2K");
    },
  };
}
