/**
 * Search: a reader types a product name into the header's search box on any page, lands on the
 * search page, sees the Pagefind results and follows one to the product's page. Runs with the
 * production headers (Content-Security-Policy included), as a CDN would serve the site.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../helpers/browser.js";
import { buildExampleSiteAt, builtSiteDir, startStaticServer, type BuildResult, type StaticServer } from "../helpers/built-site.js";

const available = chromiumAvailable();
/** A word on more than ten pages of the example site. */
const SEARCH_TERM = "release";

describe.skipIf(!available)("search", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer(await builtSiteDir(), { productionHeaders: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("finds a product from the header search box and follows the result to its page", async () => {
    const { page, errors } = await openPage(browser);
    const links = await searchFromHeader(page, server, "Redpanda");
    expect(await page.locator(".search-status").textContent()).toMatch(/^\d+ results? for “Redpanda”$/);
    expect(await page.getByLabel("Search products, comparisons and matrices").inputValue()).toBe("Redpanda");
    expect((await links.allTextContents()).some((t) => t.includes("Redpanda"))).toBe(true);

    await followRedpandaResult(page, links);
    expect(errors).toEqual([]);
  });

  it("fetches Pagefind only to search, searches as the reader types, says when nothing matches and shows more on request", async () => {
    const { page, errors } = await openPage(browser);
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(server.url("/search/"), { waitUntil: "networkidle" });
    expect(fetched.filter((p) => p.startsWith("/pagefind/"))).toEqual([]);
    await expect.poll(() => page.locator("[data-search-fallback]").isHidden()).toBe(true);

    const box = page.getByLabel("Search products, comparisons and matrices");
    const status = page.locator(".search-status");
    await box.fill("qqzzxx");
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe("No results for “qqzzxx”. Try a product's name, or browse the site from the menu.");
    expect(new URL(page.url()).searchParams.get("q")).toBe("qqzzxx");
    expect(fetched).toContain("/pagefind/pagefind.js");

    await box.fill(SEARCH_TERM);
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^\d+ results for “release”$/);
    const total = Number((await status.textContent())!.split(" ")[0]);
    expect(total).toBeGreaterThan(10);
    const results = page.locator(".search-result");
    await expect.poll(() => results.count()).toBe(10);
    // Excerpts keep Pagefind's marks around the matched word, as text and marks only.
    expect((await page.locator(".search-result-excerpt mark").first().textContent())?.toLowerCase()).toContain("release");
    await page.getByRole("button", { name: "Show more results" }).click();
    await expect.poll(() => results.count()).toBe(Math.min(20, total));
    // Focus moves to the first new result, where a keyboard reader goes on.
    expect(await page.evaluate(() => document.activeElement?.closest(".search-result") === document.querySelectorAll(".search-result")[10])).toBe(true);
    expect(await page.getByRole("button", { name: "Show more results" }).isVisible()).toBe(total > 20);
    expect(errors).toEqual([]);
  });

  it("says so and offers the site's links when Pagefind cannot be fetched", async () => {
    const page = await browser.newPage();
    await page.route("**/pagefind/**", (route) => route.fulfill({ status: 503, body: "" }));
    await page.goto(server.url("/search/?q=kafka"));
    await expect.poll(() => page.locator(".search-status").textContent(), { timeout: 30_000 }).toBe("Search could not load. Try again, or browse the site instead.");
    expect(await page.locator("[data-search-fallback]").isVisible()).toBe(true);
    expect(await page.locator(".search-result").count()).toBe(0);
  });
});

describe.skipIf(!available)("search on a site served under a path (a GitHub Pages project site)", () => {
  let browser: Browser;
  let server: StaticServer;
  let build: BuildResult;

  beforeAll(async () => {
    build = await buildExampleSiteAt("https://user.github.io/versus-demo/", ["--no-social-cards"]);
    // Only /versus-demo/… is this site: a link from the root of the domain would get a 404.
    server = await startStaticServer(build.dir, { productionHeaders: true, basePath: "/versus-demo" });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await build?.cleanup();
  });

  it("loads every file from under the path, finds a product and follows the result to its page", async () => {
    const { page, errors } = await openPage(browser);
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const links = await searchFromHeader(page, server, "Redpanda", "/versus-demo");
    await followRedpandaResult(page, links, "/versus-demo");

    // A reverse-order address leads to the canonical page, under the path too.
    await page.goto(server.url("/compare/warpstream-vs-redpanda/"));
    await page.waitForURL((url) => url.pathname === "/versus-demo/compare/redpanda-vs-warpstream/");
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** A new page that records its script errors, which each test expects to stay empty. */
async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

/**
 * Searches for `term` from the header's box of a sector page, waits for the search page (under
 * the site's `basePath`) and its first result, and returns the results' links.
 */
async function searchFromHeader(page: Page, server: StaticServer, term: string, basePath = ""): Promise<Locator> {
  await page.goto(server.url("/sectors/devops/"));
  await page.getByLabel("Search products").fill(term);
  await page.getByLabel("Search products").press("Enter");
  await page.waitForURL((url) => url.pathname === `${basePath}/search/` && url.searchParams.get("q") === term);
  const links = page.locator(".search-result-title a");
  await links.first().waitFor({ timeout: 30_000 });
  return links;
}

/** Follows the first result naming Redpanda to its product page or one of its comparisons. */
async function followRedpandaResult(page: Page, links: Locator, basePath = ""): Promise<void> {
  await links.filter({ hasText: "Redpanda" }).first().click();
  const target = /^\/(products\/redpanda|compare\/[a-z0-9-]*redpanda[a-z0-9-]*)\/$/;
  await page.waitForURL((url) => url.pathname.startsWith(basePath) && target.test(url.pathname.slice(basePath.length)));
  expect((await page.locator("h1").textContent())?.trim()).toMatch(/Redpanda/);
}
