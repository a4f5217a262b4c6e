import { fileURLToPath } from "node:url";

/** Eleventy's input: one small entry file per page type (permalinks and pagination only). */
export const ENTRIES_DIR = fileURLToPath(new URL("../../templates/entries/", import.meta.url));
export const CONFIG_FILE = fileURLToPath(new URL("../../.eleventy.ts", import.meta.url));
