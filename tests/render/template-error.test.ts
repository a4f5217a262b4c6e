/**
 * Template errors as one problem line naming the template to fix, from real Nunjucks errors:
 * raised in the template itself, in a layout it extends, at render time, and wrapped by Eleventy.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/problems.js";
import { errorText, templateProblem } from "../../src/render/template-error.js";
import { installErrorLines } from "../../src/render/error-lines.js";

const project = mkdtempSync(path.join(os.tmpdir(), "versus-template-error-"));
const templates = path.join(project, "templates");
afterAll(() => rmSync(project, { recursive: true, force: true }));
// As createNunjucksEnvironment does for every environment of Versus.
installErrorLines();

function renderError(files: Record<string, string>, page: string, globals: Record<string, unknown> = {}): unknown {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(templates, name)), { recursive: true });
    writeFileSync(path.join(templates, name), text);
  }
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates, { noCache: true }), { autoescape: true });
  for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value);
  try {
    env.render(page, {});
  } catch (error) {
    return error;
  }
  throw new Error(`${page} rendered without an error`);
}

const line = (error: unknown): string | undefined => {
  const problem = templateProblem(error, templates);
  return problem && formatProblem(problem);
};

describe("templateProblem", () => {
  it("names the template, line and column of a syntax error", () => {
    const error = renderError({ "pages/a.njk": "<p>one</p>\n<p>{% if %}</p>\n" }, "pages/a.njk");
    expect(line(error)).toBe("templates/pages/a.njk:2: unexpected token: %} (column 10)");
  });

  // Regression: Nunjucks counts the line and column of an error met while rendering from 0, so
  // the line named was the one before the error.
  it("names the line and column, counted from 1, of an error met while rendering, without its JavaScript error's name", () => {
    const error = renderError({ "pages/e.njk": "<p>one</p>\n<p>{{ notDefined() }}</p>\n" }, "pages/e.njk");
    expect(line(error)).toBe("templates/pages/e.njk:2: Unable to call `notDefined`, which is undefined or falsey (column 17)");
    const typeError = renderError({ "pages/f.njk": "<p>one</p>\n<p>two</p>\n<p>{{ 5 | join(',') }}</p>\n" }, "pages/f.njk");
    expect(line(typeError)).toBe("templates/pages/f.njk: arr.join is not a function");
  });

  // Regression: Nunjucks read line 0 as "no line", so an error on a template's first line had none.
  it("names the first line of an error met there while rendering", () => {
    const error = renderError({ "pages/g.njk": "{{ notDefined() }}\n<p>two</p>\n" }, "pages/g.njk");
    expect(line(error)).toBe("templates/pages/g.njk:1: Unable to call `notDefined`, which is undefined or falsey (column 14)");
  });

  // Regression: only errors named "…Error: …" had their line counted from 1; a thrown string's line was one short.
  it("names the line of a value thrown that is not an Error", () => {
    const refuse = (): never => {
      throw "the value was refused";
    };
    const error = renderError({ "pages/h.njk": "<p>one</p>\n<p>{{ refuse() }}</p>\n" }, "pages/h.njk", { refuse });
    expect(line(error)).toBe("templates/pages/h.njk:2: the value was refused (column 13)");
  });

  it("names the layout, not the page, when the error is in the layout the page extends", () => {
    const error = renderError({ "layouts/base.njk": "<main>\n{% block content %}{% endblock %}\n{% endfor %}\n</main>\n", "pages/b.njk": '{% extends "layouts/base.njk" %}{% block content %}hi{% endblock %}' }, "pages/b.njk");
    expect(line(error)).toMatch(/^templates\/layouts\/base\.njk:3: .*endfor.* \(column \d+\)$/);
  });

  it("names the template of an error that Nunjucks gives no line, such as an unknown filter", () => {
    const error = renderError({ "pages/c.njk": "<h1>{{ 'x' | nosuchfilter }}</h1>\n" }, "pages/c.njk");
    expect(line(error)).toBe("templates/pages/c.njk: filter not found: nosuchfilter");
  });

  it("looks inside Eleventy's wrapper, and reads a message that came from a render worker", () => {
    const inner = renderError({ "pages/d.njk": "{% iff %}\n" }, "pages/d.njk");
    const wrapped = Object.assign(new Error("Having trouble rendering njk template ./templates/entries/index.njk"), { originalError: inner });
    expect(line(wrapped)).toBe("templates/pages/d.njk:1: unknown block tag: iff (column 4)");
    const fromWorker = new Error((inner as Error).message);
    expect(templateProblem(fromWorker, templates)).toEqual(templateProblem(wrapped, templates));
  });

  it("is undefined for an error that names no template, which errorText gives in one line", () => {
    const error = Object.assign(new Error("Having trouble writing"), { originalError: new Error("ENOSPC: no space left on device\n  at write") });
    expect(templateProblem(error, templates)).toBeUndefined();
    expect(errorText(error)).toBe("ENOSPC: no space left on device at write");
  });
});
