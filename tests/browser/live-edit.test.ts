/**
 * `versus serve` while an editor saves: an invalid save shows every problem in the terminal and
 * in the open browser tab, the server keeps running, and the next valid save brings the page back.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/built-site.js";
import { chromiumAvailable, launchChromium } from "../helpers/browser.js";

const run = chromiumAvailable();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!run)("versus serve: editing live", () => {
  let root: string;
  let server: ChildProcess;
  let browser: Browser;
  let url: string;
  let terminal = "";
  const product = () => path.join(root, "content/products/nats.md");

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "versus-live-"));
    cpSync(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"), root, { recursive: true });
    const port = await freePort();
    url = `http://localhost:${port}/products/nats/`;
    server = spawn(process.execPath, [path.join(REPO_ROOT, "bin/versus.js"), "serve", "--root", root, "--port", String(port)], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d: Buffer) => (terminal += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (terminal += d.toString()));
    await waitFor(async () => (await fetch(url)).status === 200, `the dev server at ${url}`);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill("SIGINT");
    server?.kill("SIGKILL");
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
    await waitFor(async () => terminal.includes('content/products/nats.md:5: taglin: unknown field "taglin"'), "the problem in the terminal");
    expect(server.exitCode).toBeNull();

    writeFileSync(product(), valid.replace("Lightweight messaging", "Featherweight messaging"));
    await waitFor(async () => (await page.content()).includes("Featherweight messaging"), "the fixed page");
    expect((await page.locator("h1").textContent())?.trim()).toBe("NATS");
    expect(server.exitCode).toBeNull();
  });
});
