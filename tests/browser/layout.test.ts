/**
 * Layout, network and screenshots, on every page type at 1280×800 and 390×844:
 *  c. no horizontal scrolling at 390; the matrix shows cards at 390 and the table at 1280;
 *  d. every request goes to the local server, nothing fails, no uncaught script errors, and
 *     CSS+JS (response bodies of stylesheet and script resources) stay within 50 KB;
 *  e. full-page screenshots in test-results/screenshots/<type>-<width>.png.
 * Plus: no built page at all scrolls sideways at 390; a missing URL gets the styled 404 page with status 404, the redirect pages land on their
 * targets without JavaScript, and with the production `_headers` (CSP) nothing logs an error.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  chromiumAvailable,
  ensureScreenshotDir,
  findOverflowingElements,
  launchChromium,
  limiter,
  PAGE_CONCURRENCY,
  PAGE_TYPES,
  problemsMessage,
  SEARCH_PAGE,
  VIEWPORTS,
  type PageType,
} from "../helpers/browser.js";
import { builtSiteDir, startStaticServer, type StaticServer } from "../helpers/built-site.js";
import { loadBuiltSite } from "../helpers/html.js";

const available = chromiumAvailable();
const slot = limiter(PAGE_CONCURRENCY);
const TIMEOUT = 180_000;

/** 50 KB of CSS + JS per page. */
const ASSET_BUDGET_BYTES = 50 * 1024;

let siteDir: string;
let browser: Browser;
let server: StaticServer;
let screenshotDir: string;

beforeAll(async () => {
  if (!available) return;
  siteDir = await builtSiteDir();
  server = await startStaticServer(siteDir);
  browser = await launchChromium();
  screenshotDir = await ensureScreenshotDir();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Traffic {
  requests: string[];
  failed: string[];
  errors: string[];
  consoleErrors: string[];
  assetBytes: { url: string; bytes: number }[];
  pending: Promise<void>[];
}

function watch(page: Page): Traffic {
  const traffic: Traffic = { requests: [], failed: [], errors: [], consoleErrors: [], assetBytes: [], pending: [] };
  page.on("request", (request) => traffic.requests.push(request.url()));
  page.on("requestfailed", (request) => traffic.failed.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`));
  page.on("pageerror", (error) => traffic.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") traffic.consoleErrors.push(`${message.text()} [${message.location().url}]`);
  });
  page.on("response", (response) => {
    const request = response.request();
    if (response.status() >= 400) traffic.failed.push(`${response.url()} (HTTP ${response.status()})`);
    const type = request.resourceType();
    if (type === "stylesheet" || type === "script") {
      traffic.pending.push(
        response.body().then(
          (body) => void traffic.assetBytes.push({ url: response.url(), bytes: body.length }),
          () => void traffic.failed.push(`${response.url()} (body unavailable)`),
        ),
      );
    }
  });
  return traffic;
}

describe.skipIf(!available).concurrent("layout, requests, budgets and screenshots", () => {
  // The search page too: it fetches Pagefind's engine only when a reader searches (tests/browser/search.test.ts).
  const pages: PageType[] = [...PAGE_TYPES, SEARCH_PAGE];
  for (const { type, path } of pages) {
    it(`${type} page ${path}`, { timeout: TIMEOUT }, ({ expect }) =>
      slot(async () => {
        const problems: string[] = [];
        for (const viewport of VIEWPORTS) {
          const at = `${type} ${path} @ ${viewport.width}px`;
          const context = await browser.newContext({ viewport, colorScheme: "light" });
          try {
            const page = await context.newPage();
            const traffic = watch(page);
            const response = await page.goto(server.url(path), { waitUntil: "load" });
            if (response?.status() !== 200) problems.push(`${at}: HTTP ${response?.status()}`);
            await page.waitForLoadState("networkidle");
            await Promise.all(traffic.pending);

            // d. Only the local origin; nothing fails; no script errors; CSS+JS within budget.
            for (const url of traffic.requests) {
              if (!url.startsWith(`${server.origin}/`) && !/^(data|blob|about):/.test(url)) {
                problems.push(`${at}: third-party request ${url}`);
              }
            }
            for (const failure of traffic.failed) {
              problems.push(`${at}: request failed: ${failure}`);
            }
            for (const error of traffic.errors) problems.push(`${at}: uncaught script error: ${error}`);
            const total = traffic.assetBytes.reduce((sum, a) => sum + a.bytes, 0);
            if (total > ASSET_BUDGET_BYTES) {
              const list = traffic.assetBytes.map((a) => `${new URL(a.url).pathname} ${a.bytes} B`).join(", ");
              problems.push(`${at}: CSS+JS is ${total} bytes, over the ${ASSET_BUDGET_BYTES}-byte budget (${list})`);
            }

            // c. No sideways scrolling on a phone.
            if (viewport.width === 390) {
              const { scrollWidth, innerWidth } = await page.evaluate(() => ({
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: window.innerWidth,
              }));
              if (scrollWidth > innerWidth) {
                const culprits = await page.evaluate(findOverflowingElements);
                problems.push(`${at}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}; overflowing: ${culprits.join("; ") || "(none found)"}`);
              }
            }

            // c. The matrix: cards on a phone, the table on a wide screen.
            if (type === "matrix") {
              const shown = await page.evaluate(() => {
                const table = document.querySelector(".matrix-table");
                const cards = document.querySelector(".matrix-cards");
                return {
                  table: table ? table.checkVisibility({ visibilityProperty: true }) : null,
                  cards: cards ? cards.checkVisibility({ visibilityProperty: true }) : null,
                };
              });
              if (shown.table === null) problems.push(`${at}: no .matrix-table`);
              if (shown.cards === null) problems.push(`${at}: no .matrix-cards`);
              const wantCards = viewport.width < 768;
              if (shown.cards !== null && shown.cards !== wantCards) problems.push(`${at}: matrix cards are ${shown.cards ? "visible" : "hidden"}`);
              if (shown.table !== null && shown.table === wantCards) problems.push(`${at}: matrix table is ${shown.table ? "visible" : "hidden"}`);
            }

            // e. Screenshot.
            await page.screenshot({ path: join(screenshotDir, `${type}-${viewport.width}.png`), fullPage: true });
          } finally {
            await context.close();
          }
        }
        expect(problems, problemsMessage("layout/network problems:", problems)).toEqual([]);
      }),
    );
  }
});

describe.skipIf(!available)("every page on a phone", () => {
  it("no built page scrolls sideways at 390×844", { timeout: TIMEOUT }, async ({ expect }) => {
    const site = await loadBuiltSite(siteDir);
    const paths = [...site.pages.values()].filter((p) => !p.redirect).map((p) => p.path).sort();
    const queue = [...paths];
    const problems: string[] = [];
    // PAGE_CONCURRENCY tabs, each working through the queue.
    await Promise.all(
      Array.from({ length: PAGE_CONCURRENCY }, async () => {
        const context = await browser.newContext({ viewport: VIEWPORTS[1] });
        try {
          const page = await context.newPage();
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
            await page.goto(server.url(path), { waitUntil: "load" });
            const { scrollWidth, innerWidth } = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
            }));
            if (scrollWidth > innerWidth) {
              const culprits = await page.evaluate(findOverflowingElements);
              problems.push(`${path} @ 390px: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}; overflowing: ${culprits.join("; ") || "(none found)"}`);
            }
          }
        } finally {
          await context.close();
        }
      }),
    );
    expect(paths.length, "pages checked").toBeGreaterThan(20);
    expect(problems.sort(), problemsMessage(`pages wider than the phone screen (${problems.length} of ${paths.length}):`, problems)).toEqual([]);
  });
});

describe.skipIf(!available).concurrent("404s, redirects and production headers", () => {
  it("a missing URL gets the 404 page, styled, with status 404", { timeout: TIMEOUT }, ({ expect }) =>
    slot(async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS[0] });
      try {
        const page = await context.newPage();
        const traffic = watch(page);
        const response = await page.goto(server.url("/no/such/page/"), { waitUntil: "load" });
        expect(response?.status()).toBe(404);
        const state = await page.evaluate(() => ({
          title: document.title,
          h1: document.querySelector("h1")?.textContent?.trim() ?? "",
          styled: [...document.styleSheets].some((sheet) => {
            try {
              return sheet.cssRules.length > 0;
            } catch {
              return false;
            }
          }),
        }));
        expect(state.h1, "the 404 page has an h1").not.toBe("");
        expect(state.styled, "the 404 page's stylesheet loads from a nested URL (absolute asset paths)").toBe(true);
        // The only failed request is the page itself.
        expect(traffic.failed.filter((f) => !f.includes("/no/such/page/"))).toEqual([]);
      } finally {
        await context.close();
      }
    }),
  );

  const redirects = [
    { from: "/compare/appwrite-vs-apache-kafka/", to: "/compare/apache-kafka-vs-appwrite/" },
    { from: "/products/kafka/", to: "/products/apache-kafka/" },
  ];
  for (const { from, to } of redirects) {
    it(`${from} sends the reader to ${to} (meta refresh, no JavaScript)`, { timeout: TIMEOUT }, ({ expect }) =>
      slot(async () => {
        const context = await browser.newContext({ viewport: VIEWPORTS[0], javaScriptEnabled: false });
        try {
          const page = await context.newPage();
          await page.goto(server.url(from), { waitUntil: "load" });
          await page.waitForURL(server.url(to), { timeout: 10_000 });
          expect(new URL(page.url()).pathname).toBe(to);
          expect(await page.locator("h1").count()).toBe(1);
        } finally {
          await context.close();
        }
      }),
    );
  }

  it("with the production _headers (Content-Security-Policy), no page has a CSP violation, script error or console error", { timeout: TIMEOUT }, async ({ expect, skip }) => {
    if (!existsSync(join(siteDir, "_headers"))) skip("the build wrote no _headers file");
    const strict = await startStaticServer(siteDir, { productionHeaders: true });
    const problems: string[] = [];
    try {
      await Promise.all(
        [...PAGE_TYPES, SEARCH_PAGE].map(({ type, path }) =>
          slot(async () => {
            const context = await browser.newContext({ viewport: VIEWPORTS[0] });
            try {
              const page = await context.newPage();
              const traffic = watch(page);
              const response = await page.goto(strict.url(path), { waitUntil: "load" });
              if (!response?.headers()["content-security-policy"]) problems.push(`${type} ${path}: no Content-Security-Policy header from _headers`);
              await page.waitForLoadState("networkidle");
              for (const error of traffic.errors) problems.push(`${type} ${path}: uncaught script error: ${error}`);
              for (const message of traffic.consoleErrors) {
                // The browser's own /favicon.ico request is checked by tests/site-quality/site-files.test.ts.
                if (/\/favicon\.ico\]?$/.test(message)) continue;
                problems.push(`${type} ${path}: console error: ${message}`);
              }
            } finally {
              await context.close();
            }
          }),
        ),
      );
    } finally {
      await strict.close();
    }
    expect(problems, problemsMessage("errors under the production headers:", problems)).toEqual([]);
  });
});
