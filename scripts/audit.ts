/**
 * Lighthouse audit of the built site: `npm run audit` (tsx scripts/audit.ts).
 *
 *   tsx scripts/audit.ts [--dir DIR] [--desktop] [--json FILE] [--verbose]
 *
 * Builds the example site (or audits --dir), serves it on 127.0.0.1 with the production `_headers`,
 * starts the Debian Chromium (/usr/bin/chromium, or VERSUS_CHROMIUM) headless with a DevTools port,
 * and runs Lighthouse 12 on a pair page, a product page and the feature matrix. Prints one line per
 * page with the four category scores, the audits that cost points, and a final verdict line.
 * Exit 1 when a page misses a target: performance ≥ 95, accessibility, best practices and SEO 100.
 *
 * Lighthouse's default (mobile, simulated slow 4G + 4× CPU slowdown) settings are used unless
 * --desktop is given.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/helpers/browser.js";
import { buildExampleSite, startStaticServer, type BuildResult } from "../tests/helpers/built-site.js";

const PAGES = [
  { name: "pair", path: "/compare/apache-kafka-vs-appwrite/" },
  { name: "product", path: "/products/apache-kafka/" },
  { name: "matrix", path: "/matrices/kafka-compatible-streaming/" },
];

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const TARGETS: Record<Category, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

interface Options {
  dir?: string;
  desktop: boolean;
  json?: string;
  verbose: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { desktop: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (!next) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--dir") options.dir = value();
    else if (arg.startsWith("--dir=")) options.dir = arg.slice(6);
    else if (arg === "--json") options.json = value();
    else if (arg === "--desktop") options.desktop = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--help" || arg === "-h") {
      console.log("usage: tsx scripts/audit.ts [--dir DIR] [--desktop] [--json FILE] [--verbose]");
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** Starts Chromium headless with a DevTools port; resolves once it is listening. */
async function startChromium(profileDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, "--headless", "--remote-debugging-port=0", `--user-data-dir=${profileDir}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port within 30 s\n${stderr}`)), 30_000);
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening a DevTools port\n${stderr}`));
    });
  });
  child.stderr!.resume();
  return { child, port };
}

async function stopChromium(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Audits in the category that cost points, worst first: "id (score): title — display value". */
function lostPoints(lhr: Result, category: Category): string[] {
  const cat = lhr.categories[category];
  if (!cat) return [];
  return cat.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map((audit) => {
      const value = audit.displayValue ? ` — ${audit.displayValue}` : "";
      const why = audit.explanation ? ` — ${audit.explanation}` : "";
      return `${audit.id} (${Math.round((audit.score ?? 0) * 100)}): ${audit.title}${value}${why}${describeItems(audit.details)}`;
    });
}

/** The first few rows of an audit's details table (URL, source, description, node), on one line. */
function describeItems(details: unknown): string {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items;
  if (!Array.isArray(items) || items.length === 0) return "";
  const text = (item: Record<string, unknown>): string => {
    const parts: string[] = [];
    for (const key of ["description", "url", "source", "sourceLocation", "node"]) {
      const v = item[key];
      if (typeof v === "string") parts.push(v);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        const s = o.snippet ?? o.selector ?? o.url ?? o.value;
        if (typeof s === "string") parts.push(s);
      }
    }
    return parts.join(" ").replace(/\s+/g, " ").slice(0, 200);
  };
  const shown = items.slice(0, 3).map(text).filter(Boolean);
  return shown.length ? ` [${shown.join(" | ")}${items.length > 3 ? ` | +${items.length - 3} more` : ""}]` : "";
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`audit: Chromium not found at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` (or set VERSUS_CHROMIUM).`);
    return 2;
  }

  let build: BuildResult | undefined;
  let dir = options.dir;
  if (!dir) {
    build = await buildExampleSite();
    dir = build.dir;
    console.log(`audit: ${build.summary}`);
  }

  const server = await startStaticServer(dir, { productionHeaders: true });
  const profileDir = await mkdtemp(join(tmpdir(), "versus-audit-chromium-"));
  let chromium: ChildProcess | undefined;
  const failures: string[] = [];
  const report: Record<string, unknown>[] = [];
  try {
    const started = await startChromium(profileDir);
    chromium = started.child;
    const flags: Flags = {
      port: started.port,
      output: "json",
      logLevel: options.verbose ? "info" : "error",
      onlyCategories: [...CATEGORIES],
    };
    const mode = options.desktop ? "desktop preset" : "default mobile preset";
    console.log(`audit: Lighthouse on ${server.origin} (${mode}); targets: ${CATEGORIES.map((c) => `${c} ≥ ${TARGETS[c]}`).join(", ")}`);

    for (const page of PAGES) {
      const url = server.url(page.path);
      const result = await lighthouse(url, flags, options.desktop ? desktopConfig : undefined);
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse runtime error on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, lhr.categories[c]?.score === null || lhr.categories[c] === undefined ? NaN : Math.round(lhr.categories[c]!.score! * 100)]),
      ) as Record<Category, number>;
      const below = CATEGORIES.filter((c) => !(scores[c] >= TARGETS[c]));
      console.log(
        `${pad(page.name, 8)} ${pad(page.path, 40)} ` +
          CATEGORIES.map((c) => `${c} ${String(scores[c]).padStart(3)}${below.includes(c) ? "✗" : " "}`).join("  "),
      );
      for (const c of CATEGORIES) {
        const lost = lostPoints(lhr, c);
        if (lost.length && (below.includes(c) || options.verbose)) for (const line of lost) console.log(`           ${c}: ${line}`);
      }
      for (const c of below) failures.push(`${page.name} ${c} ${scores[c]} < ${TARGETS[c]}`);
      report.push({
        page: page.name,
        path: page.path,
        scores,
        lost: Object.fromEntries(CATEGORIES.map((c) => [c, lostPoints(lhr, c)])),
        metrics: Object.fromEntries(
          ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map((id) => [
            id,
            lhr.audits[id]?.displayValue,
          ]),
        ),
        // The local origin differs from the canonical origin (https://…example.com): record how
        // the crawlability audits judged that, so a penalty is visible rather than silent.
        seo: Object.fromEntries(
          ["canonical", "is-crawlable", "robots-txt", "hreflang"].map((id) => [
            id,
            { score: lhr.audits[id]?.score ?? null, mode: lhr.audits[id]?.scoreDisplayMode, explanation: lhr.audits[id]?.explanation },
          ]),
        ),
        warnings: lhr.runWarnings,
      });
      for (const warning of lhr.runWarnings) console.log(`           warning: ${warning}`);
    }
  } finally {
    if (chromium) await stopChromium(chromium);
    await server.close();
    await rm(profileDir, { recursive: true, force: true });
    await build?.cleanup();
  }

  if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    failures.length
      ? `audit: FAIL — ${failures.length} score(s) below target: ${failures.join("; ")}`
      : `audit: PASS — all ${PAGES.length} pages meet the targets`,
  );
  return failures.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
