/**
 * The dev server keeps one Nunjucks environment, with its template cache, across rebuilds.
 * Template edits must still reach every page, Eleventy's and the renderer's, on every save; a
 * broken template is reported like broken content, and the pages come back once it is fixed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/built-site.js";
import { serveMinimalRootCopy, waitFor, type DevServer } from "../helpers/dev-server.js";
import { copyVersus } from "../helpers/versus-copy.js";

describe("versus serve: template edits", () => {
  let work: string;
  let root: string;
  let server: DevServer;
  const project = () => path.join(work, "project");
  const layout = () => path.join(project(), "templates/layouts/base.njk");

  beforeAll(async () => {
    // A copy of the project, so editing its templates cannot disturb the other tests.
    work = mkdtempSync(path.join(os.tmpdir(), "versus-templates-"));
    ({ root, server } = await serveMinimalRootCopy(copyVersus(project())));
  }, 120_000);

  afterAll(() => {
    server?.child.kill("SIGKILL");
    for (const dir of [work, root]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The home page comes from Eleventy, a product page from Versus's renderer; both extend the layout.
  const pages = ["/", "/products/nats/"];
  const showing = async (text: string): Promise<boolean> => {
    for (const page of pages) if (!(await (await fetch(server.origin + page)).text()).includes(text)) return false;
    return true;
  };

  it.each(["First edit of the footer", "Second edit of the footer"])("shows %j on every page after the save", async (marker) => {
    const original = readFileSync(path.join(REPO_ROOT, "templates/layouts/base.njk"), "utf8");
    const edited = original.replace('<footer class="site-footer">', `<footer class="site-footer"><p>${marker}</p>`);
    expect(edited).not.toBe(original);
    writeFileSync(layout(), edited);
    await waitFor(() => showing(marker), `"${marker}" on ${pages.join(" and ")}`);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  // Used to: Eleventy printed the error with its stack trace, and the browser kept showing the
  // last pages as if the save had worked.
  it.each([
    ["the layout, which Eleventy's pages and the renderer's both extend", "templates/layouts/base.njk", "</footer>"],
    ["a page only the renderer uses", "templates/pages/product.njk", "{% endblock %}"],
  ])("shows an error in %s in one terminal line and on every page, then the pages once it is fixed", async (_, file, before) => {
    const original = readFileSync(path.join(project(), file), "utf8");
    const broken = original.replace(before, `{% if %}${before}`);
    const line = broken.slice(0, broken.indexOf("{% if %}")).split("\n").length;
    const expected = new RegExp(`^${file.replace(/[./]/g, "\\$&")}:${line}: unexpected token: %\\} \\(column \\d+\\)$`, "m");
    const printedBefore = server.terminal().length;
    writeFileSync(path.join(project(), file), broken);
    const errorPage = async (page: string): Promise<boolean> => {
      const response = await fetch(server.origin + page);
      const html = await response.text();
      return response.status === 500 && html.includes("<h1>Template error</h1>") && /<li><code>[^<]*unexpected token: %\}/.test(html) && html.includes(`${file}:${line}: `);
    };
    // A query string used to let the request past the error page, to the last good page.
    await waitFor(async () => (await errorPage("/")) && (await errorPage("/products/nats/")) && (await errorPage("/products/nats/?ref=x")), `the error of ${file} on every page`);
    const printed = server.terminal().slice(printedBefore);
    expect(printed).toMatch(expected);
    expect(printed).not.toMatch(/^\s+at /m);

    writeFileSync(path.join(project(), file), original);
    await waitFor(async () => (await fetch(server.origin + "/products/nats/")).status === 200 && (await fetch(server.origin + "/")).status === 200, "the pages back");
    expect(await (await fetch(server.origin + "/products/nats/")).text()).toContain("<h1>NATS</h1>");
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  // A page the dev server renders when it is opened can fail on its own data only: that page
  // shows the error, and the rest of the site stays usable.
  it("shows an error met on one page only, on that page and in one terminal line", async () => {
    const file = "templates/pages/pair.njk";
    const original = readFileSync(path.join(project(), file), "utf8");
    const broken = original.replace("{% endblock %}", '{% if b.slug == "redpanda" %}{{ notDefined() }}{% endif %}{% endblock %}');
    const line = broken.slice(0, broken.indexOf("notDefined")).split("\n").length;
    const printedBefore = server.terminal().length;
    writeFileSync(path.join(project(), file), broken);
    const failing = async (): Promise<boolean> => {
      const response = await fetch(server.origin + "/compare/nats-vs-redpanda/");
      return response.status === 500 && (await response.text()).includes(`${file}:${line}: Unable to call \`notDefined\`, which is undefined or falsey (column `);
    };
    await waitFor(failing, "the error on the one page it breaks");
    expect(await failing()).toBe(true);
    expect((await fetch(server.origin + "/compare/apache-kafka-vs-nats/")).status).toBe(200);
    expect((await fetch(server.origin + "/")).status).toBe(200);
    // Printed once, however often the page is asked for, and without a stack trace.
    const printed = server.terminal().slice(printedBefore);
    expect(printed.match(new RegExp(`^templates/pages/pair\\.njk:${line}: Unable to call \`notDefined\`, which is undefined or falsey \\(column \\d+\\)$`, "gm"))).toHaveLength(1);
    expect(printed).not.toMatch(/^\s+at /m);

    writeFileSync(path.join(project(), file), original);
    await waitFor(async () => (await fetch(server.origin + "/compare/nats-vs-redpanda/")).status === 200, "the page back");
  }, 60_000);
});
