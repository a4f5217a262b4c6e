import { CST, Composer, Parser, YAMLParseError, isAlias, isMap, isScalar, isSeq, type Document, type Node, type ParsedNode } from "yaml";
import { LineMap, type PathSegment } from "../paths.js";
import { FORBIDDEN_KEYS, MAX_DEPTH, MAX_VALUES, TOO_DEEP_MESSAGE, TOO_MANY_MESSAGE, forbiddenKeyMessage } from "./forbidden-keys.js";
import type { ParseIssue } from "./result.js";

/**
 * YAML 1.2 core schema: dates stay strings, `yes`/`no` stay strings. Merge keys off (`<<` is
 * then a plain key, which is refused below).
 */
const OPTIONS = {
  version: "1.2",
  schema: "core",
  // Duplicates are found while building the value, where the key's text is known.
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  strict: true,
} as const;

/** Distinct syntax errors reported per text; the rest are counted in one last line. */
const MAX_SYNTAX_ERRORS = 10;

/** What a YAML text holds: the plain value, the line of every key, and what was wrong. */
export interface YamlRead {
  value: unknown;
  lines: LineMap;
  /** Line where the top-level value starts, for "not a mapping" problems. */
  valueLine: number;
  /** `syntax`: the YAML does not parse; `duplicate`: a key appears twice; `refused`: a construct we do not accept. */
  issues: (ParseIssue & { kind: "syntax" | "duplicate" | "refused" })[];
}

/**
 * Parses YAML into plain data without ever resolving aliases, merge keys or tags: the value is
 * built from the syntax tree here, and those constructs are reported instead of evaluated.
 * @param toLine maps an offset in `source` to a line of the file it came from
 * @param rootLine line reported for problems on the whole value
 * @example readYaml("name: Kafka\n", (o) => 1 + o, 1).value // { name: "Kafka" }
 */
export function readYaml(source: string, toLine: (offset: number) => number, rootLine: number): YamlRead {
  const lines = new LineMap(rootLine);
  const issues: YamlRead["issues"] = [];
  // The syntax tree comes from an iterative parser; composing it recurses. Depth is checked on
  // the tree first, so recursion stays bounded instead of ending in a stack overflow, which V8
  // does not always survive (a regex compiled near the stack limit aborts the process).
  const tokens = [...new Parser().parse(source)];
  const shape = firstShapeProblem(tokens);
  if (shape !== undefined) return { value: undefined, lines, valueLine: rootLine, issues: [{ kind: "refused", message: shape.message, line: toLine(shape.offset) }] };
  const doc = composeFirstDocument(tokens, source.length);
  // One report per message and line: after the first syntax error the parser's recovery repeats
  // itself (thirty unclosed "[" are thirty identical lines), and a billion-laughs block would
  // repeat a refused construct hundreds of times.
  const reported = new Set<string>();
  const firstReport = (line: number, message: string): boolean => {
    const key = `${line}:${message}`;
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };
  // Only the first few syntax errors are shown; later ones often follow from them.
  let hidden: { count: number; line: number } | undefined;
  let quotes: Map<number, number> | undefined;
  let flows: number[] | undefined;
  for (const e of doc.errors) {
    // yaml reports an unclosed quote, "[" or "{" where the value ends, often at the next key or
    // the end of the front matter; the editor needs the line where it opens.
    const unclosedQuote = e.code === "MISSING_CHAR" && e.message.endsWith("quote");
    const unclosedFlow = /^Flow (?:sequence|map) in block collection must be sufficiently indented and end with/.test(e.message);
    const offset = unclosedQuote
      ? (quotes ??= quotedValueStarts(tokens)).get(e.pos[0]) ?? e.pos[0]
      : unclosedFlow
        ? lastBefore((flows ??= unclosedFlowStarts(tokens)), e.pos[0]) ?? e.pos[0]
        : e.pos[0];
    const line = toLine(offset);
    const message = `invalid YAML: ${withHint(firstLine(e.message))}`;
    if (!firstReport(line, message)) continue;
    if (issues.length < MAX_SYNTAX_ERRORS) issues.push({ kind: "syntax", message, line });
    else hidden = { count: (hidden?.count ?? 0) + 1, line: hidden?.line ?? line };
  }
  if (hidden) {
    const more = hidden.count === 1 ? "1 more YAML syntax error" : `${hidden.count} more YAML syntax errors`;
    issues.push({ kind: "syntax", message: `${more} from here on, not shown; fix the ones above first, as later ones often follow from them`, line: hidden.line });
  }
  const valueLine = doc.contents ? toLine(doc.contents.range[0]) : rootLine;
  if (issues.length > 0) return { value: undefined, lines, valueLine, issues };

  const refuse = (message: string, node: Node | null | undefined, fallback: number): void => {
    const line = node?.range ? toLine(node.range[0]) : fallback;
    if (firstReport(line, message)) issues.push({ kind: "refused", message, line });
  };

  const build = (node: ParsedNode | null, path: PathSegment[], depth: number): unknown => {
    if (node === null) return null;
    const line = toLine(node.range[0]);
    if (depth > MAX_DEPTH) {
      refuse(TOO_DEEP_MESSAGE, node, line);
      return undefined;
    }
    if (isAlias(node)) {
      refuse(`YAML aliases (*${node.source}) are not accepted; write the value out in full`, node, line);
      return undefined;
    }
    if (node.anchor) refuse(`YAML anchors (&${node.anchor}) are not accepted`, node, line);
    if (node.tag) refuse(`YAML tags (${shortTag(node.tag)}) are not accepted`, node, line);
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const itemPath = [...path, i];
        lines.set(itemPath, item ? toLine(item.range[0]) : line);
        return build(item as ParsedNode | null, itemPath, depth + 1);
      });
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as ParsedNode | null;
        const keyLine = keyNode ? toLine(keyNode.range[0]) : line;
        if (!isScalar(keyNode)) {
          refuse("expected a plain key, found a list or mapping as a key", keyNode, keyLine);
          continue;
        }
        if (keyNode.tag || keyNode.anchor) refuse(`YAML tags and anchors are not accepted on keys`, keyNode, keyLine);
        const key = keyNode.value === null ? "" : String(keyNode.value);
        const keyPath = [...path, key];
        if (!Object.prototype.hasOwnProperty.call(out, key)) lines.set(keyPath, keyLine);
        if (key === "<<") {
          refuse("YAML merge keys (<<) are not accepted; write the fields out in full", keyNode, keyLine);
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          refuse(forbiddenKeyMessage(key), keyNode, keyLine);
          continue;
        }
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          issues.push({ kind: "duplicate", message: `duplicate key ${JSON.stringify(key)}; each key may appear once`, line: keyLine });
          continue;
        }
        out[key] = build(pair.value as ParsedNode | null, keyPath, depth + 1);
      }
      return out;
    }
    refuse("unsupported YAML node", node, line);
    return undefined;
  };

  const value = build(doc.contents, [], 0);
  return { value, lines, valueLine, issues };
}

/** The first document, with yaml's own error when more follow (as `parseDocument` does). */
function composeFirstDocument(tokens: CST.Token[], length: number): Document.Parsed {
  // Errors here are data, never thrown: without stack traces, a hostile file's hundreds of
  // thousands of syntax errors take half the time and a third less memory.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let first: Document.Parsed | undefined;
    for (const doc of new Composer(OPTIONS).compose(tokens, true, length)) {
      if (first === undefined) first = doc;
      else {
        first.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"));
        break;
      }
    }
    return first!;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * The first value or collection nested more than MAX_DEPTH collections deep, or past the
 * MAX_VALUES-th value, walking the syntax tree with an explicit stack: where, and what to say.
 * Scalar keys sit one level below their mapping but are not values, so they do not count, as in `build`.
 * @example firstShapeProblem([...new Parser().parse("a: " + "[".repeat(70))])?.offset // 67, the 65th "["
 */
function firstShapeProblem(tokens: CST.Token[]): { offset: number; message: string } | undefined {
  const stack = tokens.map((token) => ({ token, depth: -1, key: false })).reverse();
  let values = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { token, depth, key } = next;
    const collection = token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection";
    if (depth > MAX_DEPTH && (collection || !key)) return { offset: token.offset, message: TOO_DEEP_MESSAGE };
    if (!key && token.type !== "document" && ++values > MAX_VALUES) return { offset: token.offset, message: TOO_MANY_MESSAGE };
    const childDepth = token.type === "document" ? 0 : depth + 1;
    const children: { token: CST.Token | null | undefined; key: boolean }[] = [];
    if (token.type === "document") children.push({ token: token.value, key: false });
    else if (collection) {
      for (const item of token.items) {
        children.push({ token: item.key, key: true }, { token: item.value, key: false });
        // An empty item ("-" alone, or "key:") is a value too: null.
        if (!item.value && ++values > MAX_VALUES) return { offset: item.key?.offset ?? token.offset, message: TOO_MANY_MESSAGE };
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (child.token) stack.push({ token: child.token, depth: childDepth, key: child.key });
    }
  }
  return undefined;
}

/**
 * Where each quoted key or value starts, by the offset where it ends. Runs after firstShapeProblem,
 * so the recursive CST.visit stays shallow.
 */
function quotedValueStarts(tokens: CST.Token[]): Map<number, number> {
  const starts = new Map<number, number>();
  for (const token of tokens) {
    if (token.type !== "document") continue;
    CST.visit(token, (item) => {
      for (const t of [item.key, item.value]) {
        if (t && (t.type === "double-quoted-scalar" || t.type === "single-quoted-scalar")) starts.set(t.offset + t.source.length, t.offset);
      }
    });
  }
  return starts;
}

/** Where each flow collection ("[" or "{") without its closing bracket starts, in order. */
function unclosedFlowStarts(tokens: CST.Token[]): number[] {
  const starts: number[] = [];
  for (const token of tokens) {
    if (token.type !== "document") continue;
    CST.visit(token, (item) => {
      for (const t of [item.key, item.value]) {
        if (t?.type === "flow-collection" && !t.end.some((e) => e.type === "flow-seq-end" || e.type === "flow-map-end")) starts.push(t.offset);
      }
    });
  }
  return starts.sort((x, y) => x - y);
}

/** The largest of sorted `offsets` at or before `offset`. */
function lastBefore(offsets: readonly number[], offset: number): number | undefined {
  let found: number | undefined;
  for (const o of offsets) if (o <= offset) found = o;
  return found;
}

/** `tag:yaml.org,2002:str` back to the `!!str` an editor wrote. */
function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

// yaml's messages name the rule; editors also want the usual fix.
const HINTS: [RegExp, string][] = [
  [/^Tabs are not allowed as indentation/, "indent with spaces"],
  [/^Missing closing ["']quote/, "end the value with the quote it starts with"],
  [/^Flow (?:sequence|map) in block collection must be sufficiently indented/, "close it after its last item, indenting any lines inside it"],
  [/^Plain value cannot start with reserved character/, "put the value in quotes"],
  [/^Nested mappings are not allowed in compact mappings/, 'a value that contains ": " needs quotes'],
  [/^Implicit map keys need to be followed by map values/, 'write each field as "name: value"'],
  [/^Implicit keys need to be on a single line/, 'write each field as "name: value" on one line'],
];

/** @example withHint("Tabs are not allowed as indentation") // "Tabs are not allowed as indentation; indent with spaces" */
function withHint(message: string): string {
  const hint = HINTS.find(([pattern]) => pattern.test(message))?.[1];
  return hint === undefined ? message : `${message}; ${hint}`;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
