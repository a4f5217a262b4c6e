import { describe, expect, it } from "vitest";
import { PLACEHOLDER_PATTERN, findBodyPlaceholders, findFieldPlaceholders, isPlaceholder, placeholderMessage } from "../../src/content/placeholders.js";
import { LineMap } from "../../src/content/paths.js";

describe("PLACEHOLDER_PATTERN", () => {
  it("matches TODO as a word at the start", () => {
    for (const text of ["TODO", "TODO: headline", "TODO write", "TODO."]) expect(PLACEHOLDER_PATTERN.test(text)).toBe(true);
    for (const text of ["TODOS", "todo: x", " TODO", "Not a TODO", "TODO_x"]) expect(PLACEHOLDER_PATTERN.test(text)).toBe(false);
    expect(isPlaceholder(3)).toBe(false);
  });
});

describe("findFieldPlaceholders", () => {
  it("finds strings anywhere, with field paths and lines", () => {
    const lines = new LineMap(1);
    lines.set(["tagline"], 5);
    lines.set(["timeline", 0], 9);
    const found = findFieldPlaceholders({ tagline: "TODO: x", ok: "fine", timeline: [{ title: "TODO" }] }, lines);
    expect(found.map((p) => [p.field, p.line, p.text])).toEqual([
      ["tagline", 5, "TODO: x"],
      ["timeline[0].title", 9, "TODO"],
    ]);
  });
});

describe("findBodyPlaceholders", () => {
  it("reports lines that start with TODO, with file lines", () => {
    expect(findBodyPlaceholders("a\nTODO: b\n  TODO no\nTODO", 10).map((p) => [p.line, p.text])).toEqual([
      [11, "TODO: b"],
      [13, "TODO"],
    ]);
  });
  it("uses the fallback line for JSON bodies", () => {
    expect(findBodyPlaceholders("TODO", undefined, 7)[0]!.line).toBe(7);
  });
});

describe("placeholderMessage", () => {
  it("quotes and shortens", () => {
    expect(placeholderMessage("TODO: headline")).toBe('not yet written (placeholder "TODO: headline")');
    expect(placeholderMessage(`TODO ${"x".repeat(100)}`)).toMatch(/…"\)$/);
  });
});
