import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveMinimalRootCopy, startDevServer, waitFor, type DevServer } from "../helpers/dev-server.js";
import { commonFolder } from "../../src/cli/serve-command.js";
import { diffTrees, runVersus } from "../build/build-helpers.js";
import { REPO_ROOT } from "../helpers/built-site.js";
import { runCaptured } from "../helpers/run-captured.js";
import { copyVersus } from "../helpers/versus-copy.js";

const roots: string[] = [];
const servers: DevServer[] = [];

afterAll(() => {
  for (const s of servers) s.child.kill("SIGKILL");
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** serveMinimalRootCopy, stopped and deleted after the tests. */
async function serveMinimalRoot(): Promise<{ root: string; server: DevServer }> {
  const served = await serveMinimalRootCopy();
  roots.push(served.root);
  servers.push(served.server);
  return served;
}

describe("versus serve", () => {
  // Regression: the SIGINT listener replaced Node's default exit but left Eleventy's watcher and
  // server open, so the first Ctrl-C printed nothing and the server kept running.
  it.each(["SIGINT", "SIGTERM"] as const)("stops on the first %s: exit code 0, the port closed", async (signal) => {
    const { server } = await serveMinimalRoot();
    server.child.kill(signal);
    const code = await Promise.race([server.exited, new Promise<string>((r) => setTimeout(() => r("still running after 15 s"), 15_000))]);
    expect(code).toBe(0);
    await expect(fetch(`${server.origin}/products/nats/`)).rejects.toThrow();
  }, 60_000);

  // Regression: one request for "/..%2f" stopped the dev server with Eleventy's "Invalid path"
  // stack trace.
  it("answers a path that leaves the site with 400 and keeps serving", async () => {
    const { server } = await serveMinimalRoot();
    for (const bad of ["/..%2f", "/..%2f..%2fetc%2fpasswd", "/products/nats%2f..%2f..%2fx", "/%E0%A4%A"]) {
      expect((await fetch(server.origin + bad)).status, bad).toBe(400);
    }
    expect((await fetch(`${server.origin}/products/nats/`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 60_000);

  // Regression: a content file linking to itself made the watcher emit an error nobody listened
  // for, which stopped the server with a stack trace, whether the link was there at the start or not.
  it("reports a file it cannot watch in one line and keeps serving", async () => {
    const { root, server } = await serveMinimalRoot();
    symlinkSync("loop.md", path.join(root, "content/products/loop.md"));
    await waitFor(async () => server.terminal().includes("versus serve: cannot watch content/products/loop.md (ELOOP); it is left unwatched"), "the watcher's error line");
    expect((await fetch(`${server.origin}/products/nats/`)).status).toBe(200);
    expect(server.terminal()).not.toMatch(/\n\s+at /);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 60_000);

  // Regression: the dev server answered 404 for a matrix's CSV and JSON, which its page links
  // to, and for /api/products.json; a build writes all three.
  it("serves the downloads a build publishes, a matrix's added while it runs too", async () => {
    const { root, server } = await serveMinimalRoot();
    const api = await fetch(`${server.origin}/api/products.json`);
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('"slug":"nats"');
    cpSync(path.join(REPO_ROOT, "tests/fixtures/roots/complete/content/matrices/streaming-brokers.md"), path.join(root, "content/matrices/streaming-brokers.md"));
    const csv = `${server.origin}/matrices/streaming-brokers/streaming-brokers.csv`;
    await waitFor(async () => (await fetch(csv)).status === 200, "the matrix's CSV");
    expect((await (await fetch(csv)).text()).split("\r\n")[0]).toContain("Redpanda");
    expect((await fetch(`${server.origin}/matrices/streaming-brokers/streaming-brokers.json`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 60_000);

  // Regression: run from the site's own folder, with Versus installed elsewhere, the dev server
  // never saw a save: Eleventy's watcher misses changes outside its working folder.
  it("shows a save when run from the site's folder, with Versus elsewhere", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "versus-serve-"));
    roots.push(root);
    cpSync(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"), root, { recursive: true });
    const server = await startDevServer(root, "/products/nats/", REPO_ROOT, root);
    servers.push(server);
    const file = path.join(root, "content/products/nats.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^tagline: .*$/m, "tagline: Saved from the site folder."));
    await waitFor(async () => (await (await fetch(`${server.origin}/products/nats/`)).text()).includes("Saved from the site folder."), "the save to show");
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 60_000);

  // Regression: Eleventy 3.1 logs a deleted file without rebuilding, so a deleted product's
  // pages stayed up, and other pages kept listing it, until the next save of another file.
  it("takes a deleted product's pages down", async () => {
    const { root, server } = await serveMinimalRoot();
    const status = async (page: string): Promise<number> => (await fetch(server.origin + page)).status;
    expect(await status("/compare/apache-kafka-vs-nats/")).toBe(200);
    rmSync(path.join(root, "content/products/nats.md"));
    await waitFor(async () => (await status("/products/nats/")) === 404 && (await status("/compare/apache-kafka-vs-nats/")) === 404, "the deleted product's pages to go");
    expect(await status("/products/redpanda/")).toBe(200);
    server.child.kill("SIGTERM");
    await server.exited;
  }, 60_000);

  // Regression: the dev server wrote every product, pair and redirect page at its start and hashed
  // them all on each save: 10 to 20 s to start and over a second a save at 45,000 pages.
  it("renders product, pair and redirect pages when asked for, writes none of them, and serves none an earlier session left", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "versus-serve-"));
    roots.push(root);
    cpSync(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"), root, { recursive: true });
    const output = path.join(root, ".versus-cache/serve");
    mkdirSync(path.join(output, "products/ghost"), { recursive: true });
    writeFileSync(path.join(output, "products/ghost/index.html"), "<h1>Ghost</h1>");
    const server = await startDevServer(root, "/products/nats/");
    servers.push(server);
    const get = (page: string) => fetch(server.origin + page, { redirect: "manual" });
    const pair = await get("/compare/nats-vs-redpanda/");
    expect(pair.status).toBe(200);
    expect(await pair.text()).toContain("<h1>NATS vs Redpanda</h1>");
    expect(await (await get("/compare/redpanda-vs-nats/")).text()).toContain('<meta http-equiv="refresh" content="0; url=/compare/nats-vs-redpanda/">');
    const noSlash = await get("/products/nats");
    expect([noSlash.status, noSlash.headers.get("location")]).toEqual([301, "/products/nats/"]);
    expect((await get("/products/ghost/")).status).toBe(404);
    expect(["index.html", "products", "alternatives", "compare"].filter((f) => existsSync(path.join(output, f)))).toEqual(["index.html"]);
    server.child.kill("SIGTERM");
    await server.exited;
  }, 60_000);

  // Regression: a second versus serve of the same site emptied the first one's folder, which then
  // never wrote its unchanged assets again.
  it("refuses a second versus serve of the same site in one line; the first keeps serving", async () => {
    const { root, server } = await serveMinimalRoot();
    const second = await runVersus(["serve", "--root", root, "--port", "0"]);
    expect(second).toEqual({
      code: 1,
      stdout: "",
      stderr: `versus serve: another versus serve (process ${server.child.pid}) is serving ${root}; stop it first, or serve a copy of the site\n`,
    });
    expect((await fetch(`${server.origin}/products/nats/`)).status).toBe(200);
    expect(existsSync(path.join(root, ".versus-cache/serve/index.html"))).toBe(true);
    server.child.kill("SIGTERM");
    await server.exited;
    expect(existsSync(path.join(root, ".versus-cache/serve.versus-lock"))).toBe(false);
  }, 60_000);

  // Regression: the dev server wrote into _site too, so a build run while it served kept the
  // dev server's pages (no search form, another as-of time) and published them.
  it("leaves _site to versus build: a build while serving is the same as one without", async () => {
    const { root, server } = await serveMinimalRoot();
    expect(existsSync(path.join(root, "_site"))).toBe(false);
    expect((await runVersus(["build", "--root", root])).code).toBe(0);
    const nats = path.join(root, "content/products/nats.md");
    writeFileSync(nats, readFileSync(nats, "utf8").replace(/^tagline: .*$/m, "tagline: Saved while a build ran"));
    await waitFor(async () => (await (await fetch(`${server.origin}/products/nats/`)).text()).includes("Saved while a build ran"), "the dev server to show the save");
    expect((await runVersus(["build", "--root", root])).code).toBe(0);
    server.child.kill("SIGTERM");
    await server.exited;
    const clean = path.join(root, "clean");
    expect((await runVersus(["build", "--root", root, "--output", clean])).code).toBe(0);
    expect(diffTrees(path.join(root, "_site"), clean)).toEqual({ onlyA: [], onlyB: [], differ: [] });
  }, 60_000);

  // Used to: the first build's template error ended the process with Eleventy's stack trace.
  it("stops in one line, exit 1, when the first build fails on a template", async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), "versus-serve-broken-"));
    roots.push(work);
    const project = copyVersus(path.join(work, "project"));
    const layout = path.join(project, "templates/layouts/base.njk");
    const broken = readFileSync(layout, "utf8").replace("</footer>", "{% if %}</footer>");
    writeFileSync(layout, broken);
    const line = broken.slice(0, broken.indexOf("{% if %}")).split("\n").length;
    const root = path.join(work, "root");
    cpSync(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"), root, { recursive: true });
    const result = await runCaptured(process.execPath, [path.join(project, "bin/versus.js"), "serve", "--root", root, "--port", "0"], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^templates/layouts/base\\.njk:${line}: unexpected token: %\\} \\(column \\d+\\)\nversus serve: the site did not build; fix the template and start versus serve again\n$`));
  }, 60_000);

  // Regression: the as-of time was first read inside Eleventy's plugin setup, so a bad value
  // ended in Eleventy's EleventyPluginError stack trace.
  it("refuses a bad SOURCE_DATE_EPOCH in one line, exit 1, before starting", async () => {
    const result = await runVersus(["serve", "--port", "0"], { env: { SOURCE_DATE_EPOCH: "abc" } });
    expect(result).toEqual({ code: 1, stdout: "", stderr: 'SOURCE_DATE_EPOCH: expected whole seconds since 1970, found "abc"\n' });
  }, 30_000);

  // Regression: a port asked for by --port but in use was silently swapped for the next one.
  it("refuses a --port that is in use in one line, exit 1, and a port that is not a number", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const result = await runVersus(["serve", "--port", String(port)]);
      expect(result).toEqual({ code: 1, stdout: "", stderr: `versus serve: port ${port} is in use; stop what serves on it, or give another with --port\n` });
    } finally {
      busy.close();
    }
    expect(await runVersus(["serve", "--port", "0x4697"])).toEqual({ code: 2, stdout: "", stderr: 'versus serve: --port: expected a port number, found "0x4697"\n' });
  }, 30_000);
});

describe("commonFolder", () => {
  it("is the deepest folder holding every path, the file system's root at worst", () => {
    expect(commonFolder(["/tmp/site", "/tmp/site/content", "/tmp/site2"])).toBe("/tmp");
    expect(commonFolder(["/tmp/site", "/opt/versus/templates"])).toBe("/");
    expect(commonFolder(["/home/me/site", "/home/me/site/node_modules/versus/templates/"])).toBe("/home/me/site");
  });
});
