/**
 * A feature matrix as downloadable data, linked from its page at
 * `/matrices/<slug>/<slug>.csv` and `/matrices/<slug>/<slug>.json`.
 * Pure functions of the matrix and the product names: same input, same bytes.
 */
import type { Matrix } from "../content/types.js";
import type { MatrixCell } from "../content/schema/index.js";
import type { MatrixCellView } from "../site/types.js";

/** One cell in the JSON download; `badge` and `strong` appear only when set. */
export interface MatrixJsonCell {
  /** The column's product slug, so a cell can be read without counting positions. */
  column: string;
  text: string;
  badge?: NonNullable<MatrixCellView["badge"]>;
  strong?: true;
}

/** The shape of `<slug>.json`. */
export interface MatrixJson {
  slug: string;
  title: string;
  description: string;
  columns: { slug: string; name: string }[];
  /** The highlighted column's slug, or null: always present so consumers need no existence check. */
  highlight: string | null;
  sections: { title: string; rows: { feature: string; cells: MatrixJsonCell[] }[] }[];
}

/** RFC 4180 line ending. */
const CRLF = "\r\n";

/**
 * The matrix as RFC 4180 CSV: header `Section,Feature,<product names in column order>`, one
 * record per row, CRLF line endings (the last record included), no byte-order mark.
 * @example
 * matrixCsv(matrix, { kafka: "Apache Kafka", nats: "NATS" })
 * // "Section,Feature,Apache Kafka,NATS\r\nOperations,Single binary,No,Yes\r\n"
 */
export function matrixCsv(matrix: Matrix, productNames: Record<string, string>): string {
  const names = columnNames(matrix, productNames);
  const records: string[][] = [["Section", "Feature", ...names.map((c) => c.name)]];
  for (const section of matrix.sections) {
    for (const row of section.rows) {
      records.push([section.title, row.feature, ...matrix.columns.map((c) => cellText(cellOf(matrix, row.cells, c, row.feature)))]);
    }
  }
  return records.map((r) => r.map(csvField).join(",") + CRLF).join("");
}

/**
 * The matrix as pretty-printed JSON (two-space indent, trailing newline). Cells are arrays in
 * column order rather than objects keyed by slug, because a numeric slug such as `"2048"`
 * would be moved to the front of an object's keys by JavaScript.
 * @example
 * JSON.parse(matrixJson(matrix, names)).sections[0].rows[0].cells[1]
 * // { column: "redpanda", text: "Yes", badge: "success", strong: true }
 */
export function matrixJson(matrix: Matrix, productNames: Record<string, string>): string {
  const doc: MatrixJson = {
    slug: matrix.slug,
    title: matrix.title,
    description: matrix.description,
    columns: columnNames(matrix, productNames),
    highlight: matrix.highlight ?? null,
    sections: matrix.sections.map((section) => ({
      title: section.title,
      rows: section.rows.map((row) => ({
        feature: row.feature,
        cells: matrix.columns.map((column) => jsonCell(column, cellOf(matrix, row.cells, column, row.feature))),
      })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * One CSV field: neutralised against formula injection, then quoted when RFC 4180 needs it.
 * Spreadsheets run a cell starting with `=`, `+`, `-` or `@` as a formula (tab and CR can
 * precede one), so such a cell gets a leading `'`, which spreadsheets treat as "this is text".
 * @example csvField('=HYPERLINK("x")') // "\"'=HYPERLINK(\"\"x\"\")\""
 * @example csvField("a, b") // "\"a, b\""
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function columnNames(matrix: Matrix, productNames: Record<string, string>): { slug: string; name: string }[] {
  return matrix.columns.map((slug) => {
    // Own-property check: a slug such as "constructor" must not read Object.prototype.
    const name = Object.hasOwn(productNames, slug) ? productNames[slug] : undefined;
    if (name === undefined) throw new Error(`${matrix.file}: no product name for column "${slug}"`);
    return { slug, name };
  });
}

function cellOf(matrix: Matrix, cells: Record<string, MatrixCell>, column: string, feature: string): MatrixCell {
  const cell = Object.hasOwn(cells, column) ? cells[column] : undefined;
  // Validation guarantees every column has a cell; this only guards against unvalidated input.
  if (cell === undefined) throw new Error(`${matrix.file}: row "${feature}" has no cell for column "${column}"`);
  return cell;
}

function cellText(cell: MatrixCell): string {
  return typeof cell === "string" ? cell : cell.text;
}

function jsonCell(column: string, cell: MatrixCell): MatrixJsonCell {
  if (typeof cell === "string") return { column, text: cell };
  return {
    column,
    text: cell.text,
    ...(cell.badge === undefined ? {} : { badge: cell.badge }),
    ...(cell.strong === true ? { strong: true as const } : {}),
  };
}
