/**
 * `versus serve` while an editor saves: an invalid save shows every problem in the terminal and
 * in the open browser tab, the server keeps running, and the next valid save brings the page back.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../helpers/browser.js";
import { serveMinimalRootCopy, waitFor, type DevServer } from "../helpers/dev-server.js";

const run = chromiumAvailable();

describe.skipIf(!run)("versus serve: editing live", () => {
  let root: string;
  let server: DevServer;
  let browser: Browser;
  let url: string;
  const product = () => path.join(root, "content/products/nats.md");

  beforeAll(async () => {
    ({ root, server } = await serveMinimalRootCopy());
    url = `${server.origin}/products/nats/`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGKILL");
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("shows problems in the terminal and the browser, keeps running, and recovers on the next valid save", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    expect((await page.locator("h1").textContent())?.trim()).toBe("NATS");

    const valid = readFileSync(product(), "utf8");
    writeFileSync(product(), valid.replace("tagline:", "taglin:").replace("updated: 2026-03-01", "updated: 2026-13-01"));
    // The dev server reloads the open tab by itself; no navigation from the test.
    await page.waitForSelector("#versus-problems li", { timeout: 30_000 });
    const shown = await page.locator("#versus-problems li").allTextContents();
    expect(shown).toEqual([
      'content/products/nats.md:5: taglin: unknown field "taglin"; did you mean "tagline"?',
      'content/products/nats.md:7: updated: expected an ISO 8601 date, found "2026-13-01"',
    ]);
    await waitFor(async () => server.terminal().includes('content/products/nats.md:5: taglin: unknown field "taglin"'), "the problem in the terminal");
    expect(server.child.exitCode).toBeNull();

    writeFileSync(product(), valid.replace("Lightweight messaging", "Featherweight messaging"));
    await waitFor(async () => (await page.content()).includes("Featherweight messaging"), "the fixed page");
    expect((await page.locator("h1").textContent())?.trim()).toBe("NATS");
    expect(server.child.exitCode).toBeNull();
  });
});
