/**
 * Shared set-up for tests/browser/*: the Debian Chromium (never a downloaded browser), the page
 * types under test, viewports, axe-core and readable failure messages.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { REPO_ROOT } from "./built-site.js";

export const CHROMIUM_PATH = process.env.VERSUS_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Whether the browser suite can run. Missing Chromium fails loudly in CI (CI env var set) and
 * is a loud warning plus skipped tests on a workstation.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message =
    `Chromium not found at ${CHROMIUM_PATH}. The browser tests (tests/browser) need the Debian ` +
    `package: run \`apt-get install -y chromium\` (or set VERSUS_CHROMIUM to a Chromium binary). ` +
    `Never let Playwright download a browser.`;
  if (process.env.CI) throw new Error(`CI is set, so the browser tests must run. ${message}`);
  console.warn(`\n${"!".repeat(100)}\n!! SKIPPING BROWSER TESTS: ${message}\n${"!".repeat(100)}\n`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface PageType {
  type: string;
  path: string;
}

/** One representative URL per page type. */
export const PAGE_TYPES: readonly PageType[] = [
  { type: "pair", path: "/compare/apache-kafka-vs-appwrite/" },
  { type: "curated", path: "/compare/apache-kafka-vs-apache-spark/" },
  { type: "product", path: "/products/apache-kafka/" },
  { type: "alternatives", path: "/alternatives/apache-kafka/" },
  { type: "sector", path: "/sectors/devops/" },
  { type: "home", path: "/" },
  { type: "methodology", path: "/methodology/" },
  { type: "matrix", path: "/matrices/kafka-compatible-streaming/" },
  { type: "404", path: "/404.html" },
];

/** The search page as it loads, before a search (Pagefind's engine is fetched only to search). */
export const SEARCH_PAGE: PageType = { type: "search", path: "/search/" };

/** The search page showing results, once `.search-result` is on the page. */
export const SEARCH_RESULTS_PAGE: PageType = { type: "search results", path: "/search/?q=kafka" };

/** Waits until a page shows what it is tested for: the search results page, its results. */
export async function pageReady(page: Page, path: string): Promise<void> {
  if (path === SEARCH_RESULTS_PAGE.path) await page.locator(".search-result").first().waitFor({ timeout: 30_000 });
}

export const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 390, height: 844 },
] as const;

export const COLOR_SCHEMES = ["light", "dark"] as const;

export const SCREENSHOT_DIR = join(REPO_ROOT, "test-results", "screenshots");

export async function ensureScreenshotDir(): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return SCREENSHOT_DIR;
}

// ---------------------------------------------------------------------------------------------
// axe-core

export const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Injects axe-core (once per document) and runs the WCAG 2.0/2.1 A and AA rules; returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate("typeof window.axe === 'object'");
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const result = (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ["violations"] })`,
  )) as { violations: AxeViolation[] };
  return result.violations;
}

/** "rule-id (impact): help" then one line per element (target, html, failure summary). */
export function formatAxeViolations(violations: readonly AxeViolation[], maxNodes = 8): string {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`  [${v.id}] (${v.impact ?? "n/a"}) ${v.help} — ${v.nodes.length} element(s) — ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, maxNodes)) {
      const summary = (node.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
      lines.push(`      target: ${JSON.stringify(node.target)}`);
      lines.push(`        html: ${node.html.replace(/\s+/g, " ").slice(0, 200)}`);
      if (summary) lines.push(`        why:  ${summary.slice(0, 400)}`);
    }
    if (v.nodes.length > maxNodes) lines.push(`      … and ${v.nodes.length - maxNodes} more`);
  }
  return lines.join("\n");
}

/** Fails with every problem listed, one per line, under a heading. */
export function problemsMessage(heading: string, problems: readonly string[]): string {
  return problems.length ? `${heading}\n${problems.join("\n")}` : "";
}

/**
 * A tiny semaphore: `const slot = limiter(3); await slot(() => work())` runs at most 3 at a time.
 * Browser test files run their per-page tests concurrently through one (2 cores: keep it small).
 */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** How many pages each browser test file works on at once (VERSUS_BROWSER_CONCURRENCY overrides). */
export const PAGE_CONCURRENCY = Math.max(1, Number(process.env.VERSUS_BROWSER_CONCURRENCY) || 3);

/** Elements sticking out past the right edge of the viewport (outside any horizontal scroller); run it in the page with `page.evaluate`. */
export function findOverflowingElements(): string[] {
  const limit = document.documentElement.clientWidth;
  const found: string[] = [];
  for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
    const rect = el.getBoundingClientRect();
    if (rect.right <= limit + 0.5 || rect.width === 0) continue;
    // Inside a scroll container: the container is what matters.
    let scroller: HTMLElement | null = el.parentElement;
    let clipped = false;
    while (scroller && scroller !== document.body) {
      const overflowX = getComputedStyle(scroller).overflowX;
      if (overflowX !== "visible") {
        clipped = true;
        break;
      }
      scroller = scroller.parentElement;
    }
    if (clipped) continue;
    // Report the outermost offender only.
    if (el.parentElement && el.parentElement.getBoundingClientRect().right > limit + 0.5 && el.parentElement !== document.body) continue;
    const cls = el.classList.length ? `.${[...el.classList].join(".")}` : "";
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
    found.push(`<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls}> right edge ${Math.round(rect.right)}px "${text}"`);
    if (found.length >= 8) break;
  }
  return found;
}
