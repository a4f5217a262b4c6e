/**
 * The cached Frame#set must keep Nunjucks' scoping exactly: loop variables, `set` reaching an
 * outer variable from a loop or an `if`, macro arguments that shadow outer names, and the
 * isolation of macro frames. Expected strings are what unpatched Nunjucks 3.2.4 renders.
 */
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { cacheFrameNameSplits } from "../../src/render/frame-set-cache.js";

cacheFrameNameSplits();
const env = new nunjucks.Environment(null, { autoescape: true });
const render = (source: string, context: object = {}): string => env.renderString(source, context);

describe("cacheFrameNameSplits", () => {
  it("is installed once, however often it is called", () => {
    const set = (nunjucks.runtime as unknown as { Frame: { prototype: { set: unknown } } }).Frame.prototype.set;
    cacheFrameNameSplits();
    expect((nunjucks.runtime as unknown as { Frame: { prototype: { set: unknown } } }).Frame.prototype.set).toBe(set);
  });

  it("sets every loop variable on every iteration", () => {
    expect(render("{% for x in xs %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.first }}/{{ loop.last }}/{{ loop.length }} {% endfor %}", { xs: ["a", "b", "c"] })).toBe(
      "1/0/3/true/false/3 2/1/2/false/false/3 3/2/1/false/true/3 ",
    );
  });

  it("keeps nested loops' loop variables apart", () => {
    expect(render("{% for a in [1, 2] %}{% for b in [1, 2, 3] %}{{ loop.index }}{% endfor %}:{{ loop.index }} {% endfor %}")).toBe("123:1 123:2 ");
  });

  it("lets `set` inside an if or a loop reach the outer variable, but not inside a macro", () => {
    expect(render("{% set n = 1 %}{% if true %}{% set n = 2 %}{% endif %}{{ n }}")).toBe("2");
    expect(render("{% set n = 1 %}{% for x in [5] %}{% set n = x %}{{ n }}{% endfor %}-{{ n }}")).toBe("5-5");
    expect(render("{% set n = 1 %}{% macro m() %}{% set n = 3 %}{{ n }}{% endmacro %}{{ m() }}-{{ n }}")).toBe("3-1");
  });

  it("gives macro arguments their own frame", () => {
    expect(render("{% set name = 'outer' %}{% macro m(name) %}{% set name = name + '!' %}{{ name }}{% endmacro %}{{ m('inner') }} {{ name }}")).toBe("inner! outer");
  });
});
