import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { afterAll, describe, expect, it } from "vitest";
import { addFragmentCache } from "../../src/render/fragment-cache.js";

const templates = mkdtempSync(path.join(os.tmpdir(), "versus-fragment-"));
afterAll(() => rmSync(templates, { recursive: true, force: true }));
mkdirSync(path.join(templates, "components"));
// Each render of the macro counts itself, so a cached fragment shows the count of its first render.
writeFileSync(
  path.join(templates, "components/card.njk"),
  "{% macro card(product, a, b) %}[{{ product.name }} {{ a }}/{{ b }} #{{ count() }}]{% endmacro %}",
);

function environment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true });
  let renders = 0;
  env.addGlobal("count", () => ++renders);
  addFragmentCache(env);
  return env;
}

const call = (args: string) => `{{ fragment("components/card.njk", "card", p${args}) }}`;

describe("fragment", () => {
  it("renders a product's fragment once for the same arguments, and again for others", () => {
    const env = environment();
    const p = { name: "NATS" };
    const html = env.renderString([call(', 3, "x"'), call(', 3, "x"'), call(', 3, "y"'), call(', 3, "x"')].join(" "), { p });
    expect(html).toBe("[NATS 3/x #1] [NATS 3/x #1] [NATS 3/y #2] [NATS 3/x #1]");
  });

  it("tells a number from the same digits in a string, and fewer arguments from more", () => {
    const env = environment();
    const p = { name: "NATS" };
    const html = env.renderString([call(", 1"), call(', "1"'), call(", 1, 2"), call(", 1"), call(", 1, 2")].join(" "), { p });
    expect(html).toBe("[NATS 1/ #1] [NATS 1/ #2] [NATS 1/2 #3] [NATS 1/ #1] [NATS 1/2 #3]");
  });

  it("keeps each product object's fragments apart, even when their data are equal", () => {
    const env = environment();
    const html = env.renderString([call(", 1"), call(", 1").replace("p,", "q,"), call(", 1")].join(" "), { p: { name: "NATS" }, q: { name: "NATS" } });
    expect(html).toBe("[NATS 1/ #1] [NATS 1/ #2] [NATS 1/ #1]");
  });
});
