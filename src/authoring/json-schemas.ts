/**
 * JSON Schemas for editor completion and validation, generated from the zod content schemas with
 * zod 4's own `z.toJSONSchema`, so the two can never disagree on field names, types or limits.
 *
 * Target: JSON Schema draft-07. VS Code's built-in JSON support and the Red Hat YAML extension
 * (yaml-language-server) both handle draft-07 fully; their draft 2020-12 support is newer and
 * partial in the YAML server, and these schemas need nothing beyond draft-07.
 *
 * Two files per markdown record type: `<type>.schema.json` describes the front matter, and
 * `<type>.record.schema.json` the JSON file form (`content/<folder>/<slug>.json`), which holds the
 * same fields plus `body`. Keeping them apart means a strict `additionalProperties: false` works for
 * both: `body` is accepted in a JSON record and rejected in front matter, as the loader does.
 */
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import {
  comparisonSchema,
  httpUrl,
  httpsSiteUrl,
  isoDate,
  matrixSchema,
  metricsSchema,
  productSchema,
  sectorSchema,
  siteSchema,
  slug,
} from "../content/schema/index.js";
import {
  BODY_DOCS,
  COMPARISON_DOCS,
  MATRIX_DOCS,
  METRICS_DOCS,
  PRODUCT_DOCS,
  SECTOR_DOCS,
  SITE_DOCS,
  type FieldDoc,
  type FieldDocs,
} from "./field-docs.js";

/** The JSON Schema draft every generated file declares in `$schema`. */
export const JSON_SCHEMA_TARGET = "draft-07" as const;

/**
 * The shape `parseIsoDate` accepts, with month, day and time ranges checked; only the
 * days-in-month rule (e.g. 2026-02-30) is left to the checker, since a regex cannot know it.
 */
export const ISO_DATE_PATTERN =
  "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?$";

type JsonObject = Record<string, unknown>;

type RecordKind = "sector" | "product" | "comparison" | "matrix";

interface SchemaSpec {
  file: string;
  title: string;
  description: string;
  zod: z.ZodType;
  docs: FieldDocs;
  /** Present for the JSON record form: adds `body`. */
  body?: { kind: RecordKind; required: boolean };
}

const MARKDOWN_TYPES: { kind: RecordKind; label: string; folder: string; zod: z.ZodType; docs: FieldDocs }[] = [
  { kind: "sector", label: "sector", folder: "sectors", zod: sectorSchema, docs: SECTOR_DOCS },
  { kind: "product", label: "product", folder: "products", zod: productSchema, docs: PRODUCT_DOCS },
  { kind: "comparison", label: "curated comparison", folder: "comparisons", zod: comparisonSchema, docs: COMPARISON_DOCS },
  { kind: "matrix", label: "feature matrix", folder: "matrices", zod: matrixSchema, docs: MATRIX_DOCS },
];

const SPECS: SchemaSpec[] = [
  {
    file: "site.schema.json",
    title: "Versus site settings",
    description: "data/site.json: site-wide settings.",
    zod: siteSchema,
    docs: SITE_DOCS,
  },
  ...MARKDOWN_TYPES.flatMap(({ kind, label, folder, zod, docs }): SchemaSpec[] => {
    const name = folder === "comparisons" ? "<a>-vs-<b>" : "<slug>";
    return [
      {
        file: `${kind}.schema.json`,
        title: `Versus ${label} (front matter)`,
        description: `Front matter of content/${folder}/${name}.md. The JSON form content/${folder}/${name}.json uses ${kind}.record.schema.json.`,
        zod,
        docs,
      },
      {
        file: `${kind}.record.schema.json`,
        title: `Versus ${label} (JSON record)`,
        description: `content/${folder}/${name}.json: the front matter fields plus "body", the markdown the .md form holds below its front matter.`,
        zod,
        docs,
        // A product body must hold three sections, so it cannot be left out; the others may be empty.
        body: { kind, required: kind === "product" },
      },
    ];
  }),
  {
    file: "metrics.schema.json",
    title: "Versus product metrics",
    description: "data/metrics/<product-slug>.json: a product's metrics, used when the product has no metrics field.",
    zod: metricsSchema,
    docs: METRICS_DOCS,
  },
];

/**
 * Puts the rules zod checks with refinements (dates, URLs) into the JSON Schema as
 * `pattern`/`format`, and drops the MAX_SAFE_INTEGER bound zod writes for every `.int()`.
 * `patternErrorMessage` is a VS Code extension keyword: editors see a sentence, not a regex.
 */
function addRefinementKeywords(ctx: { zodSchema: unknown; jsonSchema: object }): void {
  const json = ctx.jsonSchema as JsonObject;
  if (ctx.zodSchema === isoDate) {
    Object.assign(json, {
      pattern: ISO_DATE_PATTERN,
      patternErrorMessage: "expected an ISO 8601 date such as 2026-05-04 or 2026-05-04T10:00:00Z",
    });
  } else if (ctx.zodSchema === httpUrl) {
    Object.assign(json, { format: "uri", pattern: "^https?://[^\\s/]+\\S*$", patternErrorMessage: "expected an absolute http(s) URL" });
  } else if (ctx.zodSchema === httpsSiteUrl) {
    Object.assign(json, { format: "uri", pattern: "^https://[^\\s/?#@]+(?!.*/(?:\\.|%2[eE]){1,2}(?:/|$))(?:(?:/[^\\s/?#]+)*/|(?:/[^\\s/?#]+)*/[^\\s/?#.]+)?$", patternErrorMessage: "expected the site's https address, such as https://versus.example.com or https://user.github.io/repo/" });
  } else if (ctx.zodSchema === slug) {
    json.patternErrorMessage = "expected a slug: lowercase letters, digits and single hyphens, e.g. apache-kafka";
  }
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
}

/**
 * Calls `visit` for every named property reachable from `node`, with a readable path.
 * @example
 * // properties.timeline.items.properties.date is visited as "timeline[].date"
 * walkProperties(schema, "", (path) => paths.push(path));
 */
export function walkProperties(node: unknown, path: string, visit: (path: string, property: JsonObject) => void): void {
  if (typeof node !== "object" || node === null) return;
  const schema = node as JsonObject;
  const properties = schema.properties as Record<string, JsonObject> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) {
    const childPath = path === "" ? key : `${path}.${key}`;
    visit(childPath, child);
    walkProperties(child, childPath, visit);
  }
  if (typeof schema.items === "object") walkProperties(schema.items, `${path}[]`, visit);
  if (typeof schema.additionalProperties === "object") walkProperties(schema.additionalProperties, `${path}.*`, visit);
  for (const member of [...((schema.anyOf as unknown[]) ?? []), ...((schema.oneOf as unknown[]) ?? [])]) {
    walkProperties(member, path, visit);
  }
}

/** Merges `docs` into the schema's properties; returns the fields without docs and the unused docs. */
function applyDocs(schema: JsonObject, docs: FieldDocs): { missing: string[]; unused: string[] } {
  const used = new Set<string>();
  const missing: string[] = [];
  walkProperties(schema, "", (path, property) => {
    const doc = docs[path];
    if (doc === undefined) {
      missing.push(path);
      return;
    }
    used.add(path);
    Object.assign(property, typeof doc === "string" ? { description: doc } : doc);
  });
  return { missing, unused: Object.keys(docs).filter((k) => !used.has(k)) };
}

/** Keyword order in the written files: identity first, then the rule, then nested schemas. */
const KEYWORD_ORDER = [
  "$schema", "$id", "title", "description", "type", "enum", "const", "format", "pattern", "patternErrorMessage",
  "minLength", "maxLength", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
  "minItems", "maxItems", "uniqueItems", "default", "examples", "items", "properties", "required",
  "propertyNames", "additionalProperties", "anyOf", "oneOf", "allOf", "not", "definitions", "$defs",
];

/** Keywords whose value maps names to schemas: their keys keep the zod field order, as documented. */
const NAME_MAPS = new Set(["properties", "patternProperties", "definitions", "$defs"]);

/**
 * Returns a copy with schema keywords in a fixed order (unknown ones last, alphabetically), so the
 * committed files change only when a rule changes, never because zod reordered its output.
 * @example canonicalKeyOrder({ type: "string", default: "x", title: "T" }) // { title, type, default }
 */
export function canonicalKeyOrder(value: unknown, isNameMap = false): unknown {
  if (Array.isArray(value)) return value.map((v) => canonicalKeyOrder(v));
  if (typeof value !== "object" || value === null) return value;
  const rank = (k: string) => {
    const i = KEYWORD_ORDER.indexOf(k);
    return i === -1 ? KEYWORD_ORDER.length : i;
  };
  const keys = Object.keys(value);
  if (!isNameMap) keys.sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  const source = value as JsonObject;
  return Object.fromEntries(keys.map((k) => [k, canonicalKeyOrder(source[k], !isNameMap && NAME_MAPS.has(k))]));
}

function build(spec: SchemaSpec): { schema: JsonObject; missing: string[]; unused: string[] } {
  const generated = z.toJSONSchema(spec.zod, { target: JSON_SCHEMA_TARGET, io: "input", override: addRefinementKeywords });
  // A fresh copy: the docs are merged in place and must not touch anything zod may share.
  const schema = structuredClone(generated) as JsonObject;
  const { missing, unused } = applyDocs(schema, spec.docs);
  if (spec.body) {
    const properties = schema.properties as Record<string, unknown>;
    properties.body = { type: "string", ...BODY_DOCS[spec.body.kind] };
    if (spec.body.required) schema.required = [...((schema.required as string[]) ?? []), "body"];
  }
  Object.assign(schema, { $id: `urn:versus:schema:${spec.file}`, title: spec.title, description: spec.description });
  return { schema: canonicalKeyOrder(schema) as JsonObject, missing, unused };
}

/**
 * Every JSON Schema, by file name: site, sector, product, comparison, matrix and metrics, plus
 * `<type>.record.schema.json` for the JSON record form of the four markdown types.
 * @example Object.keys(jsonSchemas()) // ["site.schema.json", "sector.schema.json", "sector.record.schema.json", …]
 */
export function jsonSchemas(): Record<string, object> {
  return Object.fromEntries(SPECS.map((spec) => [spec.file, build(spec).schema]));
}

/**
 * Fields that have no description in field-docs.ts, and descriptions that match no field, as
 * `file: path`. Both lists are empty when the docs are in step with the zod schemas.
 * @example fieldDocCoverage() // { missing: [], unused: [] }
 */
export function fieldDocCoverage(): { missing: string[]; unused: string[] } {
  const results = SPECS.map((spec) => ({ file: spec.file, ...build(spec) }));
  return {
    missing: results.flatMap((r) => r.missing.map((p) => `${r.file}: ${p}`)),
    unused: results.flatMap((r) => r.unused.map((p) => `${r.file}: ${p}`)),
  };
}

/**
 * The exact text written for a schema: two-space indentation and a trailing newline.
 * @example serializeSchema({ type: "object" }) // '{\n  "type": "object"\n}\n'
 */
export function serializeSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * Writes every schema into `dir` (created if needed) and returns the written paths.
 * @example await writeJsonSchemas("schemas") // ["schemas/site.schema.json", …]
 */
export async function writeJsonSchemas(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    const path = join(dir, file);
    await writeFile(path, serializeSchema(schema), "utf8");
    written.push(path);
  }
  return written;
}

export interface SchemaFileStatus {
  file: string;
  /** `extra`: a `*.schema.json` in the folder that is no longer generated. */
  status: "current" | "outdated" | "missing" | "extra";
}

/**
 * Compares the schema files in `dir` with what would be generated, without writing.
 * @example (await schemaFileStatus("schemas")).filter((s) => s.status !== "current") // []
 */
export async function schemaFileStatus(dir: string): Promise<SchemaFileStatus[]> {
  const expected = jsonSchemas();
  const present = await readdir(dir).catch(() => [] as string[]);
  const statuses: SchemaFileStatus[] = [];
  for (const [file, schema] of Object.entries(expected)) {
    const text = await readFile(join(dir, file), "utf8").catch(() => undefined);
    statuses.push({ file, status: text === undefined ? "missing" : text === serializeSchema(schema) ? "current" : "outdated" });
  }
  for (const file of present.filter((f) => f.endsWith(".schema.json") && !(f in expected)).sort()) {
    statuses.push({ file, status: "extra" });
  }
  return statuses;
}
