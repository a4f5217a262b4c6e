/**
 * `npm run bench:hugo -- --products N --sectors S [--rounds R]`: times Hugo on the anchor of
 * shared/reference/anchors.md against a full Versus build of the synthetic corpus of the same
 * size, alternating the two R times (default 3) because the machines are shared and noisy:
 * only ratios measured side by side mean anything. Prints one JSON line per round and a last
 * line with the medians and their ratio. `--no-reverse-pages` and `--with-search` / `--with-cards`
 * are passed on as in `npm run bench`.
 * Needs `hugo` on the PATH (`apt-get install -y hugo`); prints why and exits 2 when it is missing.
 */
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringFlag } from "../src/cli/args.js";
import { benchArgs, CORPUS_BUILD_SWITCHES } from "./args.js";
import { writeCorpus } from "./corpus.js";
import { buildHugo, hasHugo, writeHugoAnchor } from "./hugo-site.js";
import { pagesOnlyFlags, timedBuild } from "./timed-build.js";
import { median } from "./median.js";

const args = benchArgs("bench:hugo", ["products", "sectors", "rounds", "out"], CORPUS_BUILD_SWITCHES);
const products = Number(stringFlag(args, "products", "600"));
const sectors = Number(stringFlag(args, "sectors", "4"));
const rounds = Number(stringFlag(args, "rounds", "3"));
const base = path.resolve(stringFlag(args, "out", path.join(os.tmpdir(), `hugo-vs-versus-${products}`)));
if (!hasHugo()) {
  process.stderr.write("bench:hugo needs the hugo binary: apt-get install -y hugo\n");
  process.exit(2);
}

const hugoRoot = path.join(base, "hugo");
const versusRoot = path.join(base, "versus");
const hugoPages = writeHugoAnchor(hugoRoot, products, sectors);
writeCorpus({ out: versusRoot, products, sectors, reversePairPages: !args.flags.has("no-reverse-pages") });

const hugoTimes: number[] = [];
const versusTimes: number[] = [];
let versusPages = 0;
// Every build writes a new folder and all are deleted at the end: deleting 100,000 files just
// before a timed build would slow it down, and more so the engine with more files.
for (let round = 1; round <= rounds; round++) {
  const hugo = buildHugo(hugoRoot, path.join(base, `hugo-public-${round}`));
  // A cold build: no parsed records from the round before (Hugo keeps nothing between runs).
  rmSync(path.join(versusRoot, ".versus-cache"), { recursive: true, force: true });
  const versus = await timedBuild(versusRoot, path.join(base, `versus-site-${round}`), pagesOnlyFlags(args.flags));
  versusPages = versus.pages;
  hugoTimes.push(hugo);
  versusTimes.push(versus.seconds);
  process.stdout.write(`${JSON.stringify({ round, hugo_seconds: round2(hugo), versus_seconds: round2(versus.seconds), ratio: round2(versus.seconds / hugo) })}\n`);
}
process.stdout.write(
  `${JSON.stringify({
    products,
    hugo_pages: hugoPages,
    versus_pages: versusPages,
    hugo_median_seconds: round2(median(hugoTimes)),
    versus_median_seconds: round2(median(versusTimes)),
    ratio_of_medians: round2(median(versusTimes) / median(hugoTimes)),
  })}\n`,
);
if (!args.flags.has("keep")) rmSync(base, { recursive: true, force: true });

function round2(x: number): number {
  return Number(x.toFixed(2));
}
