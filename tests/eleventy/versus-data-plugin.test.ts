/**
 * The dev server keeps one Nunjucks environment, with its template cache, across rebuilds.
 * Template edits must still reach every page, Eleventy's and the renderer's, on every save.
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
});
