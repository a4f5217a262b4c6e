/**
 * Accessibility in a real browser, on every page type:
 *  a. axe-core WCAG 2.0/2.1 A+AA at 1280×800 and 390×844, light and dark → no violations;
 *  b. keyboard: the first Tab lands on a visible "skip to #main" link that works; every Tab stop
 *     shows a focus indicator; one h1 and no skipped heading levels; tables have captions and
 *     every th has a scope.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  chromiumAvailable,
  COLOR_SCHEMES,
  formatAxeViolations,
  launchChromium,
  limiter,
  PAGE_CONCURRENCY,
  PAGE_TYPES,
  problemsMessage,
  runAxe,
  pageReady,
  SEARCH_PAGE,
  SEARCH_RESULTS_PAGE,
  VIEWPORTS,
} from "../helpers/browser.js";
import { builtSiteDir, startStaticServer, type StaticServer } from "../helpers/built-site.js";

const available = chromiumAvailable();
const PAGES = [...PAGE_TYPES, SEARCH_PAGE, SEARCH_RESULTS_PAGE];
/** Per-page tests run concurrently (one browser, PAGE_CONCURRENCY pages at a time). */
const slot = limiter(PAGE_CONCURRENCY);
const TIMEOUT = 180_000;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!available) return;
  server = await startStaticServer(await builtSiteDir());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` in a fresh context; the caller closes page.context(). */
async function open(path: string, viewport: { width: number; height: number }, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  const response = await page.goto(server.url(path), { waitUntil: "load" });
  if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
  await pageReady(page, path);
  return page;
}

describe.skipIf(!available).concurrent("axe-core: WCAG 2.0/2.1 A and AA", () => {
  for (const { type, path } of PAGES) {
    it(`${type} page ${path} has no violations at 1280 and 390, light and dark`, { timeout: TIMEOUT }, ({ expect }) =>
      slot(async () => {
        const failures: string[] = [];
        for (const viewport of VIEWPORTS) {
          const context = await browser.newContext({ viewport });
          try {
            const page = await context.newPage();
            for (const colorScheme of COLOR_SCHEMES) {
              // Set the scheme before loading, so no colour transition is mid-way when axe reads colours.
              await page.emulateMedia({ colorScheme });
              const response = await page.goto(server.url(path), { waitUntil: "load" });
              if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
              await pageReady(page, path);
              const violations = await runAxe(page);
              if (violations.length) {
                failures.push(`${type} ${path} @ ${viewport.width}px ${colorScheme}:\n${formatAxeViolations(violations)}`);
              }
            }
          } finally {
            await context.close();
          }
        }
        expect(failures, `axe violations\n${failures.join("\n")}`).toEqual([]);
      }),
    );
  }
});

// ---------------------------------------------------------------------------------------------
// In-page probes (plain functions: page.evaluate serialises them)

interface FocusStop {
  what: string;
  indicator: boolean;
  focusVisible: boolean;
  size: boolean;
}

/** Records every element that receives focus, with whether it shows an outline/box-shadow. */
function installFocusRecorder(): void {
  const w = window as unknown as { __stops: unknown[] };
  w.__stops = [];
  document.addEventListener(
    "focusin",
    (event) => {
      const el = event.target as HTMLElement;
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
      const shadow = cs.boxShadow !== "none" && cs.boxShadow !== "";
      const rect = el.getBoundingClientRect();
      const id = el.id ? `#${el.id}` : "";
      const cls = el.classList.length ? `.${[...el.classList].join(".")}` : "";
      const href = el.getAttribute("href");
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      w.__stops.push({
        what: `<${el.tagName.toLowerCase()}${id}${cls}${href ? ` href="${href}"` : ""}> "${text}"`,
        indicator: outline || shadow,
        focusVisible: el.matches(":focus-visible"),
        size: rect.width > 0 && rect.height > 0,
      });
    },
    true,
  );
}

interface SkipLinkState {
  tag: string;
  href: string | null;
  text: string;
  inViewport: boolean;
  indicator: boolean;
  mainExists: boolean;
}

function readSkipLink(): SkipLinkState {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) {
    return { tag: "body", href: null, text: "", inViewport: false, indicator: false, mainExists: !!document.getElementById("main") };
  }
  const rect = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute("href"),
    text: (el.textContent ?? "").trim(),
    inViewport: rect.width > 0 && rect.height > 0 && rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth,
    indicator: (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none",
    mainExists: !!document.getElementById("main"),
  };
}

/** Where focus is relative to #main: "inside", "after", "before" or "none". */
function focusRelativeToMain(): string {
  const main = document.getElementById("main");
  const el = document.activeElement;
  if (!main || !el || el === document.body) return "none";
  if (main.contains(el)) return "inside";
  return main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? "after" : "before";
}

/** Headings a reader meets (not display:none / visibility:hidden / aria-hidden), in document order. */
function readHeadings(): { level: number; text: string }[] {
  return [...document.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6")]
    .filter((h) => h.checkVisibility({ visibilityProperty: true }) && !h.closest("[aria-hidden='true']"))
    .map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 70) }));
}

function readTableProblems(): string[] {
  const problems: string[] = [];
  document.querySelectorAll("table").forEach((table, i) => {
    const label = `table #${i + 1}${table.className ? ` (.${table.className.split(/\s+/).join(".")})` : ""}`;
    const caption = table.querySelector(":scope > caption");
    if (!caption || !(caption.textContent ?? "").trim()) problems.push(`${label}: no <caption> (or an empty one)`);
    table.querySelectorAll("th").forEach((th) => {
      const scope = th.getAttribute("scope");
      if (!scope || !["row", "col", "rowgroup", "colgroup"].includes(scope)) {
        const text = (th.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
        problems.push(`${label}: <th> "${text}" has ${scope === null ? "no scope" : `scope="${scope}"`}`);
      }
    });
  });
  return problems;
}

function headingProblems(headings: { level: number; text: string }[]): string[] {
  const problems: string[] = [];
  const h1s = headings.filter((h) => h.level === 1);
  if (h1s.length !== 1) problems.push(`expected exactly one h1, found ${h1s.length}: ${h1s.map((h) => `"${h.text}"`).join(", ")}`);
  if (headings[0] && headings[0].level !== 1) problems.push(`first heading is h${headings[0].level} "${headings[0].text}", not the h1`);
  for (let i = 1; i < headings.length; i++) {
    const prev = headings[i - 1]!;
    const cur = headings[i]!;
    if (cur.level > prev.level + 1) {
      problems.push(`skipped level: h${prev.level} "${prev.text}" → h${cur.level} "${cur.text}"`);
    }
  }
  return problems;
}

const MAX_TAB_STOPS = 400;

/** Tabs through the whole page (until focus wraps or MAX_TAB_STOPS). */
async function tabThroughPage(page: Page): Promise<FocusStop[]> {
  await page.evaluate(installFocusRecorder);
  let count = 0;
  for (let pressed = 0; pressed < MAX_TAB_STOPS; pressed += 20) {
    for (let i = 0; i < 20; i++) await page.keyboard.press("Tab");
    const stops = (await page.evaluate("window.__stops")) as FocusStop[];
    // Focus has wrapped once it reaches the first stop again, or stops producing new stops.
    if (stops.length > 1 && stops.slice(1).some((s) => s.what === stops[0]!.what)) {
      const wrapAt = stops.slice(1).findIndex((s) => s.what === stops[0]!.what) + 1;
      return stops.slice(0, wrapAt);
    }
    if (stops.length === count) return stops;
    count = stops.length;
  }
  return (await page.evaluate("window.__stops")) as FocusStop[];
}

describe.skipIf(!available).concurrent("keyboard, headings and tables", () => {
  for (const { type, path } of PAGES) {
    it(`${type} page ${path}: skip link, focus indicators, heading order, table captions and scopes`, { timeout: TIMEOUT }, ({ expect }) =>
      slot(async () => {
      const problems: string[] = [];
      for (const viewport of VIEWPORTS) {
        const at = `${type} ${path} @ ${viewport.width}px`;
        const page = await open(path, viewport);
        try {
          // Skip link: the very first Tab stop.
          await page.keyboard.press("Tab");
          const skip = await page.evaluate(readSkipLink);
          if (skip.tag !== "a" || skip.href !== "#main") {
            problems.push(`${at}: first Tab focused <${skip.tag}${skip.href ? ` href="${skip.href}"` : ""}> "${skip.text}", not a skip link to #main`);
          } else {
            if (!skip.inViewport) problems.push(`${at}: the focused skip link is not fully inside the viewport`);
            if (!skip.indicator) problems.push(`${at}: the focused skip link has no outline/box-shadow`);
          }
          if (!skip.mainExists) problems.push(`${at}: no element with id="main"`);
          if (skip.href === "#main" && skip.mainExists) {
            await page.keyboard.press("Enter");
            const hash = await page.evaluate("location.hash");
            if (hash !== "#main") problems.push(`${at}: Enter on the skip link left location.hash=${JSON.stringify(hash)}`);
            await page.keyboard.press("Tab");
            const where = await page.evaluate(focusRelativeToMain);
            if (where !== "inside" && where !== "after") {
              problems.push(`${at}: after following the skip link, the next Tab went ${where} #main (expected inside or after it)`);
            }
          }

          // Every Tab stop shows a focus indicator.
          // Fresh load without the #main fragment, so Tab starts from the top of the document.
          await page.goto(server.url(path), { waitUntil: "load" });
          const stops = await tabThroughPage(page);
          if (stops.length === 0) problems.push(`${at}: Tab never focused anything`);
          for (const stop of stops) {
            if (!stop.indicator) problems.push(`${at}: no visible focus indicator (outline/box-shadow) on ${stop.what}`);
            else if (!stop.focusVisible) problems.push(`${at}: ${stop.what} does not match :focus-visible after a keyboard Tab`);
            if (!stop.size) problems.push(`${at}: Tab lands on an element with no size: ${stop.what}`);
          }

          // Headings (what is displayed differs between the two widths, e.g. matrix cards vs table).
          for (const problem of headingProblems(await page.evaluate(readHeadings))) problems.push(`${at}: ${problem}`);

          // Tables: the same markup at both widths, so check once.
          if (viewport.width === VIEWPORTS[0].width) {
            for (const problem of await page.evaluate(readTableProblems)) problems.push(`${type} ${path}: ${problem}`);
          }
        } finally {
          await page.context().close();
        }
      }
      expect(problems, problemsMessage("keyboard/structure problems:", problems)).toEqual([]);
    }));
  }
});
