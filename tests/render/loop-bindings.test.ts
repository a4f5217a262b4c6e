/**
 * Loop variables set as one object must read as Nunjucks' own seven did: every variable on
 * every iteration, over lists and objects, in nested loops and in async loops. Expected strings
 * are what unpatched Nunjucks 3.2.4 renders.
 */
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { setLoopVariablesAtOnce } from "../../src/render/loop-bindings.js";

setLoopVariablesAtOnce();
const env = new nunjucks.Environment(null, { autoescape: true });
const render = (source: string, context: object = {}): string => env.renderString(source, context);
const ALL = "{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.revindex0 }}/{{ loop.first }}/{{ loop.last }}/{{ loop.length }} ";

describe("setLoopVariablesAtOnce", () => {
  it("is installed once, however often it is called", () => {
    const proto = (nunjucks as unknown as { compiler: { Compiler: { prototype: { _emitLoopBindings: unknown } } } }).compiler.Compiler.prototype;
    const emit = proto._emitLoopBindings;
    setLoopVariablesAtOnce();
    expect(proto._emitLoopBindings).toBe(emit);
  });

  it("compiles one assignment of `loop` per iteration", () => {
    const code = nunjucks.precompileString("{% for x in xs %}{{ loop.index }}{% endfor %}", { name: "t" });
    expect(code.match(/frame\.set\("loop/g)).toEqual(['frame.set("loop']);
  });

  it("gives every loop variable on every iteration of a list", () => {
    expect(render(`{% for x in xs %}${ALL}{% endfor %}`, { xs: ["a", "b", "c"] })).toBe("1/0/3/2/true/false/3 2/1/2/1/false/false/3 3/2/1/0/false/true/3 ");
  });

  it("gives them over an object's keys and values, and over pairs unpacked from a list", () => {
    expect(render(`{% for k, v in o %}{{ k }}={{ v }}:${ALL}{% endfor %}`, { o: { a: 1, b: 2 } })).toBe("a=1:1/0/2/1/true/false/2 b=2:2/1/1/0/false/true/2 ");
    expect(render(`{% for k, v in ps %}{{ k }}{{ v }}:${ALL}{% endfor %}`, { ps: [["a", 1], ["b", 2]] })).toBe("a1:1/0/2/1/true/false/2 b2:2/1/1/0/false/true/2 ");
  });

  it("keeps nested loops' variables apart, and the outer one's back after the inner loop", () => {
    expect(render("{% for a in [1, 2] %}{% for b in [1, 2, 3] %}{{ loop.index }}{% endfor %}:{{ loop.index }}{{ loop.last }} {% endfor %}")).toBe("123:1false 123:2true ");
  });

  it("gives them in async loops too", () => {
    const out = new Promise<string>((resolve, reject) =>
      env.renderString(`{% asyncEach x in xs %}${ALL}{% endeach %}|{% asyncAll x in xs %}{{ loop.index }}{{ loop.last }} {% endall %}`, { xs: [1, 2] }, (error, html) => (error ? reject(error) : resolve(html!))),
    );
    return expect(out).resolves.toBe("1/0/2/1/true/false/2 2/1/1/0/false/true/2 |1false 2true ");
  });

  it("leaves no `loop` after the loop", () => {
    expect(render("{% for x in [1] %}{% endfor %}[{{ loop.index }}]")).toBe("[]");
  });
});
