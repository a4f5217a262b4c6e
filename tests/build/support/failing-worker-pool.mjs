// Test double for src/render/worker-pool.ts (see render-failure-hooks.mjs): a pool whose render
// hits a template error after part of a page was written into the staging folder. It exports
// every entry point the build has used (renderInWorkers; startRendering/renderPages; startRenderPool;
// rendersInThisThread).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SIMULATED_ERROR = "Template render error: (pages/pair.njk) [Line 3, Column 12]\n  simulated failure for tests";

function writeHalfAPage(jobs, options) {
  const first = jobs[0];
  if (!first) return;
  const target = path.join(options.outDir, first.file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, "<!doctype html><p>half a page");
}

export async function renderInWorkers(jobs, options) {
  writeHalfAPage(jobs, options);
  throw new Error(SIMULATED_ERROR);
}

export function startRendering(jobs, options) {
  writeHalfAPage(jobs, options);
  return {
    async finishHere() {
      throw new Error(SIMULATED_ERROR);
    },
    async abort() {},
  };
}

export function renderPages(jobs, options) {
  return startRendering(jobs, options).finishHere();
}

export function startRenderPool() {
  return { threads: Promise.resolve([]), async close() {} };
}

export function rendersInThisThread() {
  return false;
}
