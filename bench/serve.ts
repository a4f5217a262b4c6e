/**
 * `npm run bench:serve -- --products N --sectors S [--saves K]`: generates a synthetic root, starts
 * `versus serve` on it and prints one JSON line: the seconds until a product page answers, and
 * for K saves of one product's tagline the milliseconds from the save to the dev server's reload
 * message and the product page fetched with the change, as an open tab sees it.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringFlag } from "../src/cli/args.js";
import { startDevServer } from "../tests/helpers/dev-server.js";
import { benchArgs } from "./args.js";
import { writeCorpus } from "./corpus.js";
import { median } from "./median.js";
import { prepareCommand } from "./timed-build.js";

const args = benchArgs("bench:serve", ["products", "sectors", "saves", "out"], ["keep"]);
const products = Number(stringFlag(args, "products", "100"));
const sectors = Number(stringFlag(args, "sectors", "4"));
const saves = Number(stringFlag(args, "saves", "10"));
const root = path.resolve(stringFlag(args, "out", path.join(os.tmpdir(), `versus-bench-serve-${products}`)));
writeCorpus({ out: root, products, sectors, reversePairPages: true });

const page = "/products/product-0001/";
prepareCommand();
const started = performance.now();
const server = await startDevServer(root, page);
const startSeconds = (performance.now() - started) / 1000;
const times: number[] = [];
try {
  // The dev server's live-reload socket, as the page's reload script opens it.
  const socket = new WebSocket(server.origin.replace(/^http/, "ws"));
  let reloaded: (() => void) | undefined;
  socket.addEventListener("message", (event) => {
    if ((JSON.parse(String(event.data)) as { type?: string }).type === "eleventy.reload") reloaded?.();
  });
  await new Promise((resolve) => socket.addEventListener("open", resolve, { once: true }));
  const file = path.join(root, "content/products/product-0001.md");
  for (let i = 1; i <= saves; i++) {
    const reload = new Promise<void>((resolve) => (reloaded = resolve));
    const tagline = `Saved for the benchmark, time ${i}`;
    const saved = performance.now();
    writeFileSync(file, readFileSync(file, "utf8").replace(/^tagline: .*$/m, `tagline: ${tagline}`));
    await reload;
    const html = await (await fetch(server.origin + page)).text();
    if (!html.includes(tagline)) throw new Error(`save ${i}: the page reloaded without the change`);
    times.push(performance.now() - saved);
    // A pause between saves, as between an editor's saves.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  socket.close();
} finally {
  server.child.kill("SIGTERM");
  await server.exited;
  if (!args.flags.has("keep")) rmSync(root, { recursive: true, force: true });
}

process.stdout.write(
  `${JSON.stringify({
    products,
    start_seconds: Number(startSeconds.toFixed(1)),
    saves,
    save_ms_median: Math.round(median(times)),
    save_ms_min: Math.round(Math.min(...times)),
    save_ms_max: Math.round(Math.max(...times)),
  })}\n`,
);
