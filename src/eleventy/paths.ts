import { fileURLToPath } from "node:url";

/** Eleventy's input: one small entry file per page type (permalinks and pagination only). */
export const ENTRIES_DIR = fileURLToPath(new URL("../../templates/entries/", import.meta.url));
/**
 * The command-line bundle's own copy of .eleventy.ts, which shares the bundle's modules (the model
 * store the build fills) with the command: set by src/build/code-bundles.ts, undefined elsewhere.
 */
declare const VERSUS_BUNDLED_ELEVENTY_CONFIG: string | undefined;
export const CONFIG_FILE = typeof VERSUS_BUNDLED_ELEVENTY_CONFIG === "string" ? VERSUS_BUNDLED_ELEVENTY_CONFIG : fileURLToPath(new URL("../../.eleventy.ts", import.meta.url));
