#!/usr/bin/env node
// Versus is written in TypeScript and needs no compile step: it runs from a JavaScript bundle of
// its code, made the first time each version of the code runs (through tsx and esbuild), which
// starts about a quarter of a second sooner than compiling every module through tsx. With
// VERSUS_FROM_SOURCE=1 (for loader hooks or a debugger), or when no bundle can be made, it runs
// from the source through tsx.
import { codeVersion, findCliBundle } from "./bundle-cache.js";

const entry = process.env.VERSUS_FROM_SOURCE === "1" ? await fromSource() : await bundle(codeVersion());
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));

async function bundle(version) {
  const made = findCliBundle(version);
  if (made) return made;
  const source = await fromSource();
  try {
    return await (await import("../src/build/code-bundles.ts")).cliBundle(version);
  } catch {
    // The cache cannot be written, say: the source runs the same, only slower to start.
    return source;
  }
}

async function fromSource() {
  const { register } = await import("tsx/esm/api");
  register();
  return "../src/cli/main.ts";
}
