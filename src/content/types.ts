import type { ComparisonFields, MatrixFields, ProductFields, SectorFields, SiteSettings } from "./schema/index.js";

/** Where a record came from: its path relative to the site root, e.g. `content/products/redpanda.md`. */
export interface Source {
  slug: string;
  file: string;
}

/** One `##` section of a markdown body, heading text and the markdown under it. */
export interface BodySection {
  title: string;
  markdown: string;
}

export interface Sector extends SectorFields, Source {
  body: string;
}

export interface Product extends ProductFields, Source {
  /** The whole markdown body. */
  body: string;
  /** The body split at `##` headings, in file order (text above the first heading is an error). */
  sections: BodySection[];
  /** The file `metrics` came from when not this one: `data/metrics/<slug>.json`. */
  metricsFile?: string;
}

export interface Comparison extends ComparisonFields, Source {
  /** The two product slugs from the file name, in alphabetical order. */
  a: string;
  b: string;
  body: string;
}

export interface Matrix extends MatrixFields, Source {
  body: string;
}

/** Everything a site root holds, validated and cross-checked. Lists are sorted by slug. */
export interface Content {
  site: SiteSettings;
  sectors: Sector[];
  products: Product[];
  comparisons: Comparison[];
  matrices: Matrix[];
}

/**
 * A problem found in the content, as data: what happened (message), where (file, line, field).
 * Printed as `file:line: field: message` (see problems.ts).
 */
export interface Problem {
  severity: "error" | "warning";
  /** Path relative to the site root, with forward slashes. */
  file: string;
  /** 1-based line of the offending front-matter key, when known. */
  line?: number;
  /** Field path such as `timeline[2].date`; empty when the problem is the whole file. */
  field: string;
  message: string;
  /** On a line that stands for problems not shown (see limitPerFile): how many of each. */
  hidden?: { errors: number; warnings: number };
}

export interface LoadResult {
  /** Present only when there is no error (warnings allowed). */
  content?: Content;
  /** When there are errors: the records that are valid, for checks of one record at a time (staleness), so that their warnings come with the errors. */
  validRecords?: Content;
  /** Errors and warnings, sorted by file, then line. */
  problems: Problem[];
  /**
   * The line of a field (`name`, `metrics.as_of`) in a record file, for problems found after
   * loading; undefined when the file does not hold that field itself.
   */
  lineOf?: (file: string, field: string) => number | undefined;
}
