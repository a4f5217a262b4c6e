/**
 * A render worker: compiles the templates as soon as it starts, then receives the pair context
 * (a WorkerSetup message) and batches of jobs with the views of their product and alternatives
 * pages, and writes each page under the setup's `outDir`. Runs in a worker thread so both cores
 * render.
 */
import { parentPort, workerData } from "node:worker_threads";
import { compileTemplates, createNunjucksEnvironment } from "./nunjucks-environment.js";
import { PAGE_TEMPLATES, writeJobs } from "./render-page.js";
import type { RenderWorkerData, WorkerReply, WorkerRequest, WorkerSetup } from "./page-jobs.js";

// Started by startRenderPool, a thread knows the build's fingerprint; one started without it compiles.
const fingerprint = (workerData as RenderWorkerData | null)?.fingerprint;
const env = createNunjucksEnvironment({ forOneBuild: true, ...(fingerprint === undefined ? {} : { compiledFor: fingerprint }) });
compileTemplates(env, Object.values(PAGE_TEMPLATES));
const madeDirs = new Set<string>();
let setup: WorkerSetup | undefined;

parentPort!.on("message", (message: WorkerSetup | WorkerRequest) => {
  if ("context" in message) {
    setup = message;
    return;
  }
  const { jobs, pages } = message;
  try {
    const { context, outDir, previousDir } = setup!;
    Object.assign(context.productPages, pages.productPages);
    Object.assign(context.alternativesPages, pages.alternativesPages);
    const unchanged = writeJobs(env, context, outDir, jobs, madeDirs, previousDir);
    parentPort!.postMessage({ done: jobs.length, unchanged } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
