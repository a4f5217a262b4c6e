import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { comparisonSchema, matrixSchema, productSchema, REQUIRED_SECTIONS, sectorSchema } from "../../src/content/schema/index.js";
import { comparisonTemplate, matrixTemplate, productTemplate, sectorTemplate } from "../../src/authoring/scaffold.js";
import { yamlString } from "../../src/authoring/yaml-text.js";

/** The other engineer's "not yet written" rule. */
const TODO = /^TODO\b/;

/** Front matter as both YAML parsers in the dependency tree read it; they must agree. */
function frontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error("no front matter");
  const data = parseYaml(m[1]!) as Record<string, unknown>;
  const gm = matter(text);
  expect(gm.data).toEqual(data);
  return { data, body: m[2]! };
}

/** Paths of every string value starting with TODO. */
function todoFields(value: unknown, path = ""): string[] {
  if (typeof value === "string") return TODO.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => todoFields(v, `${path}[${i}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => todoFields(v, path ? `${path}.${k}` : k));
  }
  return [];
}

const today = "2026-05-04";

describe("productTemplate", () => {
  const text = productTemplate({ slug: "redpanda", sector: "streaming", name: 'Redpanda: "the" fast one', today });
  const { data, body } = frontMatter(text);

  it("has every required field, the given values, and TODO for what only an editor can write", () => {
    expect(data).toMatchObject({ name: 'Redpanda: "the" fast one', sector: "streaming", updated: today });
    expect(todoFields(data)).toEqual(["website", "tagline", "summary"]);
  });

  it("passes the zod schema once the website placeholder is a URL (it fails before)", () => {
    expect(productSchema.safeParse(data).success).toBe(false);
    const result = productSchema.safeParse({ ...data, website: "https://redpanda.com" });
    expect(result.error?.issues).toBeUndefined();
  });

  it("has the three required body sections, each with a TODO line", () => {
    const lines = body.split("\n");
    for (const title of REQUIRED_SECTIONS) {
      const at = lines.indexOf(`## ${title}`);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(lines.slice(at + 1).find((l) => l.trim() !== "")).toMatch(TODO);
    }
  });

  it("keeps optional fields as comments, valid once uncommented", () => {
    const uncommented = text.replace(/^# (?!Optional)/gm, "").replace(/^# Optional.*\n/m, "");
    const { data: full } = frontMatter(uncommented);
    expect(Object.keys(full).sort()).toEqual(Object.keys(productSchema.shape).sort());
    const withUrls = {
      ...full,
      website: "https://redpanda.com",
      timeline: [{ ...(full.timeline as object[])[0], url: "https://redpanda.com/blog" }],
      choose_if: "you need low latency",
    };
    expect(productSchema.safeParse(withUrls).error?.issues).toBeUndefined();
  });
});

describe("comparisonTemplate", () => {
  it("has the verdict as TODO and names a and b in canonical order, whatever the order given", () => {
    const text = comparisonTemplate({ a: "redpanda", b: "apache-kafka" });
    expect(text).toBe(comparisonTemplate({ a: "apache-kafka", b: "redpanda" }));
    expect(text).toContain('"a" is apache-kafka and "b" is redpanda');
    const { data, body } = frontMatter(text);
    expect(todoFields(data)).toEqual(["verdict"]);
    expect(comparisonSchema.safeParse(data).success).toBe(true);
    expect(body).toBe("");
  });

});

describe("matrixTemplate", () => {
  it("has one section with one row covering every column, and passes the schema", () => {
    const columns = ["redpanda", "apache-kafka", "null", "2fast"];
    const { data } = frontMatter(matrixTemplate({ slug: "streaming", columns }));
    expect(matrixSchema.safeParse(data).error?.issues).toBeUndefined();
    const parsed = matrixSchema.parse(data);
    expect(parsed.columns).toEqual(columns);
    expect(parsed.sections).toHaveLength(1);
    expect(parsed.sections[0]!.rows).toHaveLength(1);
    expect(Object.keys(parsed.sections[0]!.rows[0]!.cells)).toEqual(columns);
    expect(todoFields(data)).toEqual([
      "title", "description", "sections[0].title", "sections[0].rows[0].feature",
      ...columns.map((c) => `sections[0].rows[0].cells.${c}`),
    ]);
  });
});

describe("sectorTemplate", () => {
  it("has the name and a TODO description", () => {
    const { data } = frontMatter(sectorTemplate({ slug: "streaming", name: "Data streaming" }));
    expect(sectorSchema.safeParse(data).success).toBe(true);
    expect(todoFields(data)).toEqual(["description"]);
  });
});

describe("yamlString", () => {
  it("quotes anything a YAML parser could read as something other than that text", () => {
    for (const value of ["null", "true", "yes", "2026-05-04", "123", "a: b", "# x", "Kafka", "it's", "", "~"]) {
      expect(parseYaml(`v: ${yamlString(value)}`)).toEqual({ v: value });
      expect(matter(`---\nv: ${yamlString(value)}\n---\n`).data).toEqual({ v: value });
    }
    expect(yamlString("apache-kafka")).toBe("apache-kafka");
  });
});
