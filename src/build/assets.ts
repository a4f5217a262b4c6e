import { readFileSync } from "node:fs";
import path from "node:path";
import { RELATIVE_TIME_SOURCE } from "../compute/relative-time.js";
import { TEMPLATES_DIR } from "../render/nunjucks-environment.js";
import { digest } from "./digest.js";

export interface BuiltAssets {
  /** Site paths for templates. */
  paths: { css: string; js: string; search: string; icon: string };
  /** Files to write, path relative to the output folder. */
  files: { file: string; bytes: Uint8Array }[];
}

/**
 * The stylesheet, scripts and icon, named by a hash of their bytes so they can be cached forever.
 * The site script starts with the same relative-time function the build used, so the text a
 * reader sees after the refresh is worded exactly like the text in the HTML. The search page's
 * script is a file of its own, which no other page loads.
 */
export function buildAssets(): BuiltAssets {
  const css = readFileSync(path.join(TEMPLATES_DIR, "assets/site.css"));
  const js = Buffer.from(`"use strict";\nconst relativeTime = ${RELATIVE_TIME_SOURCE};\n${readFileSync(path.join(TEMPLATES_DIR, "assets/site.js"), "utf8")}`);
  const search = readFileSync(path.join(TEMPLATES_DIR, "assets/search.js"));
  const icon = readFileSync(path.join(TEMPLATES_DIR, "assets/favicon.svg"));
  const cssFile = fingerprinted("assets/site.css", css);
  const jsFile = fingerprinted("assets/site.js", js);
  const searchFile = fingerprinted("assets/search.js", search);
  const iconFile = fingerprinted("assets/favicon.svg", icon);
  return {
    paths: { css: `/${cssFile}`, js: `/${jsFile}`, search: `/${searchFile}`, icon: `/${iconFile}` },
    files: [
      { file: cssFile, bytes: css },
      { file: jsFile, bytes: js },
      { file: searchFile, bytes: search },
      { file: iconFile, bytes: icon },
    ],
  };
}

/**
 * A file's name with a fingerprint of its bytes before the extension, so that it can be cached
 * forever: new bytes, new name.
 * @example fingerprinted("assets/site.css", bytes) // "assets/site.Xq3f2a9c1b.css"
 */
export function fingerprinted(file: string, bytes: Uint8Array): string {
  const dot = file.lastIndexOf(".");
  return `${file.slice(0, dot)}.${digest(bytes).slice(0, 10).replace(/[-_]/g, "0")}${file.slice(dot)}`;
}
