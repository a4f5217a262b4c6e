import { z } from "zod";
import { slug, text } from "./common.js";

export const BADGES = ["success", "warning", "danger", "neutral"] as const;

export const matrixCellSchema = z.union([
  text(1, 200),
  z.strictObject({ text: text(1, 200), badge: z.enum(BADGES).optional(), strong: z.boolean().optional() }),
]);

export const matrixRowSchema = z.strictObject({
  feature: text(1, 120),
  cells: z.record(slug, matrixCellSchema),
});

/** content/matrices/<slug>.md front matter. Column/cell agreement is checked in the schema. */
export const matrixSchema = z
  .strictObject({
    title: text(1, 200),
    description: text(1, 500),
    columns: z.array(slug).min(2, { message: "expected at least 2 columns" }).max(12, { message: "expected at most 12 columns" }),
    highlight: slug.optional(),
    sections: z.array(z.strictObject({ title: text(1, 120), rows: z.array(matrixRowSchema).min(1, { message: "expected at least one row" }) })).min(1, { message: "expected at least one section" }),
  })
  // Runs even when other fields failed (`when`), so column problems are listed with the rest;
  // the input may then be malformed, hence the defensive reads.
  .superRefine((m, ctx) => checkColumns(m as unknown, ctx), { when: (payload) => isObject(payload.value) });

function checkColumns(m: unknown, ctx: z.RefinementCtx): void {
  if (!isObject(m) || !Array.isArray(m.columns)) return;
  const columns = m.columns.filter((c): c is string => typeof c === "string");
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (seen.has(c)) ctx.addIssue({ code: "custom", path: ["columns", i], message: `expected each column once, found "${c}" again` });
    seen.add(c);
  });
  if (typeof m.highlight === "string" && !columns.includes(m.highlight)) {
    ctx.addIssue({ code: "custom", path: ["highlight"], message: `expected one of the columns (${columns.join(", ")}), found "${m.highlight}"` });
  }
  if (!Array.isArray(m.sections)) return;
  m.sections.forEach((section, s) => {
    if (!isObject(section) || !Array.isArray(section.rows)) return;
    section.rows.forEach((row, r) => {
      if (!isObject(row) || !isObject(row.cells)) return;
      const keys = Object.keys(row.cells);
      const missing = columns.filter((c) => !keys.includes(c));
      const extra = keys.filter((k) => !columns.includes(k));
      const path = ["sections", s, "rows", r, "cells"];
      const name = typeof row.feature === "string" ? `row "${row.feature}"` : `row ${r + 1}`;
      const quoted = (names: string[]): string => names.map((c) => `"${c}"`).join(", ");
      // Both at once is mostly one name spelt two ways, in columns or in the cells: one line.
      if (missing.length && extra.length) {
        ctx.addIssue({ code: "custom", path, message: `${name} has a cell for ${quoted(extra)}, which is not a column, and none for column ${quoted(missing)}; use the same name in both places` });
      } else if (missing.length) ctx.addIssue({ code: "custom", path, message: `${name} is missing column ${quoted(missing)}` });
      else if (extra.length) ctx.addIssue({ code: "custom", path, message: `${name} has a cell for ${quoted(extra)}, which is not a column` });
    });
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export type MatrixCell = z.output<typeof matrixCellSchema>;
export type MatrixFields = z.output<typeof matrixSchema>;
