/**
 * Search: a reader types a product name into the header's search box on any page, lands on the
 * search page, sees the Pagefind results and follows one to the product's page. Runs with the
 * production headers (Content-Security-Policy included), as a CDN would serve the site.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../helpers/browser.js";
import { builtSiteDir, startStaticServer, type StaticServer } from "../helpers/built-site.js";

const available = chromiumAvailable();

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
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url("/sectors/devops/"));
    await page.getByLabel("Search products").fill("Redpanda");
    await page.getByLabel("Search products").press("Enter");
    await page.waitForURL((url) => url.pathname === "/search/" && url.searchParams.get("q") === "Redpanda");

    const first = page.locator(".pagefind-ui__result-link").first();
    await first.waitFor({ timeout: 30_000 });
    const titles = await page.locator(".pagefind-ui__result-link").allTextContents();
    expect(titles.some((t) => t.includes("Redpanda"))).toBe(true);

    await page.locator(".pagefind-ui__result-link", { hasText: "Redpanda" }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/products/redpanda/") || url.pathname.startsWith("/compare/"));
    expect(new URL(page.url()).pathname).toMatch(/^\/(products\/redpanda|compare\/[a-z0-9-]*redpanda[a-z0-9-]*)\/$/);
    expect((await page.locator("h1").textContent())?.trim()).toMatch(/Redpanda/);
    expect(errors).toEqual([]);
  });
});
