/** A problem found while parsing one file, before the file name is attached. */
export interface ParseIssue {
  message: string;
  line?: number | undefined;
  field?: string;
}

/**
 * Parsers return issues instead of throwing, so one bad file never hides the others. A value
 * can come with issues that do not stop its validation (a duplicate key, a refused YAML
 * anchor), so the editor sees those and the schema's problems at once.
 */
export type Parsed<T> = { ok: true; value: T; issues?: ParseIssue[] } | { ok: false; issues: ParseIssue[] };

/**
 * @example fail("file is empty") // { ok: false, issues: [{ message: "file is empty" }] }
 */
export function fail(message: string, line?: number, field?: string): { ok: false; issues: ParseIssue[] } {
  const issue: ParseIssue = { message };
  if (line !== undefined) issue.line = line;
  if (field !== undefined) issue.field = field;
  return { ok: false, issues: [issue] };
}

/**
 * 1-based line of a character offset, counting `\n` only (text is normalized to LF first).
 * @example lineAt("a\nb\nc", 2) // 2
 */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Maps many offsets of one text to lines quickly (binary search over line starts); the record
 * parsers call it once per key.
 * @example lineCounter("a\nb")(2) // 2
 */
export function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
