import { describe, expect, it } from "vitest";
import { error, formatProblem, hasErrors, limitPerFile, mergeProblems, oneLine, sortProblems, warning } from "../../src/content/problems.js";

describe("formatProblem", () => {
  it("prints file:line: field: message", () => {
    const p = error("content/products/redpanda.md", 'expected an ISO 8601 date, found "2026-13-01"', { line: 7, field: "timeline[2].date" });
    expect(formatProblem(p)).toBe('content/products/redpanda.md:7: timeline[2].date: expected an ISO 8601 date, found "2026-13-01"');
  });

  it("omits the line when unknown and the field when empty", () => {
    expect(formatProblem(error("content/products/a.md", "file is empty"))).toBe("content/products/a.md: file is empty");
    expect(formatProblem(error("a.md", "m", { field: "body" }))).toBe("a.md: body: m");
    expect(formatProblem(error("a.md", "m", { line: 3 }))).toBe("a.md:3: m");
  });

  it("prefixes warnings", () => {
    expect(formatProblem(warning("content/products/notes.txt", "ignored"))).toBe("warning: content/products/notes.txt: ignored");
  });

  it("keeps hostile text on one line", () => {
    const p = error("content/products/a\nb.md", "bad\r\nvalue\u001b", { line: 2, field: "x\ny" });
    const line = formatProblem(p);
    expect(line).not.toMatch(/[\n\r\u001b]/);
    expect(line).toBe("content/products/a\\nb.md:2: x\\ny: bad\\r\\nvalue\\u001b");
    expect(oneLine("\u2028")).toBe("\\u2028");
  });

  it("shows invisible and direction-changing characters, so a key never looks like the name it is mistaken for", () => {
    expect(formatProblem(error("content/products/a.md", 'unknown field "website\u200b"; did you mean "website"?', { line: 3, field: "website\u200b" }))).toBe(
      'content/products/a.md:3: website\\u200b: unknown field "website\\u200b"; did you mean "website"?',
    );
    expect(oneLine("a\u202eb\u0085c\u{e0041}")).toBe("a\\u202eb\\u0085c\\u{e0041}");
    expect(oneLine("café ✓ 日本")).toBe("café ✓ 日本");
  });
});

describe("sortProblems", () => {
  it("sorts by file, then line (unknown first), then field, stably", () => {
    const problems = [
      error("b.md", "1", { line: 2 }),
      error("a.md", "2", { line: 9, field: "z" }),
      error("a.md", "3", { line: 9, field: "a" }),
      error("a.md", "4"),
      error("a.md", "5", { line: 1 }),
      error("a.md", "6", { line: 1 }),
    ];
    expect(sortProblems(problems).map((p) => p.message)).toEqual(["4", "5", "6", "3", "2", "1"]);
    expect(problems[0]!.message).toBe("1");
  });

  it("orders the numbers in field paths as numbers", () => {
    const fields = ["facts.k10", "facts.k2", "timeline[10].date", "timeline[9].title", "timeline[9].date", "facts.k1"];
    expect(sortProblems(fields.map((field) => error("a.md", "x", { line: 3, field }))).map((p) => p.field)).toEqual([
      "facts.k1", "facts.k2", "facts.k10", "timeline[9].date", "timeline[9].title", "timeline[10].date",
    ]);
  });
});

// Regression: with 60 problems on one line, check printed the file's "10 more problems … from
// here on" line first, since its empty field sorted before the others when warnings were added.
describe("mergeProblems", () => {
  it("keeps a file's closing 'more problems' line after its shown problems, and puts warnings in place", () => {
    const found = Array.from({ length: 4 }, (_, i) => error("a.md", `bad ${i}`, { line: 21, field: `facts.k${i}` }));
    const limited = limitPerFile(sortProblems(found), 2);
    const merged = mergeProblems(limited, [warning("a.md", "stale", { line: 7, field: "updated" }), warning("b.md", "stale", { line: 7, field: "updated" })]);
    expect(merged.map((p) => formatProblem(p))).toEqual([
      "warning: a.md:7: updated: stale",
      "a.md:21: facts.k0: bad 0",
      "a.md:21: facts.k1: bad 1",
      "a.md:21: 2 more problems in this file from here on, not shown; fix the ones above and run check again",
      "warning: b.md:7: updated: stale",
    ]);
  });

  it("compares by code unit, not locale", () => {
    expect(sortProblems([error("a.md", "lower"), error("B.md", "upper")]).map((p) => p.file)).toEqual(["B.md", "a.md"]);
  });
});

describe("hasErrors", () => {
  it("ignores warnings", () => {
    expect(hasErrors([warning("a", "w")])).toBe(false);
    expect(hasErrors([warning("a", "w"), error("b", "e")])).toBe(true);
  });
});

describe("limitPerFile", () => {
  const many = (file: string, n: number, make = error) => Array.from({ length: n }, (_, i) => make(file, `m${i}`, { line: i + 1 }));

  it("keeps files at or under the limit as they are", () => {
    const problems = [...many("a.md", 3), ...many("b.md", 2)];
    expect(limitPerFile(problems, 3)).toEqual(problems);
  });

  it("keeps the first problems of a file over the limit and counts the rest in one line at the first hidden one", () => {
    const out = limitPerFile([...many("a.md", 1), ...many("b.md", 5), ...many("c.md", 1)], 2);
    expect(out.map(formatProblem)).toEqual([
      "a.md:1: m0",
      "b.md:1: m0",
      "b.md:2: m1",
      "b.md:3: 3 more problems in this file from here on, not shown; fix the ones above and run check again",
      "c.md:1: m0",
    ]);
  });

  it("says problem for one, and makes the line an error only when a hidden problem is one", () => {
    const onlyWarnings = limitPerFile([...many("a.md", 2, warning)], 1);
    expect(onlyWarnings.map(formatProblem)).toEqual(["warning: a.md:1: m0", "warning: a.md:2: 1 more problem in this file from here on, not shown; fix the ones above and run check again"]);
    const hiddenError = limitPerFile([warning("a.md", "w", { line: 1 }), warning("a.md", "w", { line: 2 }), error("a.md", "e", { line: 3 })], 1);
    expect(hiddenError[1]!.severity).toBe("error");
    expect(hasErrors(hiddenError)).toBe(true);
  });
});
