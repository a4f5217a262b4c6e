/**
 * Page structure over EVERY built page (the browser suite checks one page per type; this catches
 * the same problems on the other pages of each type, e.g. content-driven markdown tables):
 *  - the first focusable element is a skip link to #main, and #main exists;
 *  - exactly one h1, it comes first, and heading levels never skip (h2 → h4);
 *  - every table has a non-empty caption and every th a scope.
 * Redirect pages (meta refresh, no layout) are left out.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { builtSiteDir } from "../helpers/built-site.js";
import { loadBuiltSite, type BuiltPage, type BuiltSite } from "../helpers/html.js";

let site: BuiltSite;

beforeAll(async () => {
  site = await loadBuiltSite(await builtSiteDir());
});

const layoutPages = (): BuiltPage[] => [...site.pages.values()].filter((p) => !p.redirect).sort((a, b) => a.file.localeCompare(b.file));

function report(heading: string, problems: string[]): string {
  return `${heading} (${problems.length}):\n${problems.join("\n")}`;
}

describe("page structure on every page", () => {
  it("the first focusable element is a skip link to #main, which exists", () => {
    const problems: string[] = [];
    for (const page of layoutPages()) {
      const first = page.parsed.firstFocusable;
      if (!first) problems.push(`${page.file}: nothing focusable`);
      else if (first.tag !== "a" || first.href !== "#main") {
        problems.push(`${page.file}:${first.line}: first focusable element is <${first.tag}${first.href !== null ? ` href="${first.href}"` : ""}>, not a skip link to #main`);
      }
      if (!page.parsed.ids.has("main")) problems.push(`${page.file}: no element with id="main"`);
    }
    expect(problems, report("skip-link problems", problems)).toEqual([]);
  });

  it("one h1, first, and no skipped heading levels", () => {
    const problems: string[] = [];
    for (const page of layoutPages()) {
      const { headings } = page.parsed;
      const h1s = headings.filter((h) => h.level === 1);
      if (h1s.length !== 1) problems.push(`${page.file}: ${h1s.length} h1 elements${h1s.map((h) => ` (line ${h.line} "${h.text}")`).join("")}`);
      if (headings[0] && headings[0].level !== 1) problems.push(`${page.file}:${headings[0].line}: the first heading is h${headings[0].level} "${headings[0].text}"`);
      for (let i = 1; i < headings.length; i++) {
        const prev = headings[i - 1]!;
        const cur = headings[i]!;
        if (cur.level > prev.level + 1) problems.push(`${page.file}:${cur.line}: h${prev.level} "${prev.text}" → h${cur.level} "${cur.text}" skips a level`);
      }
    }
    expect(problems, report("heading problems", problems)).toEqual([]);
  });

  it("every table has a caption and every th a scope", () => {
    const problems: string[] = [];
    for (const page of layoutPages()) {
      for (const table of [...page.parsed.tables].sort((a, b) => a.line - b.line)) {
        if (!table.caption) problems.push(`${page.file}:${table.line}: <table> without a ${table.caption === null ? "<caption>" : "non-empty <caption>"}`);
        for (const th of table.thWithoutScope) problems.push(`${page.file}:${th.line}: <th> "${th.text}" without scope`);
      }
    }
    expect(problems, report("table problems", problems)).toEqual([]);
  });
});
