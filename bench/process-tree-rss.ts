import { readdirSync, readFileSync } from "node:fs";

/**
 * Peak memory of a process tree, summed over every process it ran: polls /proc for the
 * descendants of `rootPid` and keeps each one's own peak (VmHWM), so short-lived helpers
 * (pagefind, rm) count too. Linux only; returns 0 elsewhere.
 */
export function watchTreeRss(rootPid: number, intervalMs = 25): { stop(): number } {
  const peaks = new Map<number, number>();
  const sample = (): void => {
    let entries: string[];
    try {
      entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
    } catch {
      return;
    }
    const parent = new Map<number, number>();
    for (const e of entries) {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, "utf8");
        parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      } catch {
        /* the process ended between listing and reading */
      }
    }
    const inTree = (pid: number): boolean => {
      for (let p: number | undefined = pid, depth = 0; p && depth < 64; p = parent.get(p), depth++) if (p === rootPid) return true;
      return false;
    };
    for (const pid of parent.keys()) {
      if (!inTree(pid)) continue;
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        if (m) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(m[1]) / 1024));
      } catch {
        /* ended */
      }
    }
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return [...peaks.values()].reduce((a, b) => a + b, 0);
    },
  };
}
