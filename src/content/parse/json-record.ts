import { LineMap, type PathSegment } from "../paths.js";
import { describeValue } from "../describe-value.js";
import { FORBIDDEN_KEYS, MAX_DEPTH, TOO_DEEP_MESSAGE, TOO_MANY_MESSAGE, forbiddenKeyMessage } from "./forbidden-keys.js";
import { fail, lineAt, lineCounter, type ParseIssue, type Parsed } from "./result.js";
import { jsonErrorOffset } from "./json-syntax.js";
import { readYaml } from "./safe-yaml.js";

/** A parsed JSON object with the line of each key where it could be found. */
export interface JsonObject {
  data: Record<string, unknown>;
  lines: LineMap;
}

/**
 * Parses a JSON file that must hold one object. Values come from JSON.parse; lines and
 * duplicate keys come from reading the same text as YAML (JSON is YAML 1.2), and are simply
 * omitted when that reading fails. Reserved keys (`__proto__`…) and deep nesting are refused.
 * @example parseJsonObject('{\n  "name": "Kafka"\n}') // { ok: true, value: { data: { name: "Kafka" }, lines } }
 */
export function parseJsonObject(text: string): Parsed<JsonObject> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const offset = jsonErrorOffset(text);
    const usual = offset === undefined ? undefined : usualMistake(text, offset);
    const at = usual?.offset ?? offset;
    return fail(`invalid JSON: ${jsonReason(err)}${usual ? `; ${usual.fix}` : ""}`, at === undefined ? undefined : lineAt(text, at));
  }

  const toLine = lineCounter(text);
  let lines = new LineMap(1);
  const issues: ParseIssue[] = [];
  const yaml = readYaml(text, toLine, 1);
  if (!yaml.issues.some((i) => i.kind === "syntax")) lines = yaml.lines;
  // Nesting depth is checked on the parsed value below; the number of values only here.
  for (const issue of yaml.issues) if (issue.kind === "duplicate" || issue.message === TOO_MANY_MESSAGE) issues.push({ message: issue.message, line: issue.line });

  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return fail(`expected a JSON object ({ … }), found ${describeValue(value)}`, 1);
  }
  issues.push(...refusedKeys(value, lines));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { data: value as Record<string, unknown>, lines } };
}

/**
 * Reserved keys anywhere in parsed JSON, and nesting beyond MAX_DEPTH. Iterative so hostile
 * depth cannot overflow the stack.
 * @example refusedKeys(JSON.parse('{"__proto__": {}}'), new LineMap(1)) // [{ message: 'key "__proto__" is not accepted (reserved name)', ... }]
 */
export function refusedKeys(root: unknown, lines: LineMap): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (path.length > MAX_DEPTH) {
      issues.push({ message: TOO_DEEP_MESSAGE, line: lines.lineOf(path) });
      break;
    }
    const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = [...path, key];
      if (typeof key === "string" && FORBIDDEN_KEYS.has(key)) {
        issues.push({ message: forbiddenKeyMessage(key), line: lines.lineOf(childPath) });
      } else {
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** V8's message without its position or its quote of the input. */
function jsonReason(err: unknown): string {
  const whole = err instanceof Error ? err.message : String(err);
  // The quote of the input can span lines.
  const token = /^(Unexpected token .+?), .* is not valid JSON$/s.exec(whole);
  if (token) return token[1]!;
  return whole.split("\n")[0]!.replace(/\s*in JSON at position \d+.*$/, "");
}

/**
 * The fix for the mistakes editors make in JSON most (V8 names only the token it met), and
 * where the mistake is when that is not where the parser stopped.
 * @example usualMistake('{"a": 1,\n}', 10) // { fix: "remove the comma after the last item", offset: 7 }
 */
function usualMistake(text: string, offset: number): { fix: string; offset?: number } | undefined {
  const c = text[offset];
  if (c === "}" || c === "]") {
    const comma = /,\s*$/.exec(text.slice(0, offset));
    if (comma) return { fix: "remove the comma after the last item", offset: comma.index };
  }
  if (text.startsWith("//", offset) || text.startsWith("/*", offset)) return { fix: "JSON has no comments; remove it" };
  if (c === "'") return { fix: 'JSON strings and keys use double quotes (")' };
  return undefined;
}
