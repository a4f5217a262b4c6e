import os from "node:os";
import { Worker } from "node:worker_threads";
import type { PairContext } from "../site/pair-page.js";
import type { PageJob, WorkerReply, WorkerSetup } from "./page-jobs.js";
import { createNunjucksEnvironment } from "./nunjucks-environment.js";
import { writeJobs } from "./render-page.js";

const ENTRY = new URL("./render-worker-entry.mjs", import.meta.url);
const BATCH = 250;
/** Below this many pages, starting threads costs more than it saves: render in this thread. */
const INLINE_LIMIT = 600;

/**
 * Renders jobs on worker threads (one per core, at most `threads`), handing out batches so a
 * slow worker never holds up the rest. Resolves when all are written; rejects on the first
 * template error, after stopping every worker.
 * @example await renderInWorkers(jobs, { context, outDir: staging, onProgress: (n) => bar.tick(n) })
 */
export async function renderInWorkers(
  jobs: readonly PageJob[],
  options: { context: PairContext; outDir: string; threads?: number; watch?: boolean; onProgress?: (done: number) => void },
): Promise<void> {
  if (jobs.length === 0) return;
  if (jobs.length <= INLINE_LIMIT || options.watch) {
    // The dev server renders here too, with template caching off so template edits show.
    writeJobs(createNunjucksEnvironment({ watch: options.watch ?? false }), options.context, options.outDir, jobs, new Set());
    options.onProgress?.(jobs.length);
    return;
  }
  const threads = Math.max(1, Math.min(options.threads ?? os.availableParallelism(), Math.ceil(jobs.length / BATCH)));
  const setup: WorkerSetup = { context: options.context, outDir: options.outDir };
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(ENTRY, { workerData: setup });
          workers.push(worker);
          const feed = (): void => {
            if (next >= jobs.length) {
              resolve();
              return;
            }
            worker.postMessage({ jobs: jobs.slice(next, next + BATCH) });
            next += BATCH;
          };
          worker.on("message", (reply: WorkerReply) => {
            if ("error" in reply) reject(new Error(reply.error));
            else {
              options.onProgress?.(reply.done);
              feed();
            }
          });
          worker.on("error", reject);
          worker.on("online", feed);
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
