import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./fs-atomic.js";
import { readTextOr } from "./read-text.js";
import { isProcessRunning } from "./process-running.js";
import { manifestPath, writeManifest, type Manifest } from "./output-manifest.js";

/**
 * How a finished staging folder becomes the output. Until the commit starts, the previous output
 * is untouched. A fresh build swaps whole folders (two renames); an incremental build moves only
 * changed files in. Either follows a journal written first (with the new manifest beside it):
 * if the process dies midway, the next build finishes the journal before anything else, so the
 * output is never left half-updated, nor without the manifest that says Versus wrote it.
 */
export interface Journal {
  staging: string;
  changed: string[];
  removed: string[];
}

/** A whole-folder swap: the output (if any) moves to `old`, then the staging folder takes its place. */
interface SwapJournal {
  staging: string;
  swap: { old: string | undefined };
}

export const journalPath = (output: string): string => `${output}.versus-journal.json`;
/** The manifest of a commit in progress; it replaces the manifest when the commit ends. */
export const nextManifestPath = (output: string): string => `${output}.versus-manifest.next.json`;

/** The folder a build stages its files in, beside the output, named after its process. */
export const stagingPath = (output: string, nowMs: number): string => siblingPath(output, "staging", nowMs);

const siblingPath = (output: string, kind: "staging" | "old", nowMs: number): string => `${output}.${kind}-${process.pid}-${nowMs}`;

/**
 * Deletes, in the background, the staging and old folders beside `output` that builds which
 * died (killed, out of memory, Ctrl-C) left behind, those whose process is gone, and such
 * builds' half-made lock files. A large site's staging folder holds gigabytes, and nothing
 * else would ever remove it. Run after recoverInterruptedCommit, which still needs the staging
 * folder of an interrupted commit.
 */
export function removeAbandonedFolders(output: string): void {
  const dir = path.dirname(output);
  const prefix = `${path.basename(output)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no parent folder yet: nothing was left
  }
  for (const name of names) {
    const rest = name.startsWith(prefix) ? name.slice(prefix.length) : "";
    const m = /^(?:staging|old)-(\d+)-\d+$/.exec(rest);
    if (m && !isProcessRunning(Number(m[1]))) removeInBackground(path.join(dir, name));
    // The file a lock is written in before it is linked into place (see createHolding).
    const own = /^versus-lock(?:\.takeover)?\.new-(\d+)$/.exec(rest);
    if (own && !isProcessRunning(Number(own[1]))) rmSync(path.join(dir, name), { force: true });
    // A manifest or journal a build was writing when it died (see writeFileAtomic).
    const half = /^versus-[\w.-]+\.tmp-(\d+)-\d+$/.exec(rest);
    if (half && !isProcessRunning(Number(half[1]))) rmSync(path.join(dir, name), { force: true });
  }
}

/** Two builds into one output would commit over each other; the second waits its turn. */
export class OutputLockedError extends Error {
  /** @param holder the process that holds the lock, when it has written its id yet */
  constructor(message: string, readonly holder?: number) {
    super(message);
  }
}

/**
 * Takes `<output>.versus-lock` for this process and returns its release. A lock whose process
 * is gone (a build that died) is taken over; one whose process runs throws OutputLockedError.
 * @example const release = lockOutput(output); try { … } finally { release(); }
 */
export function lockOutput(output: string): () => void {
  const file = `${output}.versus-lock`;
  // A build that stops on content leaves nothing behind, not even a parent folder made for the lock.
  const madeParent = mkdirSync(path.dirname(output), { recursive: true });
  const release = (): void => {
    if (readTextOr(file, "") === String(process.pid)) rmSync(file, { force: true });
    if (madeParent !== undefined) removeEmptyParents(path.dirname(madeParent), path.relative(path.dirname(madeParent), path.dirname(output)));
  };
  for (;;) {
    if (createHolding(file, String(process.pid))) return release;
    const seen = readTextOr(file, undefined);
    if (seen === undefined) continue; // released meanwhile
    const holder = runningProcess(seen);
    if (holder !== undefined && holder !== process.pid) {
      throw new OutputLockedError(`another versus build (process ${holder}) is writing to ${output}; wait for it to finish, or stop it`, holder);
    }
    // Locks appear with their pid in them, but an older Versus created the lock, then wrote its
    // pid: an empty lock is such a build starting, unless old.
    const starting = `another versus build is starting to write to ${output}; wait for it to finish`;
    if (seen === "" && writtenLately(file)) throw new OutputLockedError(starting);
    // Another build is taking the stale lock over: it will hold the lock in a moment.
    if (!removeStaleLock(file, seen)) throw new OutputLockedError(starting);
  }
}

const STARTING_LOCK_MS = 10_000;

/**
 * Creates `file` holding `text`, or returns false when it exists. The text is written to a file
 * of this process first and linked into place, so no other process ever reads the file empty.
 */
function createHolding(file: string, text: string): boolean {
  const own = `${file}.new-${process.pid}`;
  writeFileSync(own, text);
  try {
    linkSync(own, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    rmSync(own, { force: true });
  }
}

/**
 * Removes a lock judged stale from its content `seen`, unless another build took the lock since
 * it was read. Only the build that creates `<lock>.takeover` may remove a stale lock, so a lock
 * is never touched by two builds at once: three builds finding one dead build's lock used to
 * let two of them through. Returns false, touching nothing, while another build takes over.
 * @example removeStaleLock("/site/_site.versus-lock", "4242") // 4242 is a build that died
 */
export function removeStaleLock(file: string, seen: string): boolean {
  const marker = `${file}.takeover`;
  if (!createHolding(marker, String(process.pid))) {
    if (runningProcess(readTextOr(marker, "")) !== undefined && writtenLately(marker)) return false;
    // Its build died in the middle of a takeover (within microseconds): the next try takes over.
    // Two builds removing one dead marker at once could both take over; that needs a build to
    // die inside that moment and four builds to meet its marker.
    rmSync(marker, { force: true });
    return true;
  }
  try {
    // While this build holds the marker, the lock can go only by this build's hand.
    if (readTextOr(file, undefined) === seen) rmSync(file, { force: true });
  } finally {
    rmSync(marker, { force: true });
  }
  return true;
}

/** The running process whose id is `text`, or undefined (not an id, or the process is gone). */
function runningProcess(text: string): number | undefined {
  const pid = Number(text);
  // 0 and negative ids would name process groups.
  return Number.isInteger(pid) && pid > 0 && isProcessRunning(pid) ? pid : undefined;
}

/** Whether `file` changed within the time a build takes to start; a missing file did not. */
function writtenLately(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < STARTING_LOCK_MS;
  } catch {
    return false;
  }
}

/** Replaces `output` by the complete `staging` folder. */
export function swapInFresh(output: string, staging: string, manifest: Manifest): void {
  const old = existsSync(output) ? siblingPath(output, "old", Date.now()) : undefined;
  writeManifest(output, manifest, nextManifestPath(output));
  const journal: SwapJournal = { staging, swap: { old } };
  writeFileAtomic(journalPath(output), JSON.stringify(journal));
  applySwap(output, journal);
}

/** Moves the changed files of `staging` into `output` and deletes the removed ones, journaled. */
export function commitChanges(output: string, commit: Journal & { manifest: Manifest }): void {
  const { manifest, ...journal } = commit;
  // The manifest (tens of thousands of entries) is written once, not also inside the journal.
  writeManifest(output, manifest, nextManifestPath(output));
  writeFileAtomic(journalPath(output), JSON.stringify(journal));
  applyJournal(output, journal);
}

/** Finishes a commit that a killed build left half-done. Returns whether there was one. */
export function recoverInterruptedCommit(output: string): boolean {
  const file = journalPath(output);
  if (!existsSync(file)) return false;
  const journal = JSON.parse(readFileSync(file, "utf8")) as Journal | SwapJournal;
  if ("swap" in journal) applySwap(output, journal);
  else applyJournal(output, journal);
  return true;
}

// Each step is skipped when an interrupted run already took it.
function applySwap(output: string, journal: SwapJournal): void {
  const { staging, swap } = journal;
  if (existsSync(staging)) {
    if (swap.old !== undefined && existsSync(output)) renameSync(output, swap.old);
    renameSync(staging, output);
  }
  finishCommit(output);
  if (swap.old !== undefined) removeInBackground(swap.old);
}

function applyJournal(output: string, journal: Journal): void {
  for (const rel of journal.changed) {
    const from = path.join(journal.staging, rel);
    if (!existsSync(from)) continue; // already moved before an interruption
    const to = path.join(output, rel);
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
  }
  for (const rel of journal.removed) {
    rmSync(path.join(output, rel), { force: true });
    removeEmptyParents(output, path.dirname(rel));
  }
  finishCommit(output);
  removeInBackground(journal.staging);
}

/** The new manifest takes the old one's place, and the journal is done. */
function finishCommit(output: string): void {
  if (existsSync(nextManifestPath(output))) renameSync(nextManifestPath(output), manifestPath(output));
  rmSync(journalPath(output), { force: true });
}

function removeEmptyParents(root: string, rel: string): void {
  for (let dir = rel; dir !== "." && dir !== ""; dir = path.dirname(dir)) {
    try {
      rmdirSync(path.join(root, dir));
    } catch {
      return; // not empty (or gone): stop climbing
    }
  }
}

/** Deleting tens of thousands of files takes seconds on some disks; the build need not wait. */
function removeInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  spawn("rm", ["-rf", dir], { detached: true, stdio: "ignore" }).unref();
}
