import { readdirSync } from "node:fs";
import { readTextOr } from "../src/build/read-text.js";

/**
 * Peak memory of a process tree, summed over every process it ran: walks the tree down from
 * `rootPid` through /proc's `children` files and keeps each process's own peak (VmHWM), so
 * helpers (pagefind, rm) count too if they live for one interval. Walking down, not reading every
 * process on the machine, and every 100 ms, keeps the watcher's own CPU out of the build it
 * times: it takes about 1 % of a core, where a scan of all of /proc every 25 ms took 7 %.
 * Linux only; returns 0 elsewhere.
 */
export function watchTreeRss(rootPid: number, intervalMs = 100): { stop(): number } {
  const peaks = new Map<number, number>();
  const sample = (): void => {
    const pending = [rootPid];
    for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
      const status = readTextOr(`/proc/${pid}/status`, "");
      const m = /VmHWM:\s+(\d+) kB/.exec(status);
      if (m) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(m[1]) / 1024));
      pending.push(...childrenOf(pid));
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

// A child belongs to the thread that started it, so every thread's list is read.
function childrenOf(pid: number): number[] {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return []; // the process ended, or this is not Linux
  }
  return threads.flatMap((tid) => readTextOr(`/proc/${pid}/task/${tid}/children`, "").split(" ").filter(Boolean).map(Number));
}
