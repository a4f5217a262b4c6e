/**
 * A build that fails leaves the previous output exactly as it was (bytes, mtimes, manifest) and
 * nothing beside it; a commit killed halfway is completed by the next build from its journal.
 *
 * Render failures are simulated by running the real CLI with loader hooks that replace
 * src/render/worker-pool.ts (tests/build/support/). Eleventy cannot load its TypeScript config
 * inside a vitest worker, so `vi.mock` on an in-process build is not an option; a seam in
 * BuildOptions (e.g. an injectable renderer) would make this simpler.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalPath, nextManifestPath, type Journal } from "../../src/build/commit-output.js";
import { manifestPath, readManifest, writeManifest } from "../../src/build/output-manifest.js";
import { cleanupRoots, writeFiles } from "../content/helpers.js";
import {
  build, cleanupTemps, deadPid, diffTrees, eventually, listEntries, listTree, parseSummary, RENDER_FAILURE_IMPORT, runVersus, smallRoot,
  snapshot, stagingFoldersBeside, tempDir, type FileState,
} from "./build-helpers.js";

let root: string;
let parent: string;
let output: string;
let entries: string[];
let state: Map<string, FileState>;

const NATS = "content/products/nats.md";
const KAFKA = "content/products/apache-kafka.md";

beforeAll(async () => {
  root = await smallRoot();
  parent = await tempDir();
  output = join(parent, "site");
  await build(root, output);
  entries = listEntries(parent);
  // The whole parent folder: the output, and the manifest beside it.
  state = snapshot(parent);
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

/** Removes staging folders a failed build left (after the test has asserted there are none). */
function removeLeftovers(out: string): void {
  for (const name of stagingFoldersBeside(out)) rmSync(join(dirname(out), name), { recursive: true, force: true });
}

/** The parent folder holds exactly what it held after the good build, bytes and mtimes alike. */
function expectUntouched(): void {
  expect(stagingFoldersBeside(output)).toEqual([]);
  expect(existsSync(journalPath(output))).toBe(false);
  expect(listEntries(parent)).toEqual(entries);
  const now = snapshot(parent);
  const differ = [...state].filter(([f, s]) => !now.get(f)?.bytes.equals(s.bytes) || now.get(f)?.mtimeMs !== s.mtimeMs).map(([f]) => f);
  expect(differ).toEqual([]);
}

describe("a build that fails on content", () => {
  it("leaves the previous output and manifest byte- and mtime-identical, with no staging folder beside it", async () => {
    const good = readFileSync(join(root, NATS), "utf8");
    await writeFiles(root, { [NATS]: good.replace("updated: 2026-03-01", "updated: 2026-03-32") });
    try {
      const result = await runVersus(["build", "--root", root, "--output", output]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`${NATS}:7: updated: expected an ISO 8601 date, found "2026-03-32"\n1 error: nothing was built\n`);
      expectUntouched();
    } finally {
      await writeFiles(root, { [NATS]: good });
    }
  });
});

describe("a build that fails while rendering pair pages", () => {
  it("exits 1 with one line, leaves the previous output untouched and removes its staging folder", async () => {
    const good = readFileSync(join(root, KAFKA), "utf8");
    // A content change, so the incremental build has pair pages to render.
    await writeFiles(root, { [KAFKA]: good.replace("Still the default in 2028.", "Still the default in 2029.") });
    try {
      const result = await runVersus(["build", "--root", root, "--output", output], { imports: [RENDER_FAILURE_IMPORT] });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        "versus build: pages/pair.njk:3: simulated failure for tests (column 12); the previous output was left unchanged\n",
      );
      expectUntouched();
    } finally {
      await writeFiles(root, { [KAFKA]: good });
      removeLeftovers(output);
    }
  });

  it("a failed fresh build (no previous output) creates no output folder", async () => {
    const fresh = join(await tempDir(), "fresh");
    const result = await runVersus(["build", "--root", root, "--output", fresh], { imports: [RENDER_FAILURE_IMPORT] });
    try {
      expect(result.code).toBe(1);
      expect(existsSync(fresh)).toBe(false);
      expect(existsSync(manifestPath(fresh))).toBe(false);
      expect(stagingFoldersBeside(fresh)).toEqual([]);
    } finally {
      removeLeftovers(fresh);
    }
  });

  it("the next build after the failures succeeds and its output has the same bytes", async () => {
    const result = await build(root, output);
    expect(parseSummary(result.stdout).removed).toBe(0);
    // A successful commit deletes its staging folder in the background.
    expect(await eventually(() => stagingFoldersBeside(output).length === 0)).toBe(true);
    expect(listEntries(parent)).toEqual(entries);
    const now = snapshot(parent);
    expect([...state].filter(([f, s]) => !now.get(f)?.bytes.equals(s.bytes)).map(([f]) => f)).toEqual([]);
  });
});

describe("a commit killed halfway", () => {
  it("is completed from its journal by the next build, before anything else", async () => {
    // The next version of the site: one product edited, one deleted (and dropped from the matrix).
    const next = await smallRoot({
      [KAFKA]: readFileSync(join(root, KAFKA), "utf8").replace("Still the default in 2028.", "Queues everywhere by 2028."),
      [NATS]: null,
      "content/matrices/streaming-brokers.md": readFileSync(join(root, "content/matrices/streaming-brokers.md"), "utf8")
        .replace("columns: [apache-kafka, redpanda, nats]", "columns: [apache-kafka, redpanda]")
        .replace(/\n\s+nats: \{ text: "Yes", badge: success \}/, ""),
    });
    const expectedDir = join(await tempDir(), "expected");
    await build(next, expectedDir);
    const expectedManifest = readFileSync(manifestPath(expectedDir), "utf8");

    // What the interrupted build had staged: the files that differ from the current output.
    const current = new Set(listTree(output));
    const changed = listTree(expectedDir).filter((f) => !current.has(f) || !readFileSync(join(output, f)).equals(readFileSync(join(expectedDir, f))));
    const removed = [...current].filter((f) => !existsSync(join(expectedDir, f)));
    expect(changed).toEqual(expect.arrayContaining(["compare/apache-kafka-vs-redpanda/index.html", "products/apache-kafka/index.html"]));
    expect(removed).toEqual(expect.arrayContaining(["products/nats/index.html", "compare/nats-vs-redpanda/index.html"]));
    const staging = `${output}.staging-4242-1779451200000`;
    for (const f of changed) {
      mkdirSync(dirname(join(staging, f)), { recursive: true });
      cpSync(join(expectedDir, f), join(staging, f));
    }
    const journal: Journal = { staging, changed, removed };
    writeFileSync(nextManifestPath(output), expectedManifest);
    writeFileSync(journalPath(output), JSON.stringify(journal));
    // Killed after moving the first half of the changed files, before any removal.
    for (const f of changed.slice(0, Math.ceil(changed.length / 2))) {
      mkdirSync(dirname(join(output, f)), { recursive: true });
      renameSync(join(staging, f), join(output, f));
    }

    const result = await build(next, output);
    // The journal did the work: the build itself then found nothing to change.
    expect(parseSummary(result.stdout)).toMatchObject({ written: 0, removed: 0 });
    expect(existsSync(journalPath(output))).toBe(false);
    expect(existsSync(nextManifestPath(output))).toBe(false);
    expect(diffTrees(output, expectedDir)).toEqual({ onlyA: [], onlyB: [], differ: [] });
    expect(readFileSync(manifestPath(output), "utf8")).toBe(expectedManifest);
    expect(existsSync(join(output, "products/nats"))).toBe(false);
    // The staging folder is deleted in the background.
    expect(await eventually(() => !existsSync(staging))).toBe(true);
    expect(stagingFoldersBeside(output)).toEqual([]);
  });

  it("is completed even when the next build then fails on content", async () => {
    const out = join(await tempDir(), "site");
    await build(root, out);
    const staging = `${out}.staging-4243-1779451200000`;
    // A journal whose only change is a new file and whose only removal is the NATS page.
    mkdirSync(join(staging, "extra"), { recursive: true });
    writeFileSync(join(staging, "extra/file.txt"), "moved in by recovery\n");
    const manifest = readManifest(out)!;
    const nats = manifest.pages.indexOf("products/nats/index.html");
    expect(nats % 2).toBe(0);
    manifest.pages.splice(nats, 2);
    manifest.files.set("extra/file.txt", "x");
    writeManifest(out, manifest, nextManifestPath(out));
    writeFileSync(journalPath(out), JSON.stringify({ staging, changed: ["extra/file.txt"], removed: ["products/nats/index.html"] } satisfies Journal));

    const broken = await smallRoot({ [NATS]: "---\nname: [\n---\n" });
    const result = await runVersus(["build", "--root", broken, "--output", out]);
    expect(result.code).toBe(1);
    expect(readFileSync(join(out, "extra/file.txt"), "utf8")).toBe("moved in by recovery\n");
    expect(existsSync(join(out, "products/nats/index.html"))).toBe(false);
    expect(existsSync(journalPath(out))).toBe(false);
    expect(readManifest(out)).toEqual(manifest);
    expect(await eventually(() => !existsSync(staging))).toBe(true);
  });
});

// Regression: a fresh build killed after its folder became the output but before the manifest
// was written left an output every later build refused ("files that versus build did not write").
describe("a fresh build's swap killed halfway", () => {
  it.each([
    ["before any rename", 0],
    ["after the old output moved aside", 1],
    ["after the new folder became the output", 2],
  ])("is completed by the next build: %s", async (_, renamesDone) => {
    const out = join(await tempDir(), "site");
    await build(root, out);
    // What the killed build had made: a complete staging folder for the edited site, its
    // manifest as the next one, and the journal of the swap.
    const next = await smallRoot({ [KAFKA]: readFileSync(join(root, KAFKA), "utf8").replace("Still the default in 2028.", "Queues everywhere by 2028.") });
    const expectedDir = join(await tempDir(), "expected");
    await build(next, expectedDir);
    const staging = `${out}.staging-${await deadPid()}-1779451200000`;
    const old = `${out}.old-${await deadPid()}-1779451200001`;
    cpSync(expectedDir, staging, { recursive: true });
    writeFileSync(nextManifestPath(out), readFileSync(manifestPath(expectedDir)));
    writeFileSync(journalPath(out), JSON.stringify({ staging, swap: { old } }));
    if (renamesDone >= 1) renameSync(out, old);
    if (renamesDone >= 2) renameSync(staging, out);
    // The manifest was being written when the build died.
    writeFileSync(`${manifestPath(out)}.tmp-${await deadPid()}-0`, "{");

    const result = await build(next, out);
    expect(parseSummary(result.stdout)).toMatchObject({ written: 0, removed: 0 });
    expect(diffTrees(out, expectedDir)).toEqual({ onlyA: [], onlyB: [], differ: [] });
    expect(readFileSync(manifestPath(out), "utf8")).toBe(readFileSync(manifestPath(expectedDir), "utf8"));
    expect(existsSync(journalPath(out))).toBe(false);
    expect(existsSync(nextManifestPath(out))).toBe(false);
    expect(await eventually(() => !existsSync(staging) && !existsSync(old))).toBe(true);
    expect(readdirSync(dirname(out)).sort()).toEqual(["site", "site.versus-manifest.json"]);
  });
});

// Regression: a build killed during rendering (SIGKILL, out of memory, Ctrl-C) left its staging
// folder, gigabytes on a large site, beside the output for good.
describe("folders left by builds that died", () => {
  it("are deleted by the next build; a running build's and other outputs' are kept", async () => {
    const out = join(await tempDir(), "site");
    await build(root, out);
    const dead = await deadPid();
    const leftovers = [`site.staging-${dead}-1779451200000`, `site.old-${dead}-1779451200001`];
    const kept = [`site.staging-${process.pid}-1779451200002`, `other.staging-${dead}-1779451200003`, "site.staging-notes"];
    for (const name of [...leftovers, ...kept]) mkdirSync(join(dirname(out), name, "compare"), { recursive: true });
    // A lock's text is written to a file of its build's own before it is linked into place.
    const lockFiles = { left: `site.versus-lock.new-${dead}`, kept: `site.versus-lock.new-${process.pid}` };
    for (const name of Object.values(lockFiles)) writeFileSync(join(dirname(out), name), "");

    await build(root, out);
    expect(await eventually(() => [...leftovers, lockFiles.left].every((name) => !existsSync(join(dirname(out), name))))).toBe(true);
    for (const name of [...kept, lockFiles.kept]) expect(existsSync(join(dirname(out), name)), name).toBe(true);
  });

  it("are deleted even when the next build stops on content", async () => {
    const out = join(await tempDir(), "site");
    await build(root, out);
    const leftover = join(dirname(out), `site.staging-${await deadPid()}-1779451200000`);
    mkdirSync(join(leftover, "compare"), { recursive: true });
    const broken = await smallRoot({ [NATS]: "---\nname: [\n---\n" });
    expect((await runVersus(["build", "--root", broken, "--output", out])).code).toBe(1);
    expect(await eventually(() => !existsSync(leftover))).toBe(true);
  });
});

// Two builds into one output used to commit over each other, sharing one journal file.
describe("two builds into one output", () => {
  it("the second stops in one line while the first runs, touching nothing", async () => {
    const out = join(await tempDir(), "site");
    await build(root, out);
    // A lock held by a running process (this one's parent, the test runner, stands in for a build).
    writeFileSync(`${out}.versus-lock`, String(process.ppid));
    const before = snapshot(dirname(out));
    const result = await runVersus(["build", "--root", root, "--output", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`versus build: another versus build (process ${process.ppid}) is writing to ${out}; wait for it to finish, or stop it; the previous output was left unchanged\n`);
    expect(snapshot(dirname(out))).toEqual(before);
    rmSync(`${out}.versus-lock`);
  });

  it("a lock left by a build that died is taken over, and released after the build", async () => {
    const out = join(await tempDir(), "site");
    await build(root, out);
    writeFileSync(`${out}.versus-lock`, String(await deadPid()));
    expect((await runVersus(["build", "--root", root, "--output", out])).code).toBe(0);
    expect(existsSync(`${out}.versus-lock`)).toBe(false);
  });
});
