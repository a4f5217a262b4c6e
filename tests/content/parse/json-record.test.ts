import { describe, expect, it } from "vitest";
import { parseJsonObject, refusedKeys } from "../../../src/content/parse/json-record.js";
import { LineMap } from "../../../src/content/paths.js";

describe("parseJsonObject", () => {
  it("refuses more than 100,000 values, as front matter does", () => {
    const parsed = parseJsonObject(`{\n  "x": [\n${"1,\n".repeat(100_000)}1\n  ]\n}\n`);
    expect(parsed).toEqual({ ok: false, issues: [{ message: "holds more than 100,000 values; expected a record of the size an editor writes", line: 100_001 }] });
  });

  it("parses an object and maps keys to lines", () => {
    const parsed = parseJsonObject('{\n  "name": "Kafka",\n  "timeline": [\n    { "date": "2026-01-01" }\n  ]\n}\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.data).toEqual({ name: "Kafka", timeline: [{ date: "2026-01-01" }] });
    expect(parsed.value.lines.get(["name"])).toBe(2);
    expect(parsed.value.lines.get(["timeline", 0, "date"])).toBe(4);
  });

  it.each([
    ["a trailing comma, on the comma's line", '{\n  "a": 1,\n\n}\n', 2, "Expected double-quoted property name; remove the comma after the last item"],
    ["a trailing comma in a list", '{\n  "a": [1, 2,\n  ]\n}\n', 2, "Unexpected token ']'; remove the comma after the last item"],
    ["a comment", '{\n  // the name\n  "a": 1\n}\n', 2, "Expected property name or '}'; JSON has no comments; remove it"],
    ["single quotes", "{\n  'a': 1\n}\n", 2, "Expected property name or '}'; JSON strings and keys use double quotes (\")"],
  ])("names the usual fix for %s", (_, text, line, message) => {
    expect(parseJsonObject(text)).toEqual({ ok: false, issues: [{ message: `invalid JSON: ${message}`, line }] });
  });

  it("reports invalid JSON with a line", () => {
    expect(parseJsonObject('{\n  "a": 1,\n}\n')).toMatchObject({ ok: false, issues: [{ line: 2, message: expect.stringMatching(/^invalid JSON: /) }] });
    expect(parseJsonObject('{\n  "a": \n')).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/^invalid JSON: /) }] });
  });

  it("refuses anything but an object", () => {
    expect(parseJsonObject("[1]")).toEqual({ ok: false, issues: [{ message: "expected a JSON object ({ … }), found a list", line: 1 }] });
    expect(parseJsonObject('"x"')).toMatchObject({ ok: false, issues: [{ message: 'expected a JSON object ({ … }), found "x"' }] });
  });

  it("refuses duplicate keys, which JSON.parse would silently drop", () => {
    expect(parseJsonObject('{\n  "a": 1,\n  "a": 2\n}')).toEqual({ ok: false, issues: [{ message: 'duplicate key "a"; each key may appear once', line: 3 }] });
  });

  it("refuses reserved keys at any depth, with lines", () => {
    const parsed = parseJsonObject('{\n  "__proto__": { "polluted": 1 },\n  "a": [ { "constructor": 1 } ],\n  "b": { "prototype": 1 }\n}');
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { message: 'key "__proto__" is not accepted (reserved name)', line: 2 },
        { message: 'key "constructor" is not accepted (reserved name)', line: 3 },
        { message: 'key "prototype" is not accepted (reserved name)', line: 4 },
      ],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses very deep nesting without overflowing the stack", () => {
    const deep = `{"a": ${"[".repeat(50000)}${"]".repeat(50000)}}`;
    const parsed = parseJsonObject(deep);
    expect(parsed).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining("nesting is deeper than") }] });
    expect(refusedKeys({ a: 1 }, new LineMap(1))).toEqual([]);
  });
});
