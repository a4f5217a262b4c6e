import os from "node:os";
import type { Worker } from "node:worker_threads";
import type { PairContext } from "../site/pair-page.js";
import type { PageJob, PageViews, RenderWorkerData, WorkerReply, WorkerRequest, WorkerSetup } from "./page-jobs.js";
import { createNunjucksEnvironment } from "./nunjucks-environment.js";
import { startBundleWorker, workerBundle } from "../build/code-bundles.js";
import { renderFingerprint } from "../build/digest.js";
import { writeJobs } from "./render-page.js";

const BATCH = 250;
/** Below this many pages, starting threads costs more than it saves: render in this thread. */
const INLINE_LIMIT = 600;
/**
 * A page is garbage once written, so the young generation bounds a worker's churn. 24 MB (8 MB
 * semi-spaces) cut a 600-product build's CPU time by 6-12 % against 8 MB in six alternating
 * rounds; 16 MB and 48 MB were slower than 24, and peak memory did not move.
 */
const YOUNG_GENERATION_MB = 24;

/**
 * Whether renderPages renders this many jobs in the calling thread, without render threads.
 * @example rendersInThisThread(156) // true
 */
export function rendersInThisThread(jobs: number): boolean {
  return jobs <= INLINE_LIMIT;
}

export interface RenderOptions {
  context: PairContext;
  outDir: string;
  /** The last build's output, to leave pages whose bytes did not change (see writeJobs). */
  previousDir?: string;
  /** The build's render fingerprint (names the worker bundle); computed when not given. */
  fingerprint?: string;
  /** Threads started before the pages were known (see startRenderPool); closed when the pages are done. */
  pool?: RenderPool;
  onProgress?: (done: number) => void;
}

/** Render threads (one per core unless fewer were asked for), each with the templates compiled, waiting for a context. */
export interface RenderPool {
  /** The threads once started, each with a promise that rejects when it fails or stops. */
  readonly threads: Promise<{ worker: Worker; stopped: Promise<never> }[]>;
  close(): Promise<void>;
}

/**
 * Starts the render threads ahead of the pages: a fresh build starts them before it loads the
 * content, so they load their code and compile the templates on the core the loading leaves
 * idle. renderPages closes it; close it also when the build ends without rendering.
 * `threads` is one per core unless fewer are asked for.
 * @example const pool = startRenderPool(fingerprint); try { await renderPages(jobs, { …, pool }) } finally { await pool.close() }
 */
export function startRenderPool(fingerprint: string = renderFingerprint(), threads: number = os.availableParallelism()): RenderPool {
  let workers: Worker[] = [];
  let closed = false;
  const started = workerBundle(fingerprint).then((entry) => {
    if (closed) return [];
    const workerData: RenderWorkerData = { fingerprint };
    workers = Array.from({ length: threads }, () => startBundleWorker(entry, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
    return workers.map((worker) => {
      // Listened to from the start: a thread can fail before it has any work.
      const stopped = new Promise<never>((_, reject) => {
        worker.on("error", reject);
        worker.on("exit", (code) => reject(new Error(`a render thread stopped (exit code ${code})`)));
      });
      stopped.catch(() => undefined);
      return { worker, stopped };
    });
  });
  // Awaited by renderPages or close; a bundle that cannot be made fails the render, not the start.
  started.catch(() => undefined);
  return {
    threads: started,
    async close() {
      closed = true;
      await started.catch(() => undefined);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Renders jobs on one worker thread per core, handing out batches from one queue so no thread
 * waits on another, and resolves to the pages that were not written because their bytes did
 * not change (see writeJobs). Small sets (a dev-server save) render in this thread instead.
 * Either way the templates are compiled afresh for each call, so edits to them always show.
 * Rejects on the first template error, after stopping the workers.
 * @example const unchanged = await renderPages(jobs, { context, outDir: staging, previousDir: output })
 */
export async function renderPages(jobs: readonly PageJob[], options: RenderOptions): Promise<Set<string>> {
  const unchanged = new Set<string>();
  if (jobs.length === 0) return unchanged;
  if (rendersInThisThread(jobs.length)) {
    const env = createNunjucksEnvironment({ forOneBuild: true, compiledFor: options.fingerprint ?? renderFingerprint() });
    for (const file of writeJobs(env, options.context, options.outDir, jobs, new Set(), options.previousDir)) unchanged.add(file);
    options.onProgress?.(jobs.length);
    return unchanged;
  }
  let next = 0;
  // Product and alternatives pages are 2-3 % of the jobs but their views are over half of the
  // context's bytes: each view goes with its job's batch, to one worker, instead of being copied
  // into (and decoded by) every worker before it can start.
  const { productPages, alternativesPages, ...shared } = options.context;
  const context: PairContext = { ...shared, productPages: {}, alternativesPages: {} };
  const setup: WorkerSetup = { context, outDir: options.outDir, ...(options.previousDir ? { previousDir: options.previousDir } : {}) };
  // A small set does not need every core: a pool started here has a thread per batch at most,
  // and in a pool started earlier the threads past the batches stay idle.
  const needed = Math.ceil(jobs.length / BATCH);
  const pool = options.pool ?? startRenderPool(options.fingerprint, Math.min(os.availableParallelism(), needed));
  try {
    const threads = (await pool.threads).slice(0, needed);
    if (threads.length === 0) throw new Error("renderPages: the render threads were closed before the pages came");
    await Promise.all(
      threads.map(({ worker, stopped }) => {
        worker.postMessage(setup);
        return new Promise<void>((resolve, reject) => {
          const feed = (): void => {
            const batch = jobs.slice(next, (next += BATCH));
            if (batch.length === 0) resolve();
            else worker.postMessage({ jobs: batch, pages: viewsFor(batch, options.context) } satisfies WorkerRequest);
          };
          worker.on("message", (reply: WorkerReply) => {
            if ("error" in reply) return reject(new Error(reply.error));
            for (const file of reply.unchanged) unchanged.add(file);
            options.onProgress?.(reply.done);
            feed();
          });
          stopped.catch(reject);
          feed();
        });
      }),
    );
  } finally {
    // Closed here even when given: a failed render must stop writing before the build cleans up.
    await pool.close();
  }
  return unchanged;
}

/** The views of a batch's product and alternatives pages (pair pages are built from the context). */
function viewsFor(batch: readonly PageJob[], context: PairContext): PageViews {
  const views: PageViews = { productPages: {}, alternativesPages: {} };
  for (const job of batch) {
    if (job.kind === "product") views.productPages[job.slug] = context.productPages[job.slug]!;
    else if (job.kind === "alternatives") views.alternativesPages[job.slug] = context.alternativesPages[job.slug]!;
  }
  return views;
}
