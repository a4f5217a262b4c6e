/**
 * `npm run bench -- --products N --sectors S`: generates a synthetic root, builds it from scratch,
 * then edits one product's body and builds again, and prints one JSON line with pages, seconds,
 * pages per second, peak RSS summed over processes, and the incremental rebuild's figures.
 * `--no-reverse-pages` sets `reverse_pair_pages: false`; `--with-search`, `--with-cards` turn
 * on the search index and social cards.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, stringFlag } from "../src/cli/args.js";
import { writeCorpus } from "./corpus.js";
import { watchTreeRss } from "./process-tree-rss.js";

const BIN = fileURLToPath(new URL("../bin/versus.js", import.meta.url));

interface Run {
  seconds: number;
  peakRssMb: number;
  summary: string;
}

async function build(root: string, output: string, extra: string[]): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "build", "--root", root, "--output", output, ...extra], {
    env: { ...process.env, SOURCE_DATE_EPOCH: "1779451200" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const rss = watchTreeRss(child.pid!);
  let summary = "";
  child.stdout.on("data", (d: Buffer) => (summary += d.toString()));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = rss.stop();
  if (code !== 0) throw new Error(`build failed (exit ${code}): ${summary}`);
  return { seconds, peakRssMb, summary: summary.trim() };
}

const args = parseArgs(process.argv.slice(2), ["products", "sectors", "out"]);
const products = Number(stringFlag(args, "products", "100"));
const sectors = Number(stringFlag(args, "sectors", "4"));
// The Hugo anchor builds pages only, so by default the search index and social cards are off
// (`--with-search`, `--with-cards` add them; cards are cached after the first build).
const extra = [...(args.flags.has("with-search") ? [] : ["--no-search"]), ...(args.flags.has("with-cards") ? [] : ["--no-social-cards"])];
const root = path.resolve(stringFlag(args, "out", path.join(os.tmpdir(), `versus-bench-${products}`)));
const output = path.join(root, "_site");
// --no-reverse-pages: the site setting for hosts with redirect rules (half the files).
writeCorpus({ out: root, products, sectors, reversePairPages: !args.flags.has("no-reverse-pages") });

const full = await build(root, output, extra);
const pages = Number(/built (\d+) pages/.exec(full.summary)?.[1] ?? 0);

// Incremental: one product's editorial body changes (not its tagline or timeline).
const edited = path.join(root, "content/products/product-0001.md");
writeFileSync(edited, readFileSync(edited, "utf8").replace("## Prediction\n\n", "## Prediction\n\nAn editor's new sentence for the benchmark. "));
const incremental = await build(root, output, extra);
const written = Number(/(\d+) written/.exec(incremental.summary)?.[1] ?? 0);

process.stdout.write(
  `${JSON.stringify({
    products,
    pages,
    files: Number(/\((\d+) files/.exec(full.summary)?.[1] ?? 0),
    seconds: Number(full.seconds.toFixed(2)),
    pages_per_second: Math.round(pages / full.seconds),
    peak_rss_mb: Math.round(full.peakRssMb),
    incremental_seconds: Number(incremental.seconds.toFixed(2)),
    incremental_ratio: Number((incremental.seconds / full.seconds).toFixed(3)),
    incremental_files_written: written,
  })}\n`,
);
if (!args.flags.has("keep")) rmSync(root, { recursive: true, force: true });
