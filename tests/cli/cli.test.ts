/**
 * `versus check` and `versus build` as child processes: exit codes and the exact lines printed.
 * The broken root is tests/fixtures/roots/minimal with the tests/fixtures/sites/cli-broken overlay.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { cleanupRoots, makeRoot, md, PRODUCT_FIELDS, SECTIONS } from "../content/helpers.js";
import { build, cleanupTemps, diffTrees, listEntries, parseSummary, REPO, runVersus, smallRoot, snapshot, stagingFoldersBeside, tempDir } from "../build/build-helpers.js";

/** Every problem of the cli-broken overlay, in the order `check` must print them. */
const BROKEN_LINES = [
  "content/comparisons/redpanda-vs-apache-kafka.md: expected the two products in alphabetical order; rename the file to apache-kafka-vs-redpanda.md",
  'content/matrices/brokers.md:14: sections[0].rows[1].cells: row "Written in" is missing column "nats"',
  'content/products/argo-cd.md:3: sector: unknown sector "streamin"; expected one of streaming; did you mean "streaming"?',
  'content/products/argo-cd.md:8: choose_iff: unknown field "choose_iff"; did you mean "choose_if"?',
  'content/products/nats.md:7: updated: expected an ISO 8601 date, found "2026-02-30"',
  "warning: content/products/notes.txt: ignored: expected a .md or .json file",
];

const lines = (text: string): string[] => text.split("\n");

/** `main(args)` in this process (no Eleventy involved), with what it prints captured. */
async function runMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.stubEnv("SOURCE_DATE_EPOCH", "1779451200");
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    vi.unstubAllEnvs();
  }
}

let broken: string;

beforeAll(async () => {
  broken = await makeRoot({ overlay: "../sites/cli-broken" });
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

describe("versus check", () => {
  it("prints every problem of a broken root, one sorted line each, then the count, and exits 1", async () => {
    const result = await runVersus(["check", "--root", broken]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([...BROKEN_LINES, "5 errors, 1 warning: fix them and run check again", ""]);
  });

  it("with --reporter github, also prints each problem as a GitHub annotation on stdout (in process)", async () => {
    vi.stubEnv("GITHUB_WORKSPACE", broken);
    const r = await runMain(["check", "--root", broken, "--reporter", "github"]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([...BROKEN_LINES, "5 errors, 1 warning: fix them and run check again", ""]);
    expect(lines(r.stdout)).toEqual([
      "::error file=content/comparisons/redpanda-vs-apache-kafka.md,title=versus::expected the two products in alphabetical order; rename the file to apache-kafka-vs-redpanda.md",
      '::error file=content/matrices/brokers.md,line=14,title=versus::sections[0].rows[1].cells: row "Written in" is missing column "nats"',
      '::error file=content/products/argo-cd.md,line=3,title=versus::sector: unknown sector "streamin"; expected one of streaming; did you mean "streaming"?',
      '::error file=content/products/argo-cd.md,line=8,title=versus::choose_iff: unknown field "choose_iff"; did you mean "choose_if"?',
      '::error file=content/products/nats.md,line=7,title=versus::updated: expected an ISO 8601 date, found "2026-02-30"',
      "::warning file=content/products/notes.txt,title=versus::ignored: expected a .md or .json file",
      "",
    ]);
  });

  it("prints the same lines with --root=DIR (in process)", async () => {
    const r = await runMain(["check", `--root=${broken}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([...BROKEN_LINES, "5 errors, 1 warning: fix them and run check again", ""]);
  });

  it("warns, with file, line and field, of stale dates and text a social card cannot draw, and still exits 0", async () => {
    const root = await makeRoot({
      files: {
        "content/products/tokyo-mq.md": md(
          PRODUCT_FIELDS.replace("name: Test Product", "name: 東京 MQ ⚡").replace("tagline: A product for tests.", "tagline: Łódź-grade queues.").replace("updated: 2026-01-15", "updated: 2025-01-15"),
          SECTIONS,
        ),
      },
    });
    const result = await runVersus(["check", "--root", root]);
    expect(lines(result.stderr)).toEqual([
      'warning: content/products/tokyo-mq.md:2: name: the social card leaves out "東", "京", "⚡": its font, Inter, has no glyph for them (pages show them)',
      'warning: content/products/tokyo-mq.md:7: updated: last updated 492 days ago (2025-01-15); stale after 180 days — review and bump "updated"',
      "",
    ]);
    expect(result.stdout).toBe("ok: 4 products, 1 sector, 0 comparisons, 0 matrices\n");
    expect(result.code).toBe(0);
  });

  // Regression: with an error anywhere in the root, check printed no warning at all; the stale
  // date showed only once the error was fixed.
  it("prints the warnings of valid records with another file's errors", async () => {
    const root = await makeRoot({
      files: {
        "content/products/tokyo-mq.md": md(PRODUCT_FIELDS.replace("name: Test Product", "name: Tokyo MQ").replace("updated: 2026-01-15", "updated: 2025-01-15"), SECTIONS),
        "content/products/broken.md": md(PRODUCT_FIELDS.replace("website: https://example.com", "website: example.com"), SECTIONS),
      },
    });
    const result = await runVersus(["check", "--root", root]);
    expect(lines(result.stderr)).toEqual([
      'content/products/broken.md:4: website: expected an absolute http(s) URL, found "example.com"',
      'warning: content/products/tokyo-mq.md:7: updated: last updated 492 days ago (2025-01-15); stale after 180 days — review and bump "updated"',
      "1 error, 1 warning: fix them and run check again",
      "",
    ]);
    expect(result.code).toBe(1);
  });

  // Regression: the warning named the product file, with no line, where the date is not.
  it("warns of stale figures in data/metrics/<slug>.json on that file's as_of line", async () => {
    const root = await makeRoot({
      files: {
        "content/products/tokyo-mq.md": md(PRODUCT_FIELDS.replace("name: Test Product", "name: Tokyo MQ"), SECTIONS),
        "data/metrics/tokyo-mq.json": '{\n  "github_stars": 11000,\n  "as_of": "2025-01-01"\n}\n',
      },
    });
    const result = await runVersus(["check", "--root", root]);
    expect(lines(result.stderr)).toEqual([
      'warning: data/metrics/tokyo-mq.json:3: as_of: metrics as of 506 days ago (2025-01-01); stale after 180 days — refresh the figures and bump "as_of"',
      "",
    ]);
    expect(result.code).toBe(0);
  });

  it("on the example site prints exactly one summary line with the counts of its files and exits 0", async () => {
    const count = (dir: string): number => readdirSync(join(REPO, "content", dir)).filter((f) => /\.(md|json)$/.test(f)).length;
    expect([count("products"), count("sectors"), count("comparisons"), count("matrices")]).toEqual([12, 2, 1, 1]);
    const result = await runVersus(["check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("ok: 12 products, 2 sectors, 1 comparison, 1 matrix\n");
    expect(result.code).toBe(0);
  });
});

describe("versus build --url", () => {
  it("builds for that address instead of site.json's: canonical links, and links under its path", async () => {
    const root = await smallRoot();
    const out = join(await tempDir(), "site");
    const result = await build(root, out, ["--no-search", "--no-social-cards", "--url", "https://user.github.io/repo/"]);
    expect(result.stderr).toBe("");
    const home = readFileSync(join(out, "index.html"), "utf8");
    expect(home).toContain('<link rel="canonical" href="https://user.github.io/repo/">');
    expect(home).toContain('<a class="brand" href="/repo/">');
    expect(home).not.toMatch(/ (href|src|action)="\/(?!repo\/)/);
  });

  it.each([["http://x.example"], ["https://x.example/?preview=1"], ["https://x.example/?"], ["https://x.example/#top"], ["https://x.example/#"], ["https://x.example/../repo/"], ["https://x.example/repo/%2E/"], ["https://x.example/repo/index.html"], ["x.example"]])("--url %s: one line, exit 2, nothing built (in process)", async (value) => {
    const parent = await tempDir();
    const result = await runMain(["build", "--root", broken, "--output", join(parent, "site"), "--url", value]);
    expect(readdirSync(parent)).toEqual([]);
    expect(result.code).toBe(2);
    const expected = value.endsWith(".html")
      ? 'expected the folder the site is served from, ending in "/": a last part with a dot reads as a page (for "…/repo/index.html", give "…/repo/")'
      : "expected the site's https address, such as https://versus.example.com or https://user.github.io/repo/";
    expect(result.stderr).toBe(`versus build: --url: ${expected}, found "${value}"\n`);
  });
});

// Eleventy's input used to be relative to the working directory, so a build run from the
// site's own folder (the usual case once Versus is installed as a package) failed.
describe("versus build from another working directory", () => {
  it("builds the same bytes as from the project folder", async () => {
    const root = await smallRoot();
    const parent = await tempDir();
    const here = await build(root, join(parent, "from-project"));
    const there = await build(root, join(parent, "from-root"), [], { cwd: root });
    expect(there.stderr).toBe("");
    expect(parseSummary(there.stdout)).toEqual(parseSummary(here.stdout));
    expect(diffTrees(join(parent, "from-project"), join(parent, "from-root"))).toEqual({ onlyA: [], onlyB: [], differ: [] });
  });

  it("names an output inside the working folder by its relative path, and one outside by its full path", async () => {
    const root = await smallRoot();
    const parent = await tempDir();
    const inside = await build(root, join(parent, "site"), ["--no-search", "--no-social-cards"], { cwd: parent });
    expect(inside.stdout).toMatch(/^built \d+ pages in \d+\.\ds → site \(/);
    const outside = await build(root, join(parent, "elsewhere"), ["--no-search", "--no-social-cards"], { cwd: root });
    expect(outside.stdout).toContain(` → ${join(parent, "elsewhere")} (`);
  });
});

describe("versus build on a broken root", () => {
  it("exits 1, prints the problems, and creates no output folder (nor anything beside it)", async () => {
    const parent = await tempDir();
    const output = join(parent, "site");
    const result = await runVersus(["build", "--root", broken, "--output", output]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([...BROKEN_LINES, "5 errors, 1 warning: nothing was built", ""]);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  // The output lock needs the output's parent folder; one made for it goes again.
  it("creates no parent folders for an output in folders that do not exist yet", async () => {
    const parent = await tempDir();
    const result = await runVersus(["build", "--root", broken, "--output", join(parent, "new", "deeper", "site")]);
    expect(result.code).toBe(1);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("leaves an existing output folder byte- and mtime-identical", async () => {
    const parent = await tempDir();
    const output = join(parent, "site");
    mkdirSync(join(output, "products", "nats"), { recursive: true });
    writeFileSync(join(output, "index.html"), "<!doctype html><title>previous</title>");
    writeFileSync(join(output, "products", "nats", "index.html"), "<!doctype html><title>NATS</title>");
    writeFileSync(`${output}.versus-manifest.json`, JSON.stringify({ version: 1, files: { "index.html": "x", "products/nats/index.html": "y" } }));
    const entriesBefore = listEntries(parent);
    const before = snapshot(parent);
    const result = await runVersus(["build", "--root", broken, "--output", output]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([...BROKEN_LINES, "5 errors, 1 warning: nothing was built", ""]);
    expect(listEntries(parent)).toEqual(entriesBefore);
    expect(snapshot(parent)).toEqual(before);
    expect(stagingFoldersBeside(output)).toEqual([]);
  });
});

describe("file-system failures", () => {
  // Regression: an ENOTDIR from `versus schema` ended in a stack trace.
  it("are one line naming the command, exit 1 (in process)", async () => {
    const file = join(await tempDir(), "a-file");
    writeFileSync(file, "");
    const result = await runMain(["schema", "--out", join(file, "schemas")]);
    expect(result).toEqual({ code: 1, stdout: "", stderr: `versus schema: ENOTDIR: not a directory, mkdir '${join(file, "schemas")}'\n` });
  });
});

// Regression: "schema" refused --root, and its schemas/ was the working folder's, so
// "schema --check" from anywhere but the project reported every schema missing.
describe("versus schema --root", () => {
  it("checks the schemas/ of the root it is given (in process)", async () => {
    const cwd = process.cwd();
    process.chdir(await tempDir());
    try {
      expect(await runMain(["schema", "--check", "--root", REPO])).toEqual({ code: 0, stdout: `${join(REPO, "schemas")}: 10 JSON Schemas up to date\n`, stderr: "" });
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("usage errors exit 2", () => {
  // Regression: "check --help" was an unknown-option error (exit 2), "-h" and "--version" unknown commands.
  it.each([["check", "--help"], ["build", "-h"], ["-h"], ["new", "--help"]])("%s %s prints the usage on stdout, exit 0 (in process)", async (...args) => {
    const result = await runMain(args.filter((a): a is string => a !== undefined));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(lines(result.stdout)[0]).toBe("usage: versus <command> [options]");
    expect(result.stdout).toContain('sector <slug> --name "<name>"');
  });

  it("--version prints the package's version (in process)", async () => {
    const version = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
    expect(await runMain(["--version"])).toEqual({ code: 0, stdout: `versus ${version}\n`, stderr: "" });
  });

  it("an unknown command: one line naming it, then the usage", async () => {
    const result = await runVersus(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const err = lines(result.stderr);
    expect(err[0]).toBe('versus: unknown command "frobnicate"');
    expect(err[1]).toBe("usage: versus <command> [options]");
  });

  // Regression: --root /nonexistent reported only "data/site.json: required file is missing".
  it.each(["check", "build", "serve"])("%s with a --root that is missing or not a site root: one line, exit 2 (in process)", async (command) => {
    const empty = await tempDir();
    const missing = join(empty, "nowhere");
    expect(await runMain([command, "--root", missing])).toEqual({ code: 2, stdout: "", stderr: `versus ${command}: --root: no folder ${missing}\n` });
    expect(await runMain([command, "--root", empty])).toEqual({
      code: 2,
      stdout: "",
      stderr: `versus ${command}: ${empty} is not a site root: it has no content/ or data/ folder; run the command in a site root, or give one with --root\n`,
    });
    expect(readdirSync(empty)).toEqual([]);
  });

  it("--shard 3/2: exactly one line, nothing built", async () => {
    const parent = await tempDir();
    const output = join(parent, "site");
    const result = await runVersus(["build", "--root", broken, "--output", output, "--shard", "3/2"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('versus build: --shard: expected K/N with 1 ≤ K ≤ N, found "3/2"\n');
    expect(readdirSync(parent)).toEqual([]);
  });

  it.each([["0/2"], ["2"], ["a/b"], ["1/0"], ["-1/2"]])("--shard=%s: one line, exit 2, nothing built (in process)", async (value) => {
    const parent = await tempDir();
    const result = await runMain(["build", "--root", broken, "--output", join(parent, "site"), `--shard=${value}`]);
    expect(readdirSync(parent)).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`versus build: --shard: expected K/N with 1 ≤ K ≤ N, found "${value}"\n`);
  });

  // It used to swap the whole root, content and data included, out of the way and delete it.
  it("--output naming a valid site's root: one line, exit 2, the root untouched", async () => {
    const root = await smallRoot();
    const before = snapshot(root);
    const result = await runVersus(["build", "--root", root, "--output", root]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `versus build: the output folder ${root} is or holds the site root (${root}), and a build replaces its output folder whole; choose a folder of its own, such as ${join(root, "_site")}\n`,
    );
    expect(snapshot(root)).toEqual(before);
    expect(stagingFoldersBeside(root)).toEqual([]);
  });

  it("a mistyped option: one line naming the likely one, nothing built (in process)", async () => {
    const parent = await tempDir();
    const result = await runMain(["build", "--root", broken, "--output", join(parent, "site"), "--no-serach"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("versus build: unknown option --no-serach; did you mean --no-search?\n");
    expect(readdirSync(parent)).toEqual([]);
  });

  it("a flag that needs a value but has none: one line (in process)", async () => {
    const result = await runMain(["check", "--root"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("versus check: --root needs a value\n");
  });
});
