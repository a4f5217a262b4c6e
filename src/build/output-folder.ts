import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { CONTENT_ASSETS_DIR } from "../content/logo-files.js";
import { manifestPath } from "./output-manifest.js";

/** A build would replace or read from a folder it does not own; nothing was touched. */
export class UnsafeOutputError extends Error {}

/** Where a build's input lives, so the output can stay clear of it. */
export interface BuildInputs {
  root: string;
  templatesDir: string;
}

/**
 * Why a build may not write to `output`, or undefined when it may. A build replaces its output
 * folder whole, so that folder must be one the build owns: never the site root or a folder
 * holding it, never in or around the content, data, assets, cache or templates, and never an
 * existing folder with files that no build wrote (no manifest beside it). The default
 * `<root>/_site` is the build's by convention and exempt from the last rule (earlier dev
 * servers wrote there).
 * @example outputFolderProblem("/site", { root: "/site", templatesDir: "/versus/templates" }) // "the output folder /site is or holds the site root (/site), …"
 */
export function outputFolderProblem(output: string, inputs: BuildInputs): string | undefined {
  const out = realPath(output);
  const root = realPath(inputs.root);
  const instead = `choose a folder of its own, such as ${path.join(root, "_site")}`;
  if (existsSync(out) && !statSync(out).isDirectory()) return `the output ${output} is a file, not a folder; ${instead}`;
  if (isWithin(out, root)) return `the output folder ${output} is or holds the site root (${root}), and a build replaces its output folder whole; ${instead}`;
  const inputDirs: [string, string][] = [
    ["the content folder", path.join(root, "content")],
    ["the data folder", path.join(root, "data")],
    ["the assets folder", path.join(root, CONTENT_ASSETS_DIR)],
    ["the cache folder", path.join(root, ".versus-cache")],
    ["the templates folder", realPath(inputs.templatesDir)],
  ];
  for (const [name, dir] of inputDirs) {
    if (isWithin(out, dir)) return `the output folder ${output} is or holds ${name} (${dir}), and a build replaces its output folder whole; ${instead}`;
    if (isWithin(dir, out)) return `the output folder ${output} is inside ${name} (${dir}), which the build reads; ${instead}`;
  }
  const written = existsSync(manifestPath(out)) || out === path.join(root, "_site");
  if (!written && existsSync(out) && readdirSync(out).length > 0) {
    return `the output folder ${output} already has files that versus build did not write, and a build replaces its output folder whole; empty or remove it first, or choose another folder`;
  }
  return undefined;
}

/**
 * Whether `inner` is `outer` or inside it.
 * @example isWithin("/site", "/site/content") // true
 * @example isWithin("/site", "/site2") // false
 */
export function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The path with symbolic links resolved as far as it exists, so a link cannot hide a match. */
function realPath(p: string): string {
  const absolute = path.resolve(p);
  const parent = path.dirname(absolute);
  if (existsSync(absolute)) return realpathSync(absolute);
  return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
}
