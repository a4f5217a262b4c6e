/**
 * keepImportedMacros: an environment for one build runs each component file's top level once,
 * however many renders import it; renders stay what unpatched Nunjucks 3.2.4 gives; imports with
 * context and other environments are untouched.
 */
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { keepImportedMacros } from "../../src/render/imported-macros-cache.js";

const FILES: Record<string, string> = {
  "badge.njk": `{% set _ = tick("badge") %}{% macro badge(text) %}<b>{{ text }}</b>{% endmacro %}`,
  "card.njk": `{% set _ = tick("card") %}{% from "badge.njk" import badge %}{% macro card(p) %}<div>{{ badge(p.name) }}</div>{% endmacro %}`,
  "page.njk": `{% from "card.njk" import card %}{% from "badge.njk" import badge %}{{ card(p) }}{{ badge("x") }}`,
  "with-context.njk": `{% from "greeting.njk" import greet with context %}{{ greet() }}`,
  "greeting.njk": `{% set _ = tick("greeting") %}{% macro greet() %}Hello {{ who }}{% endmacro %}`,
};

/** An environment over FILES (or other sources) that counts how often each file's top level runs. */
function environment(files = FILES): { env: nunjucks.Environment; ticks: Record<string, number> } {
  const ticks: Record<string, number> = {};
  const loader = { getSource: (name: string) => ({ src: files[name]!, path: name, noCache: false }) };
  const env = new nunjucks.Environment(loader as unknown as nunjucks.ILoader, { autoescape: true });
  env.addGlobal("tick", (name: string) => {
    ticks[name] = (ticks[name] ?? 0) + 1;
    return "";
  });
  return { env, ticks };
}

describe("keepImportedMacros", () => {
  it("runs each imported file's top level once for the environment, with the same output every render", () => {
    const { env, ticks } = environment();
    keepImportedMacros(env);
    const pages = ["Kafka", "NATS", "<Redpanda>"].map((name) => env.render("page.njk", { p: { name } }));
    expect(pages).toEqual(["<div><b>Kafka</b></div><b>x</b>", "<div><b>NATS</b></div><b>x</b>", "<div><b>&lt;Redpanda&gt;</b></div><b>x</b>"]);
    expect(ticks).toEqual({ card: 1, badge: 1 });
  });

  it("leaves other environments as Nunjucks has them: every import runs the file again", () => {
    keepImportedMacros(environment().env);
    const { env, ticks } = environment();
    for (const name of ["Kafka", "NATS", "Redpanda"]) env.render("page.njk", { p: { name } });
    // Per render: card.njk once; badge.njk from page.njk and from card.njk.
    expect(ticks).toEqual({ card: 3, badge: 6 });
  });

  it("runs an import with context afresh, so its macros see each render's variables", () => {
    const { env, ticks } = environment();
    keepImportedMacros(env);
    expect(["Ada", "Grace"].map((who) => env.render("with-context.njk", { who }))).toEqual(["Hello Ada", "Hello Grace"]);
    expect(ticks).toEqual({ greeting: 2 });
  });

  it("keeps each environment's macros apart, even for files of the same name", () => {
    const first = environment();
    const second = environment({ ...FILES, "badge.njk": `{% macro badge(text) %}<i>{{ text }}</i>{% endmacro %}` });
    keepImportedMacros(first.env);
    keepImportedMacros(second.env);
    expect(first.env.render("page.njk", { p: { name: "A" } })).toBe("<div><b>A</b></div><b>x</b>");
    expect(second.env.render("page.njk", { p: { name: "A" } })).toBe("<div><i>A</i></div><i>x</i>");
  });
});
