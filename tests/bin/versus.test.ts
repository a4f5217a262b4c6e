/**
 * bin/versus.js runs the command from a bundle of the code, made the first time a version of the
 * code runs, or from the source through tsx with VERSUS_FROM_SOURCE=1.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { cleanupTemps, diffTrees, parseSummary, SOURCE_DATE_EPOCH, tempDir } from "../build/build-helpers.js";
import { runCaptured } from "../helpers/run-captured.js";
import { copyVersus } from "../helpers/versus-copy.js";

type BundleCache = typeof import("../../bin/bundle-cache.js");

const made: string[] = [];
afterAll(async () => {
  made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  await cleanupTemps();
});

describe("bin/versus.js", () => {
  it("makes a bundle for a new version of the code, which builds the same bytes as the source", async () => {
    // A copy of Versus is an installation of its own, so no bundle of it exists yet.
    const copy = copyVersus(join(await tempDir(), "versus"));
    const cache = (await import(pathToFileURL(join(copy, "bin", "bundle-cache.js")).href)) as BundleCache;
    const version = cache.hashFiles(cache.CODE_ENTRIES);
    made.push(cache.cliBundleDir(version));
    expect(cache.findCliBundle(version)).toBeUndefined();

    // Enough pairs for render threads, whose bundle the bundled command then makes.
    const root = join(await tempDir(), "site");
    writeCorpus({ out: root, products: 26, sectors: 1 });
    const run = (output: string, env: Record<string, string> = {}) => {
      const { NODE_OPTIONS, VERSUS_TIMINGS, VERSUS_FROM_SOURCE, ...inherited } = process.env;
      const argv = [join(copy, "bin", "versus.js"), "build", "--root", root, "--output", output, "--no-social-cards", "--no-search"];
      return runCaptured(process.execPath, argv, { cwd: root, env: { ...inherited, SOURCE_DATE_EPOCH, ...env } });
    };

    const out = await tempDir();
    const bundled = await run(join(out, "bundled"));
    expect(bundled.stderr).toBe("");
    expect(bundled.code).toBe(0);
    expect(cache.findCliBundle(version)).toBe(pathToFileURL(join(cache.cliBundleDir(version), cache.CLI_MAIN)).href);

    // Every later run finds the bundle made and loads no TypeScript at all.
    const again = await run(join(out, "again"));
    expect(again.stderr).toBe("");
    const fromSource = await run(join(out, "source"), { VERSUS_FROM_SOURCE: "1" });
    expect(fromSource.stderr).toBe("");
    expect(parseSummary(bundled.stdout)).toEqual(parseSummary(fromSource.stdout));
    expect(parseSummary(again.stdout)).toEqual(parseSummary(fromSource.stdout));
    expect(parseSummary(bundled.stdout).pages).toBeGreaterThan(300);
    expect(diffTrees(join(out, "bundled"), join(out, "source"))).toEqual({ onlyA: [], onlyB: [], differ: [] });
    expect(diffTrees(join(out, "again"), join(out, "source"))).toEqual({ onlyA: [], onlyB: [], differ: [] });
  }, 120_000);
});
