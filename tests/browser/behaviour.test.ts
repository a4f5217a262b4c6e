/**
 * Behaviour with and without JavaScript:
 *  f. with JavaScript disabled the pair page still shows the at-a-glance table, the FAQ and the
 *     activity list, and every relative time (on every page type) has text;
 *  g. the matrix "Show differences only" toggle: hidden without JS, revealed with it; checking it
 *     hides the rows whose cells are all equal (data-differs="false") in both the table and the
 *     cards; every matrix row has an id and a link to it.
 * The example matrix has no all-equal row, so (g) also builds a copy of the example site with one
 * extra matrix that has some (a temp root; the repo is not touched).
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  chromiumAvailable,
  launchChromium,
  limiter,
  PAGE_CONCURRENCY,
  PAGE_TYPES,
  problemsMessage,
  SEARCH_PAGE,
  VIEWPORTS,
} from "../helpers/browser.js";
import { buildSite, builtSiteDir, REPO_ROOT, startStaticServer, type BuildResult, type StaticServer } from "../helpers/built-site.js";

const available = chromiumAvailable();
const slot = limiter(PAGE_CONCURRENCY);
const TIMEOUT = 180_000;

const PAIR = PAGE_TYPES.find((p) => p.type === "pair")!;
const MATRIX = PAGE_TYPES.find((p) => p.type === "matrix")!;
const [DESKTOP, MOBILE] = VIEWPORTS;

/** An extra matrix for the toggle test: two all-equal rows (plain and badge) and one that differs. */
const TOGGLE_MATRIX = `---
title: "Toggle check"
description: "A matrix with rows whose cells are all equal, for the browser tests."
columns:
  - "apache-kafka"
  - "redpanda"
  - "warpstream"
sections:
  - title: "Mixed"
    rows:
      - feature: "Same everywhere"
        cells:
          apache-kafka: "Yes"
          redpanda: "Yes"
          warpstream: "Yes"
      - feature: "Different"
        cells:
          apache-kafka: "Yes"
          redpanda: "No"
          warpstream: "Yes"
  - title: "All equal"
    rows:
      - feature: "Same badge"
        cells:
          apache-kafka: { text: "Apache 2.0", badge: "success" }
          redpanda: { text: "Apache 2.0", badge: "success" }
          warpstream: { text: "Apache 2.0", badge: "success" }
---
`;
const TOGGLE_PATH = "/matrices/toggle-check/";

let browser: Browser;
let server: StaticServer;
let toggleServer: StaticServer;
let toggleRoot: string | undefined;
let toggleBuild: BuildResult | undefined;

beforeAll(async () => {
  if (!available) return;
  server = await startStaticServer(await builtSiteDir());
  browser = await launchChromium();
  toggleRoot = await mkdtemp(join(tmpdir(), "versus-toggle-root-"));
  await cp(join(REPO_ROOT, "content"), join(toggleRoot, "content"), { recursive: true });
  await cp(join(REPO_ROOT, "data"), join(toggleRoot, "data"), { recursive: true });
  await writeFile(join(toggleRoot, "content", "matrices", "toggle-check.md"), TOGGLE_MATRIX);
  toggleBuild = await buildSite({ root: toggleRoot, args: ["--no-social-cards", "--no-search"] });
  toggleServer = await startStaticServer(toggleBuild.dir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await toggleServer?.close();
  await toggleBuild?.cleanup();
  if (toggleRoot) await rm(toggleRoot, { recursive: true, force: true });
});

async function openPage(base: StaticServer, path: string, viewport: { width: number; height: number }, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(base.url(path), { waitUntil: "load" });
  if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
  return page;
}

/** Empty <time> elements (relative times must have text before any script runs). */
function emptyTimes(): string[] {
  return [...document.querySelectorAll("time")]
    .filter((t) => !(t.textContent ?? "").trim())
    .map((t) => `<time datetime="${t.getAttribute("datetime")}">${t.hasAttribute("data-relative") ? " (data-relative)" : ""}`);
}

/** The section under the h2 whose text matches `pattern`. */
function sectionSummary(pattern: string): { found: boolean; visible: boolean; tableRows: number; items: number; questions: number; text: number } {
  const re = new RegExp(pattern, "i");
  const h2 = [...document.querySelectorAll("h2")].find((h) => re.test(h.textContent ?? ""));
  const section = h2?.closest("section");
  if (!h2 || !section) return { found: false, visible: false, tableRows: 0, items: 0, questions: 0, text: 0 };
  const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });
  return {
    found: true,
    visible: visible(section),
    tableRows: [...section.querySelectorAll("table tbody tr")].filter(visible).length,
    items: [...section.querySelectorAll("ol > li, ul > li")].filter(visible).length,
    questions: [...section.querySelectorAll("h3, dt, summary")].filter(visible).length,
    text: (section as HTMLElement).innerText.trim().length,
  };
}

describe.skipIf(!available).concurrent("without JavaScript", () => {
  it(`the pair page ${PAIR.path} shows the at-a-glance table, the FAQ and the activity list`, { timeout: TIMEOUT }, ({ expect }) =>
    slot(async () => {
      const page = await openPage(server, PAIR.path, DESKTOP, false);
      try {
        const glance = await page.evaluate(sectionSummary, "at a glance");
        const faq = await page.evaluate(sectionSummary, "frequently asked questions|^faq");
        const activity = await page.evaluate(sectionSummary, "recent activity|activity");
        const problems: string[] = [];
        if (!glance.found || !glance.visible || glance.tableRows === 0) problems.push(`at a glance: ${JSON.stringify(glance)} (want a visible table with rows)`);
        if (!faq.found || !faq.visible || faq.questions === 0 || faq.text < 100) problems.push(`FAQ: ${JSON.stringify(faq)} (want visible questions and answers)`);
        if (!activity.found || !activity.visible || activity.items === 0) problems.push(`activity: ${JSON.stringify(activity)} (want a visible list with items)`);
        expect(problems, problemsMessage(`${PAIR.path} without JavaScript:`, problems)).toEqual([]);
      } finally {
        await page.context().close();
      }
    }),
  );

  it("every relative time has text on every page type", { timeout: TIMEOUT }, async ({ expect }) => {
    const problems: string[] = [];
    await Promise.all(
      [...PAGE_TYPES, SEARCH_PAGE].map(({ type, path }) =>
        slot(async () => {
          const page = await openPage(server, path, DESKTOP, false);
          try {
            for (const t of await page.evaluate(emptyTimes)) problems.push(`${type} ${path}: empty ${t}`);
          } finally {
            await page.context().close();
          }
        }),
      ),
    );
    expect(problems, problemsMessage("empty <time> elements without JavaScript:", problems)).toEqual([]);
  });

  it("the search page hides its search box and offers the site's links instead", { timeout: TIMEOUT }, ({ expect }) =>
    slot(async () => {
      const page = await openPage(server, SEARCH_PAGE.path, DESKTOP, false);
      try {
        expect(await page.locator("[data-search]").isVisible()).toBe(false);
        expect(await page.locator("[data-search-fallback] p").first().textContent()).toBe("Search runs in your browser and needs JavaScript. Browse the site instead:");
        // Home, every sector (from which every product is a link away) and every matrix the page invites readers to find.
        expect(await page.locator("[data-search-fallback] a").allTextContents()).toEqual(["Home page", "Data & Analytics", "DevOps", "Kafka-compatible streaming platforms compared", "Methodology"]);
      } finally {
        await page.context().close();
      }
    }),
  );

  it("the matrix toggle stays hidden and every row is shown", { timeout: TIMEOUT }, ({ expect }) =>
    slot(async () => {
      const page = await openPage(server, MATRIX.path, DESKTOP, false);
      try {
        const state = await page.evaluate(() => ({
          toggleHidden: [...document.querySelectorAll("[data-matrix-toggle]")].every((t) => !t.checkVisibility()),
          hiddenRows: [...document.querySelectorAll(".matrix-table tbody tr")].filter((r) => !r.checkVisibility()).length,
        }));
        expect(state).toEqual({ toggleHidden: true, hiddenRows: 0 });
      } finally {
        await page.context().close();
      }
    }),
  );
});

// ---------------------------------------------------------------------------------------------
// The matrix toggle

interface MatrixRows {
  toggles: number;
  toggleVisible: boolean;
  rows: { id: string; feature: string; differs: string | null; link: boolean; allEqual: boolean; visible: boolean }[];
  cardRows: { card: number; feature: string; differs: string | null; visible: boolean }[];
  duplicateIds: string[];
}

function readMatrix(): MatrixRows {
  const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });
  const signature = (cell: Element) =>
    `${(cell.textContent ?? "").replace(/\s+/g, " ").trim()}|${[...cell.querySelectorAll(".badge")].map((b) => b.className).join(",")}`;
  const rows = [...document.querySelectorAll<HTMLTableRowElement>(".matrix-table tbody tr:not(.section-row)")].map((tr) => {
    const cells = [...tr.querySelectorAll("td")].map(signature);
    return {
      id: tr.id,
      feature: (tr.querySelector("th")?.textContent ?? "").replace(/\s+/g, " ").trim(),
      differs: tr.getAttribute("data-differs"),
      link: !!tr.id && !!tr.querySelector(`a[href="#${CSS.escape(tr.id)}"]`),
      allEqual: cells.length > 0 && cells.every((c) => c === cells[0]),
      visible: visible(tr),
    };
  });
  const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
  const toggles = [...document.querySelectorAll("[data-matrix-toggle]")];
  return {
    toggles: toggles.length,
    toggleVisible: toggles.length > 0 && toggles.every(visible),
    rows,
    cardRows: [...document.querySelectorAll(".matrix-cards > *")].flatMap((card, index) =>
      [...card.querySelectorAll("[data-differs]")].map((row) => ({
        card: index + 1,
        feature: (row.querySelector("dt")?.textContent ?? "").replace(/\s+/g, " ").trim(),
        differs: row.getAttribute("data-differs"),
        visible: visible(row),
      })),
    ),
    duplicateIds: [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))],
  };
}

/** Checks the structure, then toggles "Show differences only" on and off with the keyboard. */
async function checkToggle(base: StaticServer, path: string, expectEqualRows: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of [DESKTOP, MOBILE]) {
    const at = `${path} @ ${viewport.width}px`;
    // Table rows are checked where the table shows, card rows where the cards show.
    const part = viewport === DESKTOP ? "table" : "cards";
    const page = await openPage(base, path, viewport, true);
    try {
      const before = await page.evaluate(readMatrix);
      if (before.toggles === 0) {
        problems.push(`${at}: no [data-matrix-toggle] control`);
        continue;
      }
      if (!before.toggleVisible) problems.push(`${at}: the "Show differences only" control is still hidden with JavaScript on`);

      // The markup is the same at both widths: check its structure once.
      if (viewport === DESKTOP) {
        if (before.rows.length === 0) problems.push(`${path}: no matrix table rows`);
        if (before.duplicateIds.length) problems.push(`${path}: duplicate ids ${before.duplicateIds.join(", ")}`);
        for (const row of before.rows) {
          if (!row.id) problems.push(`${path}: the matrix row "${row.feature}" has no id`);
          else if (!row.link) problems.push(`${path}: row #${row.id} has no link to #${row.id}`);
          if (row.differs !== "true" && row.differs !== "false") problems.push(`${path}: row "${row.feature}" has data-differs=${JSON.stringify(row.differs)}`);
          else if ((row.differs === "false") !== row.allEqual) {
            problems.push(`${path}: row "${row.feature}" says data-differs="${row.differs}" but its cells are ${row.allEqual ? "all equal" : "not all equal"}`);
          }
        }
        if (expectEqualRows && !before.rows.some((r) => r.differs === "false")) problems.push(`${path}: expected some data-differs="false" rows`);
        // Each card lists the table's rows, in order, with the same data-differs.
        const cards = [...new Set(before.cardRows.map((r) => r.card))];
        if (cards.length === 0) problems.push(`${path}: no matrix cards`);
        const mismatches = new Map<string, number[]>();
        for (const card of cards) {
          const rows = before.cardRows.filter((r) => r.card === card);
          if (rows.length !== before.rows.length) {
            problems.push(`${path}: card ${card} has ${rows.length} rows, the table ${before.rows.length}`);
            continue;
          }
          rows.forEach((r, i) => {
            const t = before.rows[i]!;
            if (r.feature !== t.feature || r.differs !== t.differs) {
              const key = `card row "${r.feature}" data-differs="${r.differs}" vs table row "${t.feature}" data-differs="${t.differs}"`;
              mismatches.set(key, [...(mismatches.get(key) ?? []), card]);
            }
          });
        }
        for (const [key, list] of mismatches) problems.push(`${path}: ${key} (card${list.length > 1 ? "s" : ""} ${list.join(", ")})`);
      }
      const visibleBefore = part === "table" ? before.rows.filter((r) => !r.visible) : before.cardRows.filter((r) => !r.visible);
      if (visibleBefore.length) problems.push(`${at}: ${visibleBefore.length} ${part} row(s) hidden before the toggle is used`);

      // Check it with the keyboard (focus + Space), as a keyboard user would.
      await page.focus("[data-matrix-toggle] input[type=checkbox]");
      await page.keyboard.press("Space");
      const on = await page.evaluate(readMatrix);
      const onRows = part === "table" ? on.rows.map((r) => ({ name: `#${r.id}`, differs: r.differs, visible: r.visible })) : on.cardRows.map((r) => ({ name: `card "${r.feature}"`, differs: r.differs, visible: r.visible }));
      for (const row of onRows) {
        if (row.differs === "false" && row.visible) problems.push(`${at}: with "differences only" on, ${part} row ${row.name} (data-differs="false") is still shown`);
        if (row.differs === "true" && !row.visible) problems.push(`${at}: with "differences only" on, ${part} row ${row.name} (data-differs="true") was hidden`);
      }

      await page.keyboard.press("Space");
      const off = await page.evaluate(readMatrix);
      const hiddenAfter = part === "table" ? off.rows.filter((r) => !r.visible).length : off.cardRows.filter((r) => !r.visible).length;
      if (hiddenAfter) problems.push(`${at}: ${hiddenAfter} ${part} row(s) stay hidden after unchecking "differences only"`);
    } finally {
      await page.context().close();
    }
  }
  return problems;
}

describe.skipIf(!available).concurrent("matrix: show differences only", () => {
  it(`the example matrix ${MATRIX.path}: control, row ids and links, data-differs, toggle`, { timeout: TIMEOUT }, ({ expect }) =>
    slot(async () => {
      const problems = await checkToggle(server, MATRIX.path, false);
      expect(problems, problemsMessage("matrix problems:", problems)).toEqual([]);
    }),
  );

  it(`a matrix with all-equal rows (${TOGGLE_PATH}, built from a temp copy of the example): the toggle hides them in table and cards`, { timeout: TIMEOUT }, ({ expect }) =>
    slot(async () => {
      const problems = await checkToggle(toggleServer, TOGGLE_PATH, true);
      expect(problems, problemsMessage("matrix toggle problems:", problems)).toEqual([]);
    }),
  );
});

describe.skipIf(!available).concurrent("a site built with --no-search", () => {
  it("has a search page that says so and offers the site's links, with no search box to fail", { timeout: TIMEOUT }, ({ expect }) =>
    slot(async () => {
      // The build of the matrix toggle's site above, made with --no-search.
      const page = await openPage(toggleServer, SEARCH_PAGE.path, DESKTOP, true);
      try {
        expect(await page.locator("[data-search], .search-form").count()).toBe(0);
        expect(await page.locator("[data-search-fallback] p").first().textContent()).toBe("This build of the site has no search index. Browse the site instead:");
        expect(await page.locator("[data-search-fallback]").isVisible()).toBe(true);
      } finally {
        await page.context().close();
      }
    }),
  );
});
