/**
 * A render worker: receives the pair context once (workerData), then batches of jobs with the
 * views of their product and alternatives pages, and writes each page under `outDir`. Runs in a
 * worker thread so both cores render.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createNunjucksEnvironment } from "./nunjucks-environment.js";
import { writeJobs } from "./render-page.js";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./page-jobs.js";

const { context, outDir, previousDir } = workerData as WorkerSetup;
const env = createNunjucksEnvironment({ forOneBuild: true });
const madeDirs = new Set<string>();

parentPort!.on("message", ({ jobs, pages }: WorkerRequest) => {
  try {
    Object.assign(context.productPages, pages.productPages);
    Object.assign(context.alternativesPages, pages.alternativesPages);
    const unchanged = writeJobs(env, context, outDir, jobs, madeDirs, previousDir);
    parentPort!.postMessage({ done: jobs.length, unchanged } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
