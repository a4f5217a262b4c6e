/**
 * Build progress: on a terminal, a single updating line with pages done, total, rate and time
 * left; elsewhere nothing until the one summary line.
 */
export interface Progress {
  add(done: number): void;
  finish(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream, now: () => number): Progress {
  const started = now();
  let done = 0;
  let lastDraw = 0;
  const interactive = stream.isTTY === true && total > 0;
  const draw = (): void => {
    const seconds = Math.max(0.001, (now() - started) / 1000);
    const rate = done / seconds;
    const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    stream.write(`\r\x1b[2Kpages ${done}/${total} · ${Math.round(rate)}/s · ${left}s left`);
  };
  return {
    add(n) {
      done += n;
      if (interactive && now() - lastDraw > 100) {
        lastDraw = now();
        draw();
      }
    },
    finish() {
      if (interactive) stream.write("\r\x1b[2K");
    },
  };
}
