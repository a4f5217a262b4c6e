import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { afterAll, describe, expect, it } from "vitest";
import { installErrorLines } from "../../src/render/error-lines.js";

const templates = mkdtempSync(path.join(os.tmpdir(), "versus-error-lines-"));
afterAll(() => rmSync(templates, { recursive: true, force: true }));

function renderError(files: Record<string, string>, page: string, globals: Record<string, (env: nunjucks.Environment) => unknown> = {}): Error {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(templates, name)), { recursive: true });
    writeFileSync(path.join(templates, name), text);
  }
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates, { noCache: true }));
  for (const [name, global] of Object.entries(globals)) env.addGlobal(name, () => global(env));
  try {
    env.render(page, {});
  } catch (error) {
    return error as Error;
  }
  throw new Error(`${page} rendered without an error`);
}

describe("installErrorLines", () => {
  it("counts from 1 the line and column of an error met while rendering", () => {
    installErrorLines();
    const error = renderError({ "a.njk": "<p>one</p>\n<p>{{ missing() }}</p>\n" }, "a.njk");
    expect(error.message).toContain("a.njk) [Line 2, Column 14]");
  });

  // A template rendered inside another, as the fragment cache renders components.
  it("counts from 1 the line of an error in a template rendered inside another", () => {
    installErrorLines();
    const error = renderError({ "b.njk": "<p>one</p>\n{{ inner() }}\n", "c.njk": "<p>a</p>\n<p>b</p>\n<p>{{ missing() }}</p>\n" }, "b.njk", {
      inner: (env: nunjucks.Environment) => env.render("c.njk", {}),
    });
    expect(error.message).toMatch(/b\.njk\) \[Line 2, Column 9\]/);
    expect(error.message).toMatch(/c\.njk\) \[Line 3, Column 14\]/);
  });

  it("gives no line to an error met before any call, where Nunjucks knows no position", () => {
    installErrorLines();
    const error = renderError({ "d.njk": "<p>one</p>\n<p>{{ 5 | join(',') }}</p>\n" }, "d.njk");
    expect(error.message).not.toContain("[Line");
    expect(error.message).toContain("join is not a function");
  });
});
