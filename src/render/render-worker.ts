/**
 * A render worker: receives the pair context once (workerData), then batches of jobs, and writes
 * each page under `outDir`. Runs in a worker thread so both cores render.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { createNunjucksEnvironment } from "./nunjucks-environment.js";
import { renderJob } from "./render-page.js";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./page-jobs.js";

const { context, outDir } = workerData as WorkerSetup;
const env = createNunjucksEnvironment();
const madeDirs = new Set<string>();

parentPort!.on("message", ({ jobs }: WorkerRequest) => {
  try {
    for (const job of jobs) {
      const target = path.join(outDir, job.file);
      const dir = path.dirname(target);
      if (!madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        madeDirs.add(dir);
      }
      writeFileSync(target, renderJob(env, context, job));
    }
    parentPort!.postMessage({ done: jobs.length } satisfies WorkerReply);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
