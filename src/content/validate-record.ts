import type { z } from "zod";
import { findControlCharacters } from "./control-characters.js";
import { findBodyPlaceholders, findFieldPlaceholders, placeholderMessage } from "./placeholders.js";
import type { RawRecord } from "./parse/record-file.js";
import { lineAt } from "./parse/result.js";
import { error } from "./problems.js";
import type { Problem } from "./types.js";
import { MISSING, PARSE_OPTIONS, issuesToProblems } from "./zod-issues.js";

/** Validated fields (when the schema accepted them) and every problem found on the way. */
export interface FieldCheck<T> {
  fields: T | undefined;
  problems: Problem[];
}

/**
 * Validates a record's fields against its schema and reports placeholders left by
 * scaffolding and characters no page can carry (see findControlCharacters). A field holding a placeholder gets only the placeholder problem, not also
 * "expected a URL" for the same field.
 * @example validateFields(sectorSchema, raw, "content/sectors/devops.md")
 * // { fields: { name: "DevOps", description: "…" }, problems: [] }
 */
export function validateFields<S extends z.ZodType>(schema: S, raw: RawRecord, file: string): FieldCheck<z.output<S>> {
  const problems: Problem[] = [];
  const placeholders = [
    ...findFieldPlaceholders(raw.data, raw.lines),
    ...findBodyPlaceholders(raw.body, raw.bodyLine, raw.bodyKeyLine),
  ];
  for (const p of placeholders) problems.push(error(file, placeholderMessage(p.text), { line: p.line, field: p.field }));
  for (const c of findControlCharacters(raw.data, raw.lines, raw.body, raw.bodyLine, raw.bodyKeyLine)) problems.push(error(file, c.message, { line: c.line, field: c.field }));

  const result = schema.safeParse(raw.data, PARSE_OPTIONS);
  if (result.success) return { fields: result.data, problems };

  const placeholderFields = new Set(placeholders.map((p) => p.field));
  for (const p of issuesToProblems(result.error.issues, raw.data, raw.lines, schema)) {
    if (placeholderFields.has(p.field)) continue;
    const below = p.message === MISSING ? fieldBelowFence(p.field, raw) : undefined;
    problems.push(error(file, below?.message ?? p.message, { line: below?.line ?? p.line, field: p.field }));
  }
  return { fields: undefined, problems };
}

/**
 * A missing field written below a stray "---" line, which ended the fields early and made
 * the rest the body: the problem goes on the field's line and names the "---" line.
 * @example fieldBelowFence("tagline", { body: "tagline: X\n", bodyLine: 6, … })
 * // { line: 6, message: 'required field is missing; it is below the "---" on line 5, which ends the fields: remove that line' }
 */
function fieldBelowFence(field: string, raw: RawRecord): { line: number; message: string } | undefined {
  if (raw.bodyLine === undefined || !/^[a-z_]+$/.test(field)) return undefined;
  const at = new RegExp(`^${field}:`, "m").exec(raw.body);
  if (!at) return undefined;
  const line = raw.bodyLine + lineAt(raw.body, at.index) - 1;
  return { line, message: `${MISSING}; it is below the "---" on line ${raw.bodyLine - 1}, which ends the fields: remove that line` };
}
