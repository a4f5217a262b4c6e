import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { environmentWithCompiledTemplates } from "../../src/render/compiled-templates.js";
import { installErrorLines } from "../../src/render/error-lines.js";
import { setLoopVariablesAtOnce } from "../../src/render/loop-bindings.js";

const root = mkdtempSync(path.join(os.tmpdir(), "versus-compiled-templates-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let templates: string;
let cache: string;
let round = 0;
beforeEach(() => {
  round++;
  templates = path.join(root, `templates-${round}`);
  cache = path.join(root, `cache-${round}`);
  mkdirSync(path.join(templates, "components"), { recursive: true });
  writeFileSync(path.join(templates, "components", "item.njk"), "{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}");
  writeFileSync(
    path.join(templates, "page.njk"),
    '{% from "components/item.njk" import item %}<ul>{% for x in xs %}{{ item(x) }}{% if loop.last %}<!-- {{ loop.length }} -->{% endif %}{% endfor %}</ul>',
  );
});

const OPTIONS = { autoescape: true, trimBlocks: true, lstripBlocks: true };
const compiledEnv = (key: string, cacheDirs = [cache]): nunjucks.Environment => environmentWithCompiledTemplates(templates, key, OPTIONS, cacheDirs);
const plainEnv = (): nunjucks.Environment => new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), OPTIONS);
const XS = { xs: ["<a>", "b"] };

describe("environmentWithCompiledTemplates", () => {
  it("renders what Nunjucks renders from the text, our compiler changes included", () => {
    setLoopVariablesAtOnce();
    expect(compiledEnv("k").render("page.njk", XS)).toBe("<ul><li>&lt;a&gt;</li><li>b</li><!-- 2 --></ul>");
    expect(compiledEnv("k").render("page.njk", XS)).toBe(plainEnv().render("page.njk", XS));
  });

  it("compiles once per key and templates: a later environment evaluates the kept code", () => {
    compiledEnv("k");
    const files = readdirSync(cache);
    expect(files).toEqual([expect.stringMatching(/^templates-[A-Za-z0-9_-]{16}\.json$/)]);
    // Code changed in the kept file shows, so it is what the next environment runs.
    const kept = path.join(cache, files[0]!);
    writeFileSync(kept, readFileSync(kept, "utf8").replaceAll("<li>", "<li class=kept>"));
    expect(compiledEnv("k").render("page.njk", XS)).toBe("<ul><li class=kept>&lt;a&gt;</li><li class=kept>b</li><!-- 2 --></ul>");
    expect(readdirSync(cache)).toEqual(files);
  });

  // The fingerprint is taken from the templates before they are compiled: a template saved in
  // between was kept under the fingerprint of the text before, and came back when that was undone.
  it("regression: a template edited since the key was taken is compiled from its new text and kept apart", () => {
    compiledEnv("k");
    writeFileSync(path.join(templates, "components", "item.njk"), "{% macro item(x) %}<li>edited {{ x }}</li>{% endmacro %}");
    expect(compiledEnv("k").render("page.njk", XS)).toBe("<ul><li>edited &lt;a&gt;</li><li>edited b</li><!-- 2 --></ul>");
    writeFileSync(path.join(templates, "components", "item.njk"), "{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}");
    expect(compiledEnv("k").render("page.njk", XS)).toBe("<ul><li>&lt;a&gt;</li><li>b</li><!-- 2 --></ul>");
    expect(readdirSync(cache)).toHaveLength(2);
  });

  const error = (env: nunjucks.Environment, name: string): string => {
    try {
      env.render(name, {});
    } catch (e) {
      return String(e);
    }
    return "no error";
  };

  it("leaves out a template that does not compile, for Nunjucks to report as it does without the cache", () => {
    writeFileSync(path.join(templates, "broken.njk"), "line one\n{% if %}");
    expect(error(compiledEnv("k"), "broken.njk")).toBe(error(plainEnv(), "broken.njk"));
    expect(error(plainEnv(), "broken.njk")).toContain("[Line 2, Column");
  });

  it("reports an error met while rendering kept code with the template's path and line, as Nunjucks does", () => {
    installErrorLines();
    writeFileSync(path.join(templates, "fails.njk"), "line one\n{{ nope() }}");
    expect(error(compiledEnv("k"), "fails.njk")).toBe(error(plainEnv(), "fails.njk"));
    expect(error(compiledEnv("k"), "fails.njk")).toMatch(/fails\.njk\) \[Line 2, Column \d+\]/);
  });

  it("compiles again when the kept file or a template's code in it is damaged, and compiles without a folder it can write", () => {
    compiledEnv("k");
    const [file] = readdirSync(cache);
    writeFileSync(path.join(cache, file!), '{"page.njk": "not javascript ("}');
    expect(compiledEnv("k").render("page.njk", XS)).toBe(plainEnv().render("page.njk", XS));
    writeFileSync(path.join(cache, file!), '{"page.njk": "return 5", "components/item.njk": 7}');
    expect(compiledEnv("k").render("page.njk", XS)).toBe(plainEnv().render("page.njk", XS));
    writeFileSync(path.join(cache, file!), '{"page.njk": "not json');
    expect(compiledEnv("k").render("page.njk", XS)).toBe(plainEnv().render("page.njk", XS));
    const unwritable = path.join(root, "a-file");
    writeFileSync(unwritable, "");
    expect(compiledEnv("k3", [path.join(unwritable, "cache")]).render("page.njk", XS)).toBe(plainEnv().render("page.njk", XS));
  });
});
