import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "../../../src/content/parse/json-syntax.js";

describe("jsonErrorOffset", () => {
  it("points at the first offending character", () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset("[1, 2")).toBe(5);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('"\\x"')).toBe(2);
    expect(jsonErrorOffset("[1] x")).toBe(4);
    expect(jsonErrorOffset("")).toBe(0);
  });

  it("accepts what JSON.parse accepts and rejects what it rejects", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === undefined).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it("handles deep nesting without recursion", () => {
    expect(jsonErrorOffset(`${"[".repeat(100000)}${"]".repeat(100000)}`)).toBeUndefined();
  });
});
