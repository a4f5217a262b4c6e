/** One step into a parsed value: an object key or a list index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z0-9_-]+$/;

/**
 * Formats a value path the way editors read it; keys that are not plain words are quoted so
 * the path stays unambiguous.
 * @example formatPath(["timeline", 2, "date"]) // "timeline[2].date"
 * @example formatPath(["capabilities", "Data governance"]) // 'capabilities["Data governance"]'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * File lines of the keys and list items of one record, by value path. Built by the parsers
 * from source ranges so every problem can point at the line an editor has to change.
 * @example
 * const lines = new LineMap(1);
 * lines.set(["timeline", 2, "date"], 14);
 * lines.lineOf(["timeline", 2, "date", "x"]) // 14: the nearest known ancestor
 */
export class LineMap {
  private readonly lines = new Map<string, number>();

  /** @param rootLine line reported for problems on the record as a whole (the fence, or `{`). */
  constructor(readonly rootLine: number | undefined) {}

  set(path: readonly PathSegment[], line: number): void {
    this.lines.set(key(path), line);
  }

  /** Exact line of a path, if the source holds it. */
  get(path: readonly PathSegment[]): number | undefined {
    return this.lines.get(key(path));
  }

  /** Every path key and line, for storing the map (see fromEntries). */
  entries(): [string, number][] {
    return [...this.lines];
  }

  /** A map rebuilt from `entries()`. */
  static fromEntries(rootLine: number | undefined, entries: Iterable<[string, number]>): LineMap {
    const map = new LineMap(rootLine);
    for (const [k, line] of entries) map.lines.set(k, line);
    return map;
  }

  /** Line of the path, else of its nearest ancestor that exists, else the root line. */
  lineOf(path: readonly PathSegment[]): number | undefined {
    for (let n = path.length; n > 0; n--) {
      const line = this.lines.get(key(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return this.rootLine;
  }
}

// JSON keeps numbers and strings apart, so `a[0]` and `a["0"]` never collide.
function key(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

/**
 * Reads the value at a path of plain parsed data; undefined when any step is missing.
 * @example valueAt({ a: [{ b: 1 }] }, ["a", 0, "b"]) // 1
 */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/**
 * Whether the path's last key is absent from an object parent (a missing field).
 * @example isMissing({ a: {} }, ["a", "b"]) // true
 */
export function isMissing(data: unknown, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return data === undefined;
  const parent = valueAt(data, path.slice(0, -1));
  const last = path[path.length - 1]!;
  return parent !== null && typeof parent === "object" && !Array.isArray(parent)
    && !Object.prototype.hasOwnProperty.call(parent, last);
}

/**
 * Calls `visit` with every string in parsed data and its path, in document order. The path is
 * one array, changed as the walk goes: copy it to keep it. (A generator with a new path per
 * value took six times as long, on every record of a cold load.)
 * @example forEachString({ a: ["x", 1], b: "y" }, (value, path) => found.push([value, [...path]])) // [["x", ["a", 0]], ["y", ["b"]]]
 */
export function forEachString(data: unknown, visit: (value: string, path: readonly PathSegment[]) => void, path: PathSegment[] = []): void {
  if (typeof data === "string") visit(data, path);
  else if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      path.push(i);
      forEachString(data[i], visit, path);
      path.pop();
    }
  } else if (data !== null && typeof data === "object") {
    for (const [k, v] of Object.entries(data)) {
      path.push(k);
      forEachString(v, visit, path);
      path.pop();
    }
  }
}
