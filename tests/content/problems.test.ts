import { describe, expect, it } from "vitest";
import { error, formatProblem, hasErrors, oneLine, sortProblems, warning } from "../../src/content/problems.js";

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
