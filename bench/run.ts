/**
 * `npm run bench -- --products N --sectors S`: generates a synthetic root, builds it from scratch,
 * then edits one product's body and builds again, then its tagline (shown on Eleventy's sector and
 * home pages too) and builds again, and prints one JSON line with pages, seconds, pages per
 * second, peak RSS summed over processes, and the two incremental rebuilds' figures.
 * `--no-reverse-pages` sets `reverse_pair_pages: false`; `--with-search`, `--with-cards` turn
 * on the search index and social cards.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringFlag } from "../src/cli/args.js";
import { benchArgs, CORPUS_BUILD_SWITCHES } from "./args.js";
import { writeCorpus } from "./corpus.js";
import { pagesOnlyFlags, timedBuild } from "./timed-build.js";

const args = benchArgs("bench", ["products", "sectors", "out"], CORPUS_BUILD_SWITCHES);
const products = Number(stringFlag(args, "products", "100"));
const sectors = Number(stringFlag(args, "sectors", "4"));
const extra = pagesOnlyFlags(args.flags);
const root = path.resolve(stringFlag(args, "out", path.join(os.tmpdir(), `versus-bench-${products}`)));
const output = path.join(root, "_site");
// --no-reverse-pages: the site setting for hosts with redirect rules (half the files).
writeCorpus({ out: root, products, sectors, reversePairPages: !args.flags.has("no-reverse-pages") });

const full = await timedBuild(root, output, extra);

// Incremental: one product's editorial body changes (not its tagline or timeline).
const edited = path.join(root, "content/products/product-0001.md");
writeFileSync(edited, readFileSync(edited, "utf8").replace("## Prediction\n\n", "## Prediction\n\nAn editor's new sentence for the benchmark. "));
const incremental = await timedBuild(root, output, extra);

// And its tagline, which the sector pages and the home page list too: Eleventy renders again.
writeFileSync(edited, readFileSync(edited, "utf8").replace(/^tagline: .*$/m, 'tagline: "A tagline edited for the benchmark."'));
const listed = await timedBuild(root, output, extra);

process.stdout.write(
  `${JSON.stringify({
    products,
    pages: full.pages,
    files: full.files,
    seconds: Number(full.seconds.toFixed(2)),
    pages_per_second: Math.round(full.pages / full.seconds),
    peak_rss_mb: Math.round(full.peakRssMb),
    incremental_seconds: Number(incremental.seconds.toFixed(2)),
    incremental_ratio: Number((incremental.seconds / full.seconds).toFixed(3)),
    incremental_pages_rendered: incremental.rendered,
    incremental_files_written: incremental.written,
    tagline_edit_seconds: Number(listed.seconds.toFixed(2)),
    tagline_edit_ratio: Number((listed.seconds / full.seconds).toFixed(3)),
    tagline_edit_pages_rendered: listed.rendered,
  })}\n`,
);
if (!args.flags.has("keep")) rmSync(root, { recursive: true, force: true });
