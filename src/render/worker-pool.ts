import os from "node:os";
import { setImmediate as yieldToEvents } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { PairContext } from "../site/pair-page.js";
import type { PageJob, WorkerReply, WorkerSetup } from "./page-jobs.js";
import { createNunjucksEnvironment } from "./nunjucks-environment.js";
import { writeJobs } from "./render-page.js";

const ENTRY = new URL("./render-worker-entry.mjs", import.meta.url);
const BATCH = 250;
/** Below this many pages, starting a thread costs more than it saves: render in this thread. */
const INLINE_LIMIT = 600;

export interface RenderOptions {
  context: PairContext;
  outDir: string;
  /** The last build's output, to leave pages whose bytes did not change (see writeJobs). */
  previousDir?: string;
  /** Dev server: render here, with template caching off so template edits show. */
  watch?: boolean;
  onProgress?: (done: number) => void;
}

/** Pages being rendered: worker threads pull batches from one queue; this thread can join in. */
export interface Rendering {
  /**
   * Render batches in this thread too until the queue is empty, then wait for the workers.
   * Resolves to the pages that were not written because their bytes did not change.
   */
  finishHere(): Promise<Set<string>>;
  /** Stops the workers without finishing (the build failed elsewhere). */
  abort(): Promise<void>;
}

/**
 * Starts rendering jobs on one worker thread per core but one; the calling thread is expected to
 * do other work (Eleventy) and then join with `finishHere()`, so every core renders without a
 * thread (and its memory) per core. Batches are handed out from one queue so no thread waits
 * on another. Rejects on the first template error, after stopping the workers.
 * @example const rendering = startRendering(jobs, { context, outDir }); await runEleventy(); await rendering.finishHere();
 */
export function startRendering(jobs: readonly PageJob[], options: RenderOptions): Rendering {
  let next = 0;
  const take = (): PageJob[] => jobs.slice(next, (next += BATCH));
  const inline = jobs.length <= INLINE_LIMIT || options.watch === true;
  const threads = inline ? 0 : Math.min(Math.max(1, os.availableParallelism() - 1), Math.ceil(jobs.length / BATCH));
  const workers: Worker[] = [];
  const setup: WorkerSetup = { context: options.context, outDir: options.outDir, ...(options.previousDir ? { previousDir: options.previousDir } : {}) };
  const unchanged = new Set<string>();
  const working = Promise.all(
    Array.from({ length: threads }, () => {
      // A capped heap makes the worker collect garbage early: pages are short-lived strings.
      const worker = new Worker(ENTRY, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 } });
      workers.push(worker);
      return new Promise<void>((resolve, reject) => {
        const feed = (): void => {
          const batch = take();
          if (batch.length === 0) resolve();
          else worker.postMessage({ jobs: batch });
        };
        worker.on("message", (reply: WorkerReply) => {
          if ("error" in reply) return reject(new Error(reply.error));
          for (const file of reply.unchanged) unchanged.add(file);
          options.onProgress?.(reply.done);
          feed();
        });
        worker.on("error", reject);
        worker.on("online", feed);
      });
    }),
  );
  const stop = (): Promise<unknown> => Promise.all(workers.map((w) => w.terminate()));
  // Surface a worker failure even before finishHere is called; finishHere rethrows it.
  working.catch(() => stop());
  return {
    async finishHere() {
      const env = createNunjucksEnvironment({ watch: options.watch ?? false });
      const madeDirs = new Set<string>();
      try {
        for (let batch = take(); batch.length > 0; batch = take()) {
          for (const file of writeJobs(env, options.context, options.outDir, batch, madeDirs, options.previousDir)) unchanged.add(file);
          options.onProgress?.(batch.length);
          // Let the workers' messages through so they never wait for their next batch.
          await yieldToEvents();
        }
        await working;
      } finally {
        await stop();
      }
      return unchanged;
    },
    async abort() {
      next = jobs.length;
      await stop();
    },
  };
}

/**
 * Renders every job and waits: for callers with nothing else to do meanwhile.
 * @example await renderPages(jobs, { context, outDir })
 */
export function renderPages(jobs: readonly PageJob[], options: RenderOptions): Promise<Set<string>> {
  return startRendering(jobs, options).finishHere();
}
