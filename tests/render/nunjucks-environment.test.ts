import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileTemplates, createNunjucksEnvironment, TEMPLATES_DIR } from "../../src/render/nunjucks-environment.js";

/** Names of the templates an environment's loader holds compiled. */
const compiled = (env: ReturnType<typeof createNunjucksEnvironment>): string[] =>
  Object.keys((env as unknown as { loaders: { cache: Record<string, unknown> }[] }).loaders[0]!.cache).sort();

describe("compileTemplates", () => {
  it("compiles the pages given and every layout and component", () => {
    const env = createNunjucksEnvironment();
    compileTemplates(env, ["pages/pair.njk"]);
    const shared = ["layouts", "components"].flatMap((dir) => readdirSync(join(TEMPLATES_DIR, dir)).map((name) => `${dir}/${name}`));
    expect(compiled(env)).toEqual(["pages/pair.njk", ...shared].sort());
  });

  it("leaves a template that cannot be found or compiled to the render, which reports it", () => {
    const env = createNunjucksEnvironment();
    expect(() => compileTemplates(env, ["pages/no-such-page.njk"])).not.toThrow();
    expect(() => env.getTemplate("pages/no-such-page.njk")).toThrow(/template not found/);
  });
});
