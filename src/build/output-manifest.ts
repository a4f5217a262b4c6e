import { readFileSync } from "node:fs";
import { writeFileAtomic } from "./fs-atomic.js";

/**
 * What the last successful build into an output folder wrote: every file and the digest of its
 * inputs (pages rendered from data) or of its bytes (everything else). Kept beside the output,
 * not in it, so shard outputs and full builds stay byte-identical.
 */
export interface Manifest {
  version: 3;
  /**
   * The pages that come one per product or per pair, in the build's fixed job order, as a flat
   * `[file, digest, …]` list. The next build meets them in the same order, so it compares each
   * with the entry at the same place, without a Map of 90,000 names: reading, filling and
   * searching those took a tenth of a second of an incremental build.
   */
  pages: string[];
  /** Every other file (Eleventy's pages, assets, site files) → digest, in the order the build adds them. */
  files: Map<string, string>;
  /** Eleventy's pages of that build and a digest of everything they were rendered from. */
  eleventy?: { inputs: string; pages: { url: string; file: string }[] };
  /** A digest of everything that build's search index was made from (see searchInputsDigest). */
  search?: string;
}

export const manifestPath = (output: string): string => `${output}.versus-manifest.json`;

/** The manifest beside `output`; undefined when there is none or it is of another version (the next build then renders everything). */
export function readManifest(output: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(manifestPath(output), "utf8")) as {
      version?: unknown;
      pages?: unknown;
      files?: unknown;
      eleventy?: Manifest["eleventy"];
      search?: unknown;
    };
    if (m.version !== 3 || !isFlatList(m.pages) || !isFlatList(m.files)) return undefined;
    const files = new Map<string, string>();
    for (let i = 0; i < m.files.length; i += 2) files.set(m.files[i]!, m.files[i + 1]!);
    return { version: 3, pages: m.pages, files, ...(m.eleventy ? { eleventy: m.eleventy } : {}), ...(typeof m.search === "string" ? { search: m.search } : {}) };
  } catch {
    return undefined;
  }
}

function isFlatList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length % 2 === 0 && value.every((x) => typeof x === "string");
}

/**
 * Written as flat `[file, digest, …]` lists: at 90,000 files that reads and writes in a third of
 * the time of an object with a key per file. `file` is where to write it (the manifest of
 * `output` unless given).
 */
export function writeManifest(output: string, manifest: Manifest, file = manifestPath(output)): void {
  const files: string[] = [];
  for (const [name, d] of manifest.files) files.push(name, d);
  const { eleventy, search } = manifest;
  writeFileAtomic(file, JSON.stringify({ version: 3, pages: manifest.pages, files, ...(eleventy ? { eleventy } : {}), ...(search ? { search } : {}) }));
}

/** How many files the manifest lists. */
export function fileCount(manifest: Manifest): number {
  return manifest.pages.length / 2 + manifest.files.size;
}

/**
 * The last build's digest of a page: `lookup(file, at)` for the page at flat index `at` of this
 * build's list. The entry at the same place is checked first; a Map of every page is made only
 * when the pages no longer line up (a product was added or removed, or the shard changed).
 * @example const last = lastPageDigests(previous.pages); last("compare/a-vs-b/index.html", 0) // "k3…"
 */
export function lastPageDigests(pages: readonly string[]): (file: string, at: number) => string | undefined {
  let byFile: Map<string, string> | undefined;
  return (file, at) => {
    if (pages[at] === file) return pages[at + 1];
    byFile ??= new Map(pairs(pages));
    return byFile.get(file);
  };
}

/** The files `previous` lists that `next` does not. */
export function removedFiles(previous: Manifest, next: Manifest): string[] {
  let nextPages: Set<string> | undefined;
  const gone = (file: string): boolean => !next.files.has(file) && !(nextPages ??= new Set(pairs(next.pages).map(([f]) => f))).has(file);
  const samePages = previous.pages.length === next.pages.length && previous.pages.every((f, i) => i % 2 === 1 || f === next.pages[i]);
  const pages = samePages ? [] : pairs(previous.pages).map(([f]) => f).filter(gone);
  return [...pages, ...[...previous.files.keys()].filter(gone)];
}

function pairs(flat: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}
