/**
 * Test helpers for site roots: copy a fixture root into a temp dir, lay a case overlay and
 * per-test file overrides on top, load it, and read the problems as printed lines.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRoot } from "../../src/content/load-root.js";
import { formatProblem } from "../../src/content/problems.js";
import type { LoadResult, Problem } from "../../src/content/types.js";

/** tests/fixtures/roots: `minimal` is a complete valid root; other folders are overlays on it. */
export const ROOTS = fileURLToPath(new URL("../fixtures/roots/", import.meta.url));

/** File contents by root-relative path; `null` deletes the file from the copy. */
export type Files = Record<string, string | Uint8Array | null>;

export interface RootOptions {
  /** Root copied first (default `minimal`). */
  base?: string;
  /** A case folder under tests/fixtures/roots whose files are copied over the base. */
  overlay?: string;
  files?: Files;
}

const created: string[] = [];

/**
 * Makes a temporary site root: base, then overlay, then `files`. Call `cleanupRoots` in afterAll.
 * @example const root = await makeRoot({ files: { "content/products/nats.md": null } });
 */
export async function makeRoot(options: RootOptions = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "versus-root-"));
  created.push(root);
  await cp(join(ROOTS, options.base ?? "minimal"), root, { recursive: true });
  if (options.overlay !== undefined) {
    const overlay = join(ROOTS, options.overlay);
    if (!existsSync(overlay)) throw new Error(`no fixture overlay ${overlay}`);
    await cp(overlay, root, { recursive: true });
  }
  await writeFiles(root, options.files ?? {});
  return root;
}

/** Writes (or with `null`, deletes) files under a root, creating folders as needed. */
export async function writeFiles(root: string, files: Files): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    if (content === null) {
      await rm(abs, { force: true });
    } else {
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, content);
    }
  }
}

/** Builds a root like makeRoot and loads it; internal errors are rethrown so bugs fail tests. */
export async function load(options: RootOptions = {}): Promise<LoadResult> {
  return loadRoot(await makeRoot(options), { rethrowInternalErrors: true });
}

/** Every problem as the line `check` prints. */
export function lines(result: LoadResult): string[] {
  return result.problems.map(formatProblem);
}

export function errors(result: LoadResult): Problem[] {
  return result.problems.filter((p) => p.severity === "error");
}

/** Removes every root made by this test file. */
export async function cleanupRoots(): Promise<void> {
  await Promise.all(created.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/**
 * Front matter + body for a markdown record.
 * @example md("name: X", "## Current state") // "---\nname: X\n---\n## Current state\n"
 */
export function md(frontMatter: string, body = ""): string {
  return `---\n${frontMatter}\n---\n${body}${body.endsWith("\n") || body === "" ? "" : "\n"}`;
}

/** A valid product body with the three required sections. */
export const SECTIONS = "## Current state\n\nNow.\n\n## Where it's heading\n\nNext.\n\n## Prediction\n\nLater.\n";

/**
 * A valid product's front matter lines (line 2 of the file is `name`), for tests to extend.
 * Lines: 2 name, 3 sector, 4 website, 5 tagline, 6 summary, 7 updated.
 */
export const PRODUCT_FIELDS = [
  "name: Test Product",
  "sector: streaming",
  "website: https://example.com",
  "tagline: A product for tests.",
  "summary: Exists only in tests.",
  "updated: 2026-01-15",
].join("\n");

/** A valid product file; extra front matter lines start at line 8. */
export function product(extra = "", body = SECTIONS): string {
  return md(extra === "" ? PRODUCT_FIELDS : `${PRODUCT_FIELDS}\n${extra}`, body);
}
