/**
 * Helpers for tests that run real builds: `versus` as a child process (Eleventy cannot load its
 * TypeScript config inside a vitest worker, so every build runs the way users run it), temp
 * folders, and snapshots of output trees (bytes and mtimes) to compare builds with.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { makeRoot, type Files } from "../content/helpers.js";
import { runCaptured, type Captured } from "../helpers/run-captured.js";

/** The repository root. */
export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(REPO, "bin", "versus.js");

/** 2026-05-22T12:00:00Z: every build in these tests is measured against this instant. */
export const SOURCE_DATE_EPOCH = "1779451200";
export const AS_OF_MS = Number(SOURCE_DATE_EPOCH) * 1000;

/** Loader hooks that make the render worker pool fail (see tests/build/support/). */
export const RENDER_FAILURE_IMPORT = fileURLToPath(new URL("./support/register-render-failure.mjs", import.meta.url));
/** Loader hooks that make the pagefind package fail: a build that starts a search index exits 1. */
export const NO_PAGEFIND_IMPORT = fileURLToPath(new URL("./support/register-no-pagefind.mjs", import.meta.url));

export type RunResult = Captured;

export interface RunOptions {
  /** Extra environment variables (SOURCE_DATE_EPOCH is set unless given here). */
  env?: Record<string, string | undefined>;
  /** `--import` modules for node (loader hooks). */
  imports?: string[];
  cwd?: string;
}

/** Runs `node bin/versus.js …args` with pipes (so never a terminal) and a fixed SOURCE_DATE_EPOCH. */
export function runVersus(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  // Loader hooks replace source modules, which the bundled command does not load.
  const fromSource = options.imports?.length ? { VERSUS_FROM_SOURCE: "1" } : {};
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH, ...fromSource, ...options.env };
  // Nothing from the test runner's own environment may change what the build prints.
  delete env.VERSUS_TIMINGS;
  delete env.NODE_OPTIONS;
  for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k];
  const nodeArgs = [...(options.imports ?? []).flatMap((m) => ["--import", m]), BIN, ...args];
  return runCaptured(process.execPath, nodeArgs, { cwd: options.cwd ?? REPO, env });
}

/** `versus build --root R --output O …extra`; throws with the output when it does not exit 0. */
export async function build(root: string, output: string, extra: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
  const result = await runVersus(["build", "--root", root, "--output", output, ...extra], options);
  if (result.code !== 0) throw new Error(`versus build exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  return result;
}

/** The numbers of `versus build`'s summary line. */
export function parseSummary(stdout: string): { pages: number; files: number; rendered: number; written: number; removed: number; unchanged: number } {
  const m = /^built (\d+) pages(?: \(shard \d+\/\d+\))? in \d+\.\ds → .+ \((\d+) files: (\d+) rendered, (\d+) written, (\d+) removed, (\d+) unchanged\)\n$/.exec(stdout);
  if (!m) throw new Error(`not a build summary line: ${JSON.stringify(stdout)}`);
  const [pages, files, rendered, written, removed, unchanged] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return { pages, files, rendered, written, removed, unchanged };
}

const temps: string[] = [];

/** A new empty temp folder, removed by `cleanupTemps`. */
export async function tempDir(prefix = "versus-test-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export async function cleanupTemps(): Promise<void> {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** tests/fixtures/sites/small copied to a temp root (see tests/fixtures/sites/README.md), with file overrides. */
export function smallRoot(files: Files = {}, overlay?: string): Promise<string> {
  return makeRoot({ base: "../sites/small", files, ...(overlay === undefined ? {} : { overlay }) });
}

/** Every file under `dir` as a sorted list of paths with forward slashes. */
export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** Every entry (files and folders) under `dir`, sorted, folders with a trailing slash. */
export function listEntries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/") + (e.isDirectory() ? "/" : ""))
    .sort();
}

export interface FileState {
  bytes: Buffer;
  mtimeMs: number;
}

/** Bytes and mtime of every file under `dir`. */
export function snapshot(dir: string): Map<string, FileState> {
  return new Map(listTree(dir).map((f) => [f, { bytes: readFileSync(join(dir, f)), mtimeMs: statSync(join(dir, f)).mtimeMs }]));
}

/** Paths whose bytes differ between two snapshots, plus paths only in one of them. */
export function changedBytes(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => {
    const x = before.get(p);
    const y = after.get(p);
    return !x || !y || !x.bytes.equals(y.bytes);
  }).sort();
}

/** Paths present in both snapshots whose mtime changed, plus paths only in one of them. */
export function changedMtimes(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => {
    const x = before.get(p);
    const y = after.get(p);
    return !x || !y || x.mtimeMs !== y.mtimeMs;
  }).sort();
}

/** Asserts-friendly comparison of two trees: the paths of each and the paths whose bytes differ. */
export function diffTrees(a: string, b: string): { onlyA: string[]; onlyB: string[]; differ: string[] } {
  const fa = new Set(listTree(a));
  const fb = new Set(listTree(b));
  return {
    onlyA: [...fa].filter((f) => !fb.has(f)),
    onlyB: [...fb].filter((f) => !fa.has(f)),
    differ: [...fa].filter((f) => fb.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))),
  };
}

/** Folders and files beside `output` whose names start with `<output name>.staging-`. */
export function stagingFoldersBeside(output: string): string[] {
  const parent = join(output, "..");
  const name = output.split(sep).pop()!;
  return readdirSync(parent).filter((n) => n.startsWith(`${name}.staging-`));
}

/** Resolves once `check` holds, polling (for work the build leaves to a detached process). */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/** The pid of a process that has exited, as a build that died leaves in its file and lock names. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "0"]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}
