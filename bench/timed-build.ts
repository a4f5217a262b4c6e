import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { watchTreeRss } from "./process-tree-rss.js";

const BIN = fileURLToPath(new URL("../bin/versus.js", import.meta.url));

export interface TimedBuild {
  seconds: number;
  peakRssMb: number;
  /** The counts of the build's summary line (`built N pages in … (F files: R rendered, W written, …)`). */
  pages: number;
  files: number;
  rendered: number;
  written: number;
}

/**
 * Flushes the disk's dirty pages, so a timed build does not pay for writing back the files of
 * the run before it (a full build leaves about 1.6 GB behind).
 */
export function settleDisk(): void {
  spawnSync("sync");
}

/**
 * Runs the command once, so that its bundle, made the first time a version of the code runs
 * (bin/versus.js), is not made inside a timed run.
 */
export function prepareCommand(): void {
  spawnSync(process.execPath, [BIN, "help"], { stdio: "ignore" });
}

/**
 * Runs `versus build` as a child process with `SOURCE_DATE_EPOCH` fixed, after prepareCommand and settleDisk,
 * timing it and summing the peak memory of every process it starts. Rejects when the build fails.
 * @example const { seconds } = await timedBuild("/tmp/site", "/tmp/site/_site", ["--no-search"])
 */
export async function timedBuild(root: string, output: string, extra: readonly string[]): Promise<TimedBuild> {
  prepareCommand();
  settleDisk();
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "build", "--root", root, "--output", output, ...extra], {
    env: { ...process.env, SOURCE_DATE_EPOCH: "1779451200" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const rss = watchTreeRss(child.pid!);
  let summary = "";
  child.stdout.on("data", (d: Buffer) => (summary += d.toString()));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = rss.stop();
  if (code !== 0) throw new Error(`build failed (exit ${code}): ${summary}`);
  const count = (pattern: RegExp): number => Number(pattern.exec(summary)?.[1] ?? 0);
  return { seconds, peakRssMb, pages: count(/built (\d+) pages/), files: count(/\((\d+) files/), rendered: count(/(\d+) rendered/), written: count(/(\d+) written/) };
}

/**
 * The Hugo anchor builds pages only, so by default the search index and social cards are off
 * (`--with-search`, `--with-cards` add them; cards are cached after the first build).
 */
export function pagesOnlyFlags(flags: { has(name: string): boolean }): string[] {
  return [...(flags.has("with-search") ? [] : ["--no-search"]), ...(flags.has("with-cards") ? [] : ["--no-social-cards"])];
}
