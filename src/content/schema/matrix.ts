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
    sections: z.array(z.strictObject({ title: text(1, 120), rows: z.array(matrixRowSchema).min(1) })).min(1),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.columns.forEach((c, i) => {
      if (seen.has(c)) ctx.addIssue({ code: "custom", path: ["columns", i], message: `expected each column once, found "${c}" again` });
      seen.add(c);
    });
    if (m.highlight !== undefined && !m.columns.includes(m.highlight)) {
      ctx.addIssue({ code: "custom", path: ["highlight"], message: `expected one of the columns (${m.columns.join(", ")}), found "${m.highlight}"` });
    }
    m.sections.forEach((section, s) =>
      section.rows.forEach((row, r) => {
        const keys = Object.keys(row.cells);
        const missing = m.columns.filter((c) => !keys.includes(c));
        const extra = keys.filter((k) => !m.columns.includes(k));
        const path = ["sections", s, "rows", r, "cells"];
        if (missing.length) ctx.addIssue({ code: "custom", path, message: `row "${row.feature}" is missing column ${missing.map((c) => `"${c}"`).join(", ")}` });
        if (extra.length) ctx.addIssue({ code: "custom", path, message: `row "${row.feature}" has a cell for ${extra.map((c) => `"${c}"`).join(", ")}, which is not a column` });
      }),
    );
  });

export type MatrixCell = z.output<typeof matrixCellSchema>;
export type MatrixFields = z.output<typeof matrixSchema>;
