import { fileURLToPath } from "node:url";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { checkProductBody } from "../../src/content/body-checks.js";
import { describe, expect, it } from "vitest";
import { httpsSiteUrl } from "../../src/content/schema/common.js";
import { parseIsoDate } from "../../src/content/schema/index.js";
import {
  ISO_DATE_PATTERN,
  fieldDocCoverage,
  jsonSchemas,
  schemaFileStatus,
  walkProperties,
} from "../../src/authoring/json-schemas.js";
import { schemaCommand } from "../../src/authoring/schema-command.js";
import { productTemplate } from "../../src/authoring/scaffold.js";

const committedDir = fileURLToPath(new URL("../../schemas/", import.meta.url));
type Json = Record<string, any>;
const schema = (file: string) => jsonSchemas()[file] as Json;

describe("committed JSON Schemas", () => {
  it("match what the zod schemas generate (run `npm run schema` when this fails)", async () => {
    const stale = (await schemaFileStatus(committedDir)).filter((s) => s.status !== "current");
    expect(stale).toEqual([]);
  });

  it("are the ten expected files", () => {
    expect(Object.keys(jsonSchemas()).sort()).toEqual(
      [
        "comparison.record.schema.json", "comparison.schema.json", "matrix.record.schema.json", "matrix.schema.json",
        "metrics.schema.json", "product.record.schema.json", "product.schema.json", "sector.record.schema.json",
        "sector.schema.json", "site.schema.json",
      ].sort(),
    );
  });

  it("are generated the same way twice", () => {
    expect(JSON.stringify(jsonSchemas())).toBe(JSON.stringify(jsonSchemas()));
  });
});

describe("schema contents", () => {
  it("declare draft-07, an $id, a title and a description", () => {
    for (const [file, s] of Object.entries(jsonSchemas()) as [string, Json][]) {
      expect(s.$schema).toBe("http://json-schema.org/draft-07/schema#");
      expect(s.$id).toBe(`urn:versus:schema:${file}`);
      expect(s.title).toMatch(/^Versus /);
      expect(typeof s.description).toBe("string");
    }
  });

  it("product front matter requires the required fields, rejects unknown ones and has no body", () => {
    const p = schema("product.schema.json");
    expect(p.required).toEqual(["name", "sector", "website", "tagline", "summary", "updated"]);
    expect(p.additionalProperties).toBe(false);
    expect(p.properties.body).toBeUndefined();
    // io: "input": fields with defaults are optional.
    expect(p.required).not.toContain("themes");
    expect(p.properties.themes.default).toEqual([]);
  });

  it("product JSON record adds a required body with the three sections", () => {
    const r = schema("product.record.schema.json");
    expect(r.required).toEqual(["name", "sector", "website", "tagline", "summary", "updated", "body"]);
    const body = new RegExp(r.properties.body.pattern, "u");
    const scaffoldBody = productTemplate({ slug: "x", sector: "s", name: "X", today: "2026-05-04" }).split("---\n")[2]!;
    expect(body.test(scaffoldBody)).toBe(true);
    expect(body.test("## Current state\n\n## Prediction\n")).toBe(false);
    expect(schema("sector.record.schema.json").required).toEqual(["name", "description"]);
    expect(schema("sector.record.schema.json").properties.body.type).toBe("string");
  });

  // Regression: "## Current state ##" passed the checker and failed the schema, an intro
  // paragraph the reverse, and a matrix's duplicate column passed the schema only.
  it("the JSON body pattern and matrix columns refuse what the checker refuses, and accept what it accepts", () => {
    const body = new RegExp(schema("product.record.schema.json").properties.body.pattern, "u");
    const sections = "## Current state\nc\n## Where it's heading\nw\n## Prediction\np\n";
    const bodies = [
      sections,
      sections.replace("## Current state", "## Current state ##"),
      sections.replace("## Where", "##  Where").replace("## Prediction", "   ## Prediction"),
      sections.replace(/\n/g, "\r\n"),
      `\n<!-- a note -->\n\n${sections}`,
      `An intro.\n${sections}`,
      `<!-- a note --> shown\n${sections}`,
      `# Title\n${sections}`,
      sections.replace("## Prediction", "## Predictions"),
      sections.replace("## Current state", "#### Current state"),
      "",
    ];
    expect(bodies.map((b) => body.test(b))).toEqual(bodies.map((b) => checkProductBody(b, 1).problems.length === 0));
    expect(bodies.map((b) => body.test(b))).toEqual([true, true, true, true, true, false, false, false, false, false, false]);
    expect(schema("matrix.schema.json").properties.columns.uniqueItems).toBe(true);
  });

  // Regression: "https://user.github.io/my.site" passed the schema and failed check.
  it("the site url pattern accepts what the checker accepts", () => {
    const pattern = new RegExp(schema("site.schema.json").properties.url.pattern, "u");
    const urls = [
      "https://x.example", "https://x.example/", "https://user.github.io/repo/", "https://user.github.io/my.site/", "https://user.github.io/repo",
      "https://user.github.io/my.site", "https://x.example/repo/index.html", "https://x.example/../x/", "https://x.example/a/%2E/", "https://x.example/?q", "http://x.example/",
    ];
    expect(urls.map((u) => pattern.test(u))).toEqual(urls.map((u) => httpsSiteUrl.safeParse(u).success));
    expect(urls.map((u) => pattern.test(u))).toEqual([true, true, true, true, true, false, false, false, false, false, false]);
  });

  it("timeline kind is an enum with its default", () => {
    const kind = schema("product.schema.json").properties.timeline.items.properties.kind;
    expect(kind.enum).toEqual(["release", "bugfix", "announcement", "post"]);
    expect(kind.default).toBe("release");
    expect(schema("product.schema.json").properties.timeline.items.required).toEqual(["date", "title"]);
  });

  it("surfaces refinements as format and pattern", () => {
    const p = schema("product.schema.json").properties;
    for (const date of [p.updated, p.timeline.items.properties.date, p.metrics.properties.as_of]) {
      expect(date.pattern).toBe(ISO_DATE_PATTERN);
    }
    expect(p.website.format).toBe("uri");
    expect(p.timeline.items.properties.url.format).toBe("uri");
    expect(schema("site.schema.json").properties.url.pattern).toMatch(/^\^https:/);
    expect(new RegExp(p.logo.pattern, "u").test("/assets/logos/kafka.svg")).toBe(true);
    expect(new RegExp(p.logo.pattern, "u").test("/assets/../secret")).toBe(false);
    expect(p.metrics.properties.github_stars.maximum).toBeUndefined();
  });

  it("site settings with defaults are optional", () => {
    const s = schema("site.schema.json");
    expect(s.required).toEqual(["name", "url", "description"]);
    expect(s.properties.pairs.enum).toEqual(["sector", "all", "curated"]);
    expect(s.properties.stale_after_days.default).toBe(180);
  });

  it("every pattern compiles as VS Code compiles it (with the u flag)", () => {
    for (const s of Object.values(jsonSchemas())) {
      walkProperties(s, "", (_path, property) => {
        if (typeof property.pattern === "string") expect(() => new RegExp(property.pattern as string, "u")).not.toThrow();
      });
    }
  });

  it("every field has a description and every description names a field", () => {
    expect(fieldDocCoverage()).toEqual({ missing: [], unused: [] });
  });
});

describe("ISO_DATE_PATTERN", () => {
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
  const dateText = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0")),
      two(13), two(32),
      fc.option(fc.tuple(two(24), two(60), fc.option(two(60)), fc.constantFrom("", "Z", "+02:00", "-05:30"))),
    )
    .map(([y, m, d, t]) => `${y}-${m}-${d}${t ? `T${t[0]}:${t[1]}${t[2] === null ? "" : `:${t[2]}`}${t[3]}` : ""}`);
  const re = new RegExp(ISO_DATE_PATTERN, "u");

  it("accepts every date parseIsoDate accepts, and otherwise only days past the month's end", () => {
    fc.assert(
      fc.property(dateText, (text) => {
        if (parseIsoDate(text) !== undefined) return re.test(text);
        if (!re.test(text)) return true;
        // The one rule a regex leaves to the checker: e.g. 2026-02-30.
        const [y, m, d] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
        return d > new Date(Date.UTC(y, m, 0)).getUTCDate();
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects the examples from the editor guide", () => {
    expect(re.test("2026-13-01")).toBe(false);
    expect(re.test("May 4, 2026")).toBe(false);
    expect(re.test("2026-05-04")).toBe(true);
    expect(re.test("2026-05-04T10:00:00Z")).toBe(true);
  });
});

describe("schemaCommand", () => {
  it("writes every file, then check passes; a changed file fails check without being rewritten", async () => {
    const dir = await mkdtemp(join(tmpdir(), "versus-schemas-"));
    expect((await schemaCommand({ outDir: dir, check: true })).exitCode).toBe(1);
    const wrote = await schemaCommand({ outDir: dir, check: false });
    expect(wrote.exitCode).toBe(0);
    expect(wrote.lines).toHaveLength(10);
    expect(await schemaCommand({ outDir: dir, check: true })).toEqual({ exitCode: 0, lines: [`${dir}: 10 JSON Schemas up to date`] });

    await writeFile(join(dir, "product.schema.json"), "{}\n");
    await writeFile(join(dir, "old.schema.json"), "{}\n");
    const checked = await schemaCommand({ outDir: dir, check: true });
    expect(checked.exitCode).toBe(1);
    expect(checked.lines).toEqual([
      `${dir}/product.schema.json: out of date; run npm run schema to regenerate it`,
      `${dir}/old.schema.json: no longer generated; run npm run schema to remove it`,
    ]);
    expect(await readFile(join(dir, "product.schema.json"), "utf8")).toBe("{}\n");

    const fixed = await schemaCommand({ outDir: dir, check: false });
    expect(fixed.lines).toEqual([`wrote ${dir}/product.schema.json`, `removed ${dir}/old.schema.json`, `${dir}: 9 JSON Schemas already up to date`]);
    expect((await schemaCommand({ outDir: dir, check: true })).exitCode).toBe(0);
  });
});
