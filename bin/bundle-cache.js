// Which version of Versus's code this is, and where its bundles are kept. Plain JavaScript, with
// types in bundle-cache.d.ts, because bin/versus.js needs it before TypeScript can be loaded;
// src/build/code-bundles.ts makes the bundles named here.
import { hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** This installation of Versus: the folder holding bin/, src/ and templates/. */
export const PROJECT_DIR = fileURLToPath(new URL("../", import.meta.url));

/**
 * Where bundles are kept: this installation's own cache, or, when that cannot be written (an
 * install owned by another user, as in a container that builds as non-root), the system's
 * temporary folder, one per user.
 */
export const CACHE_DIRS = [path.join(PROJECT_DIR, "node_modules", ".cache", "versus"), path.join(os.tmpdir(), `versus-${process.getuid?.() ?? "user"}`)];

/**
 * What Versus's code is made of, templates aside: tsconfig.json too, since esbuild compiles by
 * some of its settings. An installed package has no package-lock.json; its package.json pins
 * the direct dependencies. The bundles carry packages (src/build/code-bundles.ts), so the
 * packages installed count too: npm records them in node_modules/.package-lock.json, inside a
 * checkout, or beside Versus when it is installed as a package (`npm update` changes it either way).
 */
export const CODE_ENTRIES = ["bin", "src", ".eleventy.ts", "tsconfig.json", "package.json", "package-lock.json", "node_modules/.package-lock.json", "../.package-lock.json"];

/**
 * A short hash of every file under `entries` (folders, recursively, or single files; missing
 * ones count as empty), with their paths relative to `projectDir`.
 * @example hashFiles(CODE_ENTRIES) // "b5QmN2…" (22 characters), until a file of the code changes
 */
export function hashFiles(entries, projectDir = PROJECT_DIR) {
  const files = entries.flatMap((entry) => listFiles(path.join(projectDir, entry))).sort();
  return digest(...files.flatMap((f) => [path.relative(projectDir, f), readFileSync(f)]));
}

/**
 * A short stable hash of strings or bytes (here because the launcher needs it before
 * TypeScript loads; src/build/digest.ts hands it to the rest of the code).
 * @example digest("a", "b") === digest("a", "b") // true
 */
export function digest(...parts) {
  // One call into the hash per digest (each part followed by a NUL): a build digests every page,
  // and most parts are short strings, for which a Hash object costs more than the hashing.
  const data = parts.every((p) => typeof p === "string")
    ? parts.map((p) => `${p}\0`).join("")
    : Buffer.concat(parts.flatMap((p) => [typeof p === "string" ? Buffer.from(p) : p, NUL]));
  return hash("sha256", data, "base64url").slice(0, 22);
}

const NUL = new Uint8Array(1);

/**
 * hashFiles(CODE_ENTRIES) of `projectDir`, once per process: the code a process runs does not
 * change while it runs, and the launcher (for the bundle) and the render fingerprint both ask.
 * @example codeVersion() === codeVersion() // true, and the files were read once
 */
export function codeVersion(projectDir = PROJECT_DIR) {
  let version = codeVersions.get(projectDir);
  if (version === undefined) codeVersions.set(projectDir, (version = hashFiles(CODE_ENTRIES, projectDir)));
  return version;
}

const codeVersions = new Map();

function listFiles(target) {
  if (!existsSync(target)) return [];
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

/**
 * The folder of the command-line bundle of `version` of the code: only in this installation's
 * own cache, because the bundle finds packages (esbuild, for the render threads' bundles) from
 * where it lies, and one per installation, because it imports them by absolute path.
 */
export function cliBundleDir(version) {
  return path.join(CACHE_DIRS[0], `cli-${hash("sha256", `${PROJECT_DIR}\0${version}`, "base64url").slice(0, 16)}`);
}

export const CLI_MAIN = "main.mjs";
export const CLI_ELEVENTY_CONFIG = "eleventy-config.mjs";

/** The URL of the bundle's main module for `version` of the code, if that bundle was made. */
export function findCliBundle(version) {
  const main = path.join(cliBundleDir(version), CLI_MAIN);
  return existsSync(main) ? pathToFileURL(main).href : undefined;
}
