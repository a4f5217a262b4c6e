import { readFileSync } from "node:fs";
import { writeFileAtomic } from "./fs-atomic.js";

/**
 * What the last successful build into an output folder wrote: every file and the digest of its
 * inputs (pages rendered from data) or of its bytes (everything else). Kept beside the output,
 * not in it, so shard outputs and full builds stay byte-identical.
 */
export interface Manifest {
  version: 1;
  files: Record<string, string>;
  /** Eleventy's pages of that build and a digest of everything they were rendered from. */
  eleventy?: { inputs: string; pages: { url: string; file: string }[] };
}

export const manifestPath = (output: string): string => `${output}.versus-manifest.json`;

export function readManifest(output: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(manifestPath(output), "utf8")) as Manifest;
    return m.version === 1 && typeof m.files === "object" ? m : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keys are sorted: Eleventy reports its pages in no fixed order, and the same build must give
 * the same bytes. `file` is where to write it (the manifest of `output` unless given).
 */
export function writeManifest(output: string, manifest: Manifest, file = manifestPath(output)): void {
  const files: Record<string, string> = {};
  for (const key of Object.keys(manifest.files).sort()) files[key] = manifest.files[key]!;
  writeFileAtomic(file, JSON.stringify({ ...manifest, files }));
}
