/**
 * Versus installed as a package: its files under the site's node_modules, without its
 * package-lock.json, run from the site's folder. Each of these used to break the build: the
 * lock file was read unconditionally (ENOENT and a stack trace), Eleventy's input was relative
 * to the working directory, and Eleventy ignores node_modules, so it wrote no page at all.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTemps, diffTrees, parseSummary, runVersus, smallRoot, SOURCE_DATE_EPOCH, tempDir } from "../build/build-helpers.js";
import { runCaptured } from "../helpers/run-captured.js";
import { copyVersus } from "../helpers/versus-copy.js";

afterAll(cleanupTemps);

/** As a site's own CI would run it: a fixed as-of time, and no loader of this test run's. */
const ENV = { ...process.env, SOURCE_DATE_EPOCH, NODE_OPTIONS: "" };

/** A site folder with Versus installed as npm would: the package's `files`, its dependencies reachable. */
async function siteWithVersusInstalled(): Promise<{ site: string; bin: string }> {
  const site = await smallRoot();
  writeFileSync(join(site, ".gitignore"), "node_modules/\n_site/\n");
  const pkg = copyVersus(join(site, "node_modules", "versus"));
  return { site, bin: join(pkg, "bin", "versus.js") };
}

describe("Versus installed as a package", () => {
  it("checks and builds a site from the site's own folder, the same bytes as from this project", async () => {
    const { site, bin } = await siteWithVersusInstalled();
    const check = await runCaptured(process.execPath, [bin, "check"], { cwd: site, env: ENV });
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    const installed = await runCaptured(process.execPath, [bin, "build", "--no-social-cards"], { cwd: site, env: ENV });
    expect(installed.stderr).toBe("");
    expect(installed.code).toBe(0);

    const reference = join(await tempDir(), "site");
    const fromProject = await runVersus(["build", "--root", site, "--output", reference, "--no-social-cards"]);
    expect(parseSummary(installed.stdout)).toEqual(parseSummary(fromProject.stdout));
    expect(diffTrees(join(site, "_site"), reference)).toEqual({ onlyA: [], onlyB: [], differ: [] });
    expect(readFileSync(join(site, "_site", "index.html"), "utf8")).toContain("<h1");
  });

  it("fails in one line, writing nothing, when Eleventy renders no home page", async () => {
    const { site, bin } = await siteWithVersusInstalled();
    // Without this line Eleventy ignores every template under node_modules, silently.
    const config = join(site, "node_modules", "versus", ".eleventy.ts");
    writeFileSync(config, readFileSync(config, "utf8").replace(/^.*ignores\.delete.*$/m, ""));
    const result = await runCaptured(process.execPath, [bin, "build", "--no-social-cards"], { cwd: site, env: ENV });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `versus build: Eleventy rendered no home page from ${join(site, "node_modules", "versus", "templates", "entries")}/: its templates were ignored or not found; the previous output was left unchanged\n`,
    );
    expect(readdirSync(site).filter((n) => n.startsWith("_site"))).toEqual([]);
  });
});
