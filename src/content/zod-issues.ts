import type { z } from "zod";
import { describeValue } from "./describe-value.js";
import { didYouMean, listNames } from "./did-you-mean.js";
import { formatPath, isMissing, valueAt, type LineMap, type PathSegment } from "./paths.js";
import { allowedKeys, unionOptions } from "./schema-keys.js";

/** Marks issues that carry zod's default message, which we replace with our own wording. */
export const DEFAULT_MESSAGE = "\u0000default";

/** Pass to safeParse: schema messages still win; every other issue gets DEFAULT_MESSAGE. */
export const PARSE_OPTIONS = { error: () => DEFAULT_MESSAGE };

/** A located, one-line description of one thing wrong with a value. */
export interface FieldProblem {
  path: PathSegment[];
  field: string;
  line: number | undefined;
  message: string;
  /** Internal: what kind of problem, for dropping echoes. */
  kind?: "type" | "missing" | "unknown";
  /** Internal: the field an unknown key probably meant. */
  suggests?: string;
}

type Issue = z.core.$ZodIssue;

interface Context {
  data: unknown;
  lines: LineMap;
  /** Schema of the value at `base` (a union branch once one is chosen). */
  schema: z.ZodType;
  base: PathSegment[];
}

/**
 * Turns zod issues into one problem per thing wrong, worded for editors: what was expected,
 * what was found, where. Unknown keys become one problem each, with a suggestion.
 * @example
 * issuesToProblems(productSchema.safeParse(data, PARSE_OPTIONS).error.issues, data, lines, productSchema)
 * // [{ field: "velocity", line: 9, message: "expected a number from 0 to 10, found 12" }, ...]
 */
export function issuesToProblems(issues: readonly Issue[], data: unknown, lines: LineMap, schema: z.ZodType): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of issues) collect(issue, { data, lines, schema, base: [] }, out);
  return dropEchoes(out);
}

/**
 * Removes problems that only repeat another one: after "expected a list, found …" at a path,
 * a length complaint at the same path adds nothing; after `taglin: … did you mean "tagline"?`,
 * `tagline: required field is missing` is the same mistake.
 */
function dropEchoes(problems: FieldProblem[]): FieldProblem[] {
  const typed = new Set<string>();
  const suggested = new Set<string>();
  for (const p of problems) {
    if (p.kind === "type") typed.add(p.field);
    if (p.suggests !== undefined) suggested.add(p.suggests);
  }
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    if (p.kind === "missing" && suggested.has(p.field)) continue;
    if (p.kind !== "type" && typed.has(p.field)) continue;
    const key = `${p.field}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.map(({ kind: _kind, suggests: _suggests, ...p }) => p);
}

function collect(issue: Issue, ctx: Context, out: FieldProblem[]): void {
  const path = [...ctx.base, ...(issue.path as PathSegment[])];
  const push = (at: PathSegment[], message: string, line = ctx.lines.lineOf(at), extra: Partial<FieldProblem> = {}): void => {
    out.push({ path: at, field: formatPath(at), line, message, ...extra });
  };

  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(ctx.schema, issue.path as PathSegment[], issue.keys);
      for (const key of issue.keys) {
        const at = [...path, key];
        const suggestion = didYouMean(key, allowed);
        const hint = suggestion
          ? `did you mean ${JSON.stringify(suggestion)}?`
          : allowed.length === 1 ? `expected only ${JSON.stringify(allowed[0])}` : `expected one of ${listNames(allowed)}`;
        const extra: Partial<FieldProblem> = { kind: "unknown" };
        if (suggestion !== undefined) extra.suggests = formatPath([...path, suggestion]);
        push(at, `unknown field ${JSON.stringify(key)}; ${hint}`, ctx.lines.get(at) ?? ctx.lines.lineOf(path), extra);
      }
      return;
    }
    case "invalid_union": {
      const branches = issue.errors;
      const scores = branches.map(score);
      const best = scores.indexOf(Math.min(...scores));
      const chosen = branches[best] ?? [];
      if (scores[best]! >= TYPE_MISMATCH) {
        // No branch got past the type check: list what each branch would take.
        const expected = [...new Set(branches.flatMap((b) => b.filter(isRootTypeIssue).map((i) => expectedName(i))))];
        push(path, withFound(`expected ${expected.join(" or ")}`, valueAt(ctx.data, path)), undefined, { kind: "type" });
        return;
      }
      const branchSchema = unionOptions(ctx.schema, issue.path as PathSegment[])[best] ?? ctx.schema;
      for (const inner of chosen) collect(inner, { ...ctx, schema: branchSchema, base: path }, out);
      return;
    }
    case "invalid_key": {
      const key = path[path.length - 1];
      const inner = issue.issues[0];
      const message = inner ? messageFor(inner, key) : "invalid key";
      push(path, `invalid key ${JSON.stringify(key)}: ${message}`);
      return;
    }
    case "invalid_type":
      if (isMissing(ctx.data, path)) push(path, MISSING, undefined, { kind: "missing" });
      else push(path, messageFor(issue, valueAt(ctx.data, path)), undefined, { kind: "type" });
      return;
  }
  push(path, messageFor(issue, valueAt(ctx.data, path)));
}

const TYPE_MISMATCH = 1000;

/** The message of a required field that is not there. */
export const MISSING = "required field is missing";

// Lower is a better explanation of what the editor meant: a branch that failed on the value's
// type is the worst; otherwise fewer problems (each unknown key counted) wins.
function score(branch: readonly Issue[]): number {
  let total = 0;
  for (const issue of branch) {
    if (isRootTypeIssue(issue)) total += TYPE_MISMATCH;
    else if (issue.code === "unrecognized_keys") total += issue.keys.length;
    else total += 1;
  }
  return total;
}

function isRootTypeIssue(issue: Issue): issue is Extract<Issue, { code: "invalid_type" }> {
  return issue.code === "invalid_type" && issue.path.length === 0;
}

/** Message for one issue about `value`: the schema's own wording when it has one, else ours. */
function messageFor(issue: Issue, value: unknown): string {
  const own = issue.message !== DEFAULT_MESSAGE && issue.message !== "" ? issue.message : undefined;
  // YAML reads `version: 4.0` as the number 4 and `beta: true` as true, where text was meant.
  if (!own && issue.code === "invalid_type" && issue.expected === "string" && (typeof value === "number" || typeof value === "boolean")) {
    return `expected a string, found ${typeof value === "number" ? "the number " : ""}${value}; put it in double quotes to keep it as written`;
  }
  const message = own ?? defaultMessage(issue);
  return withFound(message, value, issue);
}

function withFound(message: string, value: unknown, issue?: Issue): string {
  if (!message.startsWith("expected") || message.includes("found")) return message;
  return `${message}, found ${found(value, issue)}`;
}

function found(value: unknown, issue?: Issue): string {
  if (issue && (issue.code === "too_small" || issue.code === "too_big")) {
    if (Array.isArray(value)) return `${value.length}`;
    if (typeof value === "string" && value !== "") return `${[...value].length} characters`;
  }
  return describeValue(value);
}

function defaultMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${expectedName(issue)}`;
    case "too_small":
      return bound(issue.origin, "at least", "more than", Number(issue.minimum), issue.inclusive !== false);
    case "too_big":
      return bound(issue.origin, "at most", "less than", Number(issue.maximum), issue.inclusive !== false);
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" && "pattern" in issue ? `expected text matching ${issue.pattern}` : `expected a valid ${issue.format}`;
    case "not_multiple_of":
      return `expected a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `unknown fields ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    default:
      return "invalid value";
  }
}

function bound(origin: string, inclusive: string, exclusive: string, n: number, isInclusive: boolean): string {
  const word = isInclusive ? inclusive : exclusive;
  if (origin === "string") {
    if (n === 1 && word === "at least") return "expected a non-empty text";
    return `expected ${word} ${n} character${n === 1 ? "" : "s"}`;
  }
  if (origin === "array" || origin === "set") return `expected ${word} ${n} item${n === 1 ? "" : "s"}`;
  return `expected a number ${word} ${n}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
  null: "an empty value",
};

function expectedName(issue: Extract<Issue, { code: "invalid_type" }>): string {
  return TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`;
}
