import { readFile } from "node:fs/promises";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  comparisonSchema,
  matrixSchema,
  metricsSchema,
  productSchema,
  sectorSchema,
  siteSchema,
} from "../../src/content/schema/index.js";

/** The examples in docs/editing.md must stay valid as the schemas change. */
const guide = await readFile(new URL("../../docs/editing.md", import.meta.url), "utf8");
const blocks = [...guide.matchAll(/```(markdown|json|yaml)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));

function schemaFor(data: Record<string, unknown>): z.ZodType {
  if ("pairs" in data) return siteSchema;
  if ("as_of" in data) return metricsSchema;
  if ("verdict" in data) return comparisonSchema;
  if ("columns" in data) return matrixSchema;
  if ("tagline" in data) return productSchema;
  return sectorSchema;
}

describe("docs/editing.md examples", () => {
  const records = blocks.flatMap(({ lang, text }) => {
    if (lang === "json") return [JSON.parse(text) as Record<string, unknown>];
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
    if (!front) return [];
    const data = parseYaml(front[1]!) as Record<string, unknown>;
    // Both YAML parsers in the dependency tree must read the example the same way.
    expect(matter(text).data).toEqual(data);
    return [data];
  });

  it("has the examples this test expects", () => {
    expect(records.length).toBeGreaterThanOrEqual(8);
  });

  it.each(records.map((r, i) => [i, r] as const))("example %i passes its schema", (_i, record) => {
    const { body, ...fields } = record;
    if (body !== undefined) expect(typeof body).toBe("string");
    expect(schemaFor(fields).safeParse(fields).error?.issues).toBeUndefined();
  });

  it("the full product example uses every product field", () => {
    const product = records.find((r) => "tagline" in r && "aliases" in r)!;
    expect(Object.keys(product).sort()).toEqual(Object.keys(productSchema.shape).sort());
  });
});
