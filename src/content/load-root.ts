import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { checkProductBody } from "./body-checks.js";
import { parsePairSlug } from "./comparison-name.js";
import { crossReference, type Checked } from "./cross-references.js";
import { brokenInternalLinks, type SitePages } from "./internal-links.js";
import { discover, type Discovery, type FoundFile } from "./discover.js";
import { mapLimit } from "./map-limit.js";
import { pairUrlProblems } from "./pair-urls.js";
import { logoFileProblems } from "./logo-files.js";
import { LineMap } from "./paths.js";
import { readJsonFile, readRecordFile, type RawRecord } from "./parse/record-file.js";
import type { RecordCache } from "./parse/record-cache.js";
import type { ParseIssue } from "./parse/result.js";
import { error, hasErrors, limitPerFile, sortProblems } from "./problems.js";
import {
  comparisonSchema,
  matrixSchema,
  metricsSchema,
  productSchema,
  sectorSchema,
  siteSchema,
  type SiteSettings,
} from "./schema/index.js";
import type { BodySection, Comparison, Content, LoadResult, Matrix, Problem, Product, Sector } from "./types.js";
import { validateFields } from "./validate-record.js";

export interface LoadOptions {
  /**
   * Rethrow unexpected exceptions (bugs in the loader) instead of reporting them as a problem
   * on the file being read. Tests set it so programming errors are never hidden.
   */
  rethrowInternalErrors?: boolean;
  /**
   * Parsed record files from earlier runs, reused for files whose text is unchanged; saved
   * after the load for the next one.
   */
  recordCache?: RecordCache;
  /** The root's files, when the caller has listed them already (see discover). */
  found?: Discovery;
}

/** Problems shown per file; more are counted in one line (see limitPerFile). */
const MAX_PROBLEMS_PER_FILE = 50;

/** Files read at once; enough to keep the disk busy, far below descriptor limits. */
const CONCURRENCY = 32;

/** `bodyLine`: the file line of a markdown body's first line (undefined for JSON records). */
type Loaded<T> = Checked<T> & { body: string; bodyLine?: number | undefined; sections?: BodySection[] };

export const SITE_FILE = "data/site.json";

/**
 * Loads and validates every record of a site root. Never throws for content problems: each
 * one is a Problem, and `content` is returned only when there is no error.
 * @example
 * const { content, problems } = await loadRoot("./");
 * problems.map(formatProblem).forEach((line) => console.log(line));
 */
export async function loadRoot(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const problems: Problem[] = [];
  const guard = async <T>(file: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      if (options.rethrowInternalErrors) throw err;
      const reason = err instanceof Error ? `${err.name}: ${err.message.split("\n")[0]}` : String(err);
      problems.push(error(file, `internal error while loading this file (${reason}); please report it`));
      return undefined;
    }
  };

  const found = options.found ?? (await discover(root));
  problems.push(...found.problems);

  const site = await guard(SITE_FILE, () => loadSite(root, problems));
  const load = <S extends z.ZodType>(files: FoundFile[], schema: S, product = false) =>
    mapLimit(files, CONCURRENCY, (f) => guard(f.file, () => loadRecord(f, schema, problems, product, options.recordCache)));
  const sectors = defined(await load(found.records.sectors, sectorSchema));
  const products = defined(await load(found.records.products, productSchema, true));
  const matrices = defined(await load(found.records.matrices, matrixSchema));
  const metrics = defined(await mapLimit(found.metrics, CONCURRENCY, (f) => guard(f.file, () => loadMetrics(f, problems))));

  // Slugs of every product file found, valid or not, so a typo in one product does not
  // also make every comparison that names it fail.
  const productSlugs = new Set([...found.records.products.map((f) => f.slug), ...found.refused.products]);
  const comparisonSlugs = new Set(found.records.comparisons.map((f) => f.slug));
  const comparisons = defined(await load(found.records.comparisons, comparisonSchema)).map((c) => {
    const name = parsePairSlug(c.slug, productSlugs, c.file.endsWith(".json") ? "json" : "md", comparisonSlugs);
    if (!name.ok) problems.push(error(c.file, name.message));
    return { ...c, pair: name.ok ? { a: name.a, b: name.b } : undefined };
  });

  options.recordCache?.save();
  problems.push(...crossReference({ sectors, products, comparisons, matrices, metrics, refused: found.refused }));
  // Not kept in the record cache: the logo file can change while the record does not. Read
  // from the parsed data, so a missing logo is reported with the record's other errors.
  const logos = products.flatMap((p) => {
    const logo = productSchema.shape.logo.safeParse(p.data?.logo).data;
    return logo ? [{ file: p.file, logo, line: p.lines.get(["logo"]) }] : [];
  });
  problems.push(...(await logoFileProblems(root, logos)));
  if (site) {
    const valid = products.flatMap((p) => (p.fields ? [{ slug: p.slug, file: p.file, sector: p.fields.sector }] : []));
    problems.push(...pairUrlProblems(valid, site.pairs, comparisons.flatMap((c) => (c.pair ? [c.pair] : []))));
  }

  const sorted = limitPerFile(sortProblems(problems), MAX_PROBLEMS_PER_FILE);
  if (site === undefined) return { problems: sorted };

  // The valid records; all of them when there is no error.
  const valid = <T extends { fields: unknown }>(records: T[]) => records.filter((r): r is T & { fields: NonNullable<T["fields"]> } => r.fields !== undefined);
  const metricsBySlug = new Map(metrics.map((m) => [m.slug, m]));
  const content: Content = {
    site,
    sectors: valid(sectors).map((s): Sector => ({ slug: s.slug, file: s.file, ...s.fields, body: s.body })),
    products: valid(products).map((p): Product => {
      const product: Product = { slug: p.slug, file: p.file, ...p.fields, body: p.body, sections: p.sections ?? [] };
      const fromFile = metricsBySlug.get(p.slug);
      if (product.metrics === undefined && fromFile?.fields !== undefined) {
        product.metrics = fromFile.fields;
        product.metricsFile = fromFile.file;
      }
      return product;
    }),
    comparisons: valid(comparisons).flatMap((c): Comparison[] => (c.pair ? [{ slug: c.slug, file: c.file, ...c.fields, a: c.pair.a, b: c.pair.b, body: c.body }] : [])),
    matrices: valid(matrices).map((m): Matrix => ({ slug: m.slug, file: m.file, ...m.fields, body: m.body })),
  };
  const records = new Map<string, { lines: LineMap; bodyLine?: number | undefined }>([...sectors, ...products, ...comparisons, ...matrices, ...metrics].map((r) => [r.file, r]));
  // Links in the valid records, against the pages every record found makes, so that they are
  // reported with the other problems, not once those are fixed.
  const whole = hasErrors(sorted) ? wholeSite(site, { sectors, products, comparisons, matrices }, found) : undefined;
  const links = await brokenInternalLinks(content, (file, field) => records.get(file)?.lines.get(field), (file) => records.get(file)?.bodyLine, whole);
  const lineOf = (file: string, field: string) => records.get(file)?.lines.get(field.split("."));
  if (links.length > 0 || whole) return { problems: limitPerFile(sortProblems([...problems, ...links]), MAX_PROBLEMS_PER_FILE), validRecords: content, lineOf };
  return { content, problems: sorted, lineOf };
}

/**
 * The pages a root with errors would make, from every record found, as far as it was read; and
 * its products whose pairs are unsure: a file with errors, or refused (see brokenInternalLinks).
 */
function wholeSite(
  site: SiteSettings,
  records: { sectors: Checked<unknown>[]; products: Checked<unknown>[]; comparisons: { pair: { a: string; b: string } | undefined }[]; matrices: Checked<unknown>[] },
  found: Discovery,
): { site: SitePages; unsure: Set<string> } {
  const text = (v: unknown): string => (typeof v === "string" ? v : "");
  const slugs = (records: { slug: string }[], refused: string[]) => [...records.map((r) => r.slug), ...refused].map((slug) => ({ slug }));
  return {
    site: {
      site,
      sectors: slugs(records.sectors, found.refused.sectors),
      products: [
        ...records.products.map((p) => ({ slug: p.slug, sector: text(p.data?.sector), aliases: Array.isArray(p.data?.aliases) ? p.data.aliases.map(text) : [] })),
        ...found.refused.products.map((slug) => ({ slug, sector: "" })),
      ],
      matrices: slugs(records.matrices, found.refused.matrices),
      comparisons: records.comparisons.flatMap((c) => (c.pair ? [c.pair] : [])),
    },
    unsure: new Set([...records.products.filter((p) => p.fields === undefined).map((p) => p.slug), ...found.refused.products]),
  };
}

async function loadRecord<S extends z.ZodType>(f: FoundFile, schema: S, problems: Problem[], product: boolean, cache: RecordCache | undefined): Promise<Loaded<z.output<S>>> {
  const raw = await readRecordFile(f.abs, f.format, cache);
  if (!raw.ok) {
    problems.push(...toProblems(f.file, raw.issues));
    return { slug: f.slug, file: f.file, lines: emptyLines(), fields: undefined, data: undefined, body: "" };
  }
  // Validation depends on the file's text and the code alone: kept with the parse.
  const check = () => checkRecord(schema, raw.value, f.file, product);
  const checked = cache && raw.issues === undefined ? cache.checked(f.abs, check) : check();
  if (raw.issues === undefined) problems.push(...checked.problems);
  else {
    // A refused alias leaves its field without a value: its "required" problem would only repeat the alias's line.
    const reported = new Set(raw.issues.map((i) => i.line));
    problems.push(...toProblems(f.file, raw.issues), ...checked.problems.filter((p) => p.line === undefined || !reported.has(p.line)));
  }
  const loaded: Loaded<z.output<S>> = { slug: f.slug, file: f.file, lines: raw.value.lines, fields: checked.fields, data: raw.value.data, body: raw.value.body, bodyLine: raw.value.bodyLine };
  if (product) loaded.sections = checked.sections;
  return loaded;
}

function checkRecord<S extends z.ZodType>(schema: S, raw: RawRecord, file: string, product: boolean): { fields: z.output<S> | undefined; problems: Problem[]; sections?: BodySection[] } {
  const { fields, problems } = validateFields(schema, raw, file);
  if (!product) return { fields, problems };
  const body = checkProductBody(raw.body, raw.bodyLine, raw.bodyKeyLine);
  // A field below a stray "---" is already reported on its line as one (see fieldBelowFence);
  // that it is also body text above the sections is the same mistake.
  const fieldLines = new Set(problems.map((p) => p.line));
  for (const p of body.problems) if (p.line === undefined || !fieldLines.has(p.line)) problems.push(error(file, p.message, { line: p.line, field: "body" }));
  return { fields, problems, sections: body.sections };
}

async function loadMetrics(f: FoundFile, problems: Problem[]): Promise<Checked<z.output<typeof metricsSchema>>> {
  const json = await readJsonFile(f.abs);
  if (!json.ok) {
    problems.push(...toProblems(f.file, json.issues));
    return { slug: f.slug, file: f.file, lines: emptyLines(), fields: undefined, data: undefined };
  }
  const checked = validateFields(metricsSchema, asRecord(json.value), f.file);
  problems.push(...checked.problems);
  return { slug: f.slug, file: f.file, lines: json.value.lines, fields: checked.fields, data: json.value.data };
}

async function loadSite(root: string, problems: Problem[]): Promise<SiteSettings | undefined> {
  const path = join(root, SITE_FILE);
  if (!(await exists(path))) {
    problems.push(error(SITE_FILE, "required file is missing; expected the site settings (name, url, description)"));
    return undefined;
  }
  const json = await readJsonFile(path);
  if (!json.ok) {
    problems.push(...toProblems(SITE_FILE, json.issues));
    return undefined;
  }
  const checked = validateFields(siteSchema, asRecord(json.value), SITE_FILE);
  problems.push(...checked.problems);
  return checked.fields;
}

function asRecord(json: { data: Record<string, unknown>; lines: LineMap }): RawRecord {
  return { data: json.data, lines: json.lines, body: "", bodyLine: undefined, bodyKeyLine: undefined };
}

function toProblems(file: string, issues: readonly ParseIssue[]): Problem[] {
  return issues.map((i) => error(file, i.message, { line: i.line, field: i.field ?? "" }));
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function defined<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((x): x is T => x !== undefined);
}

function emptyLines(): LineMap {
  return new LineMap(undefined);
}
