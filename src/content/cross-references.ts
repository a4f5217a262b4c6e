import { didYouMean, listNames } from "./did-you-mean.js";
import { readBody } from "./parse/body-sections.js";
import type { LineMap } from "./paths.js";
import { error, warning } from "./problems.js";
import { FACT_KEY_PATTERN, SLUG_PATTERN, type ComparisonFields, type MatrixFields, type Metrics, type ProductFields } from "./schema/index.js";
import type { Problem } from "./types.js";

/** A record after its own validation: `fields` is undefined when it had errors. */
export interface Checked<T> {
  slug: string;
  file: string;
  lines: LineMap;
  fields: T | undefined;
  /** The data as parsed, before validation; undefined when the file could not be parsed. */
  data: Record<string, unknown> | undefined;
}

export interface CrossInput {
  /** Every sector file found, valid or not, so one typo does not cascade into "unknown sector". */
  sectors: Checked<unknown>[];
  /** With the body, where fields below a stray "---" end up. */
  products: (Checked<ProductFields> & { body?: string })[];
  /** Comparisons with the pair read from their file name, when it could be. */
  comparisons: (Checked<ComparisonFields> & { pair: { a: string; b: string } | undefined })[];
  matrices: Checked<MatrixFields>[];
  metrics: Checked<Metrics>[];
  /** Slugs of sector and product files refused before loading (see Discovery.refused), which exist all the same. */
  refused?: { sectors: readonly string[]; products: readonly string[] };
}

/**
 * Checks references between records once every file is loaded: product sectors, comparison
 * fact rows, matrix columns, aliases, and metrics files. References are read from the parsed
 * data, so they are reported even when the same record has other errors.
 * @example crossReference(input) // [{ file: "content/products/kafka.md", line: 3, field: "sector", message: 'unknown sector "devopz"; ...' }]
 */
export function crossReference(input: CrossInput): Problem[] {
  const problems: Problem[] = [];
  const sectorSlugs = input.sectors.map((s) => s.slug);
  const products = new Map(input.products.map((p) => [p.slug, p]));
  const refusedSectors = new Set(input.refused?.sectors);
  const refusedProducts = new Set(input.refused?.products);

  for (const p of input.products) {
    const [sector] = slugs([p.data?.sector]);
    // A value that is not even a slug already has its schema problem; one report is enough.
    if (sector !== undefined && !sectorSlugs.includes(sector) && !refusedSectors.has(sector)) {
      problems.push(error(p.file, unknownName("sector", sector, sectorSlugs), { line: p.lines.lineOf(["sector"]), field: "sector" }));
    }
  }

  problems.push(...checkAliases(input.products));
  for (const c of input.comparisons) problems.push(...checkFactRows(c, products));

  // A renamed product's old slug, as its aliases list it: a column may still use it.
  const renamed = new Map(input.products.flatMap((p) => slugs(p.data?.aliases).flatMap((alias) => (alias === undefined ? [] : [[alias, p.slug] as const]))));
  for (const m of input.matrices) {
    slugs(m.data?.columns).forEach((column, i) => {
      if (column !== undefined && !products.has(column) && !refusedProducts.has(column)) {
        const at = ["columns", i];
        const now = renamed.get(column);
        const message = now === undefined ? unknownName("product", column, [...products.keys()]) : `"${column}" is an old slug of ${now} (one of its aliases); use "${now}"`;
        problems.push(error(m.file, message, { line: m.lines.lineOf(at), field: `columns[${i}]` }));
      }
    });
  }

  for (const metrics of input.metrics) {
    const product = products.get(metrics.slug);
    if (!product && refusedProducts.has(metrics.slug)) continue;
    if (!product) {
      const near = didYouMean(metrics.slug, products.keys());
      const hint = near === undefined ? "" : `; did you mean data/metrics/${near}.json?`;
      problems.push(error(metrics.file, `no product "${metrics.slug}" for these metrics; expected a file named after a product in content/products${hint}`));
    } else if (product.data?.metrics !== undefined) {
      problems.push(error(product.file, `metrics are set both here and in ${metrics.file}; keep only one`, { line: product.lines.lineOf(["metrics"]), field: "metrics" }));
    }
  }
  return problems;
}

/**
 * `unknown sector "devopz"; expected one of data-analytics, devops; did you mean "devops"?`
 * @example unknownName("sector", "devopz", ["devops"])
 */
export function unknownName(what: string, name: string, known: readonly string[]): string {
  const near = didYouMean(name, known);
  const expected = known.length === 0 ? `there are no ${what}s yet` : `expected one of ${listNames(known)}`;
  return `unknown ${what} "${name}"; ${expected}${near === undefined ? "" : `; did you mean "${near}"?`}`;
}

// An alias is a redirect from a former slug, so it must not shadow a live product or another redirect.
function checkAliases(products: readonly Checked<ProductFields>[]): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map(products.map((p) => [p.slug, p]));
  const seen = new Map<string, Checked<ProductFields>>();
  for (const p of products) {
    slugs(p.data?.aliases).forEach((alias, i) => {
      if (alias === undefined) return;
      const where = { line: p.lines.lineOf(["aliases", i]), field: `aliases[${i}]` };
      const owner = owners.get(alias);
      const previous = seen.get(alias);
      if (owner === p) problems.push(error(p.file, `alias "${alias}" is this product's own slug`, where));
      else if (owner) problems.push(error(p.file, `alias "${alias}" is already the slug of ${owner.file}`, where));
      else if (previous === p) problems.push(error(p.file, `alias "${alias}" is listed twice`, where));
      else if (previous) problems.push(error(p.file, `alias "${alias}" is also an alias of ${previous.file}`, where));
      else seen.set(alias, p);
    });
  }
  return problems;
}

function checkFactRows(c: CrossInput["comparisons"][number], products: ReadonlyMap<string, CrossInput["products"][number]>): Problem[] {
  const problems: Problem[] = [];
  if (!c.pair) return problems;
  const a = products.get(c.pair.a);
  const b = products.get(c.pair.b);
  // Read from the parsed data, so these are reported with the files' other errors; but a
  // product that could not be parsed, whose fields a stray "---" cut short, or whose facts are
  // not even a mapping, has its own error, and a missing fact would be a guess.
  if (!a?.data || !b?.data || fieldsCutShort(a) || fieldsCutShort(b)) return problems;
  const factsA = factKeys(a.data.facts);
  const factsB = factKeys(b.data.facts);
  if (!factsA || !factsB) return problems;
  const rows: unknown[] = Array.isArray(c.data?.rows) ? c.data.rows : [];
  rows.forEach((row, i) => {
    const fact = typeof row === "object" && row !== null && "fact" in row ? row.fact : undefined;
    // A value that is not even a fact key already has its schema problem.
    if (typeof fact !== "string" || !FACT_KEY_PATTERN.test(fact)) return;
    const where = { line: c.lines.lineOf(["rows", i, "fact"]), field: `rows[${i}].fact` };
    const inA = factsA.has(fact);
    const inB = factsB.has(fact);
    if (!inA && !inB) {
      problems.push(error(c.file, `fact "${fact}" is in neither ${a.file} nor ${b.file}; expected a key of their facts`, where));
    } else if (!inA || !inB) {
      const missing = inA ? b : a;
      problems.push(warning(c.file, `fact "${fact}" is missing from ${missing.file}; its cell will be empty`, where));
    }
  });
  return problems;
}

/** Whether the body starts with what looks like a field: the "---" above it ended the fields early. */
function fieldsCutShort(product: { body?: string }): boolean {
  return product.body !== undefined && readBody(product.body).introField !== undefined;
}

/** The keys of a product's parsed `facts` (none when it has none), or undefined when it is not a mapping. */
function factKeys(facts: unknown): ReadonlySet<string> | undefined {
  if (facts === undefined) return new Set();
  return typeof facts === "object" && facts !== null && !Array.isArray(facts) ? new Set(Object.keys(facts)) : undefined;
}

/** The valid slugs of a parsed list, by index (undefined where an item is not a slug). */
function slugs(value: unknown): (string | undefined)[] {
  const isSlug = (v: unknown): v is string => typeof v === "string" && v.length <= 64 && SLUG_PATTERN.test(v);
  return Array.isArray(value) ? value.map((v) => (isSlug(v) ? v : undefined)) : [];
}
