import os from "node:os";
import { Worker } from "node:worker_threads";
import type { PairContext } from "../site/pair-page.js";
import type { PageJob, PageViews, WorkerReply, WorkerRequest, WorkerSetup } from "./page-jobs.js";
import { createNunjucksEnvironment } from "./nunjucks-environment.js";
import { workerBundle } from "./worker-bundle.js";
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

export interface RenderOptions {
  context: PairContext;
  outDir: string;
  /** The last build's output, to leave pages whose bytes did not change (see writeJobs). */
  previousDir?: string;
  /** The build's render fingerprint (names the worker bundle); computed when not given. */
  fingerprint?: string;
  onProgress?: (done: number) => void;
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
  if (jobs.length <= INLINE_LIMIT) {
    const env = createNunjucksEnvironment({ forOneBuild: true });
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
  const entry = await workerBundle(options.fingerprint ?? renderFingerprint());
  const threads = Math.min(os.availableParallelism(), Math.ceil(jobs.length / BATCH));
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = new Worker(entry, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        workers.push(worker);
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
          worker.on("error", reject);
          worker.on("online", feed);
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
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
