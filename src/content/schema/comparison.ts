import { z } from "zod";
import { FACT_KEY_PATTERN, markdown, text } from "./common.js";

export const comparisonRowSchema = z.union([
  z.strictObject({ label: text(1, 120), a: markdown, b: markdown }),
  z.strictObject({ fact: z.string().regex(FACT_KEY_PATTERN, { message: "expected a fact key" }) }),
]);

/** content/comparisons/<a>-vs-<b>.md front matter. */
export const comparisonSchema = z.strictObject({
  title: text(1, 200).optional(),
  verdict: markdown,
  rows: z.array(comparisonRowSchema).optional(),
  faq: z.array(z.strictObject({ q: text(1, 300), a: markdown })).optional(),
});

export type ComparisonRow = z.output<typeof comparisonRowSchema>;
export type ComparisonFields = z.output<typeof comparisonSchema>;
