/**
 * vitest globalSetup: builds the example site once for the whole run and hands the folder to
 * every test worker (provide/inject key and env var VERSUS_SITE_DIR). Set VERSUS_SITE_DIR yourself
 * to test an existing build instead; it is then left in place.
 *
 * vitest.config.ts: test.globalSetup: ["tests/helpers/global-setup.ts"]
 */
import type { TestProject } from "vitest/node";
import { buildExampleSite, SITE_DIR_ENV } from "./built-site.js";

declare module "vitest" {
  export interface ProvidedContext {
    VERSUS_SITE_DIR: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const existing = process.env[SITE_DIR_ENV];
  if (existing) {
    project.provide(SITE_DIR_ENV, existing);
    return async () => {};
  }
  const { dir, summary, ms, cleanup } = await buildExampleSite();
  console.log(`[global-setup] ${summary} (${ms} ms) → ${dir}`);
  process.env[SITE_DIR_ENV] = dir;
  project.provide(SITE_DIR_ENV, dir);
  return async () => {
    delete process.env[SITE_DIR_ENV];
    if (!process.env.VERSUS_KEEP_SITE) await cleanup();
    else console.log(`[global-setup] kept the built site at ${dir}`);
  };
}
