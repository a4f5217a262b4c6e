import { describe, expect, it } from "vitest";
import { LineMap, forEachString, formatPath, isMissing, valueAt, type PathSegment } from "../../src/content/paths.js";

describe("formatPath", () => {
  it("formats keys and indexes", () => {
    expect(formatPath(["timeline", 2, "date"])).toBe("timeline[2].date");
    expect(formatPath(["metrics", "rating", "value"])).toBe("metrics.rating.value");
    expect(formatPath(["sections", 0, "rows", 1, "cells"])).toBe("sections[0].rows[1].cells");
    expect(formatPath(["capabilities", "Data governance"])).toBe('capabilities["Data governance"]');
    expect(formatPath([])).toBe("");
  });
});

describe("LineMap", () => {
  it("falls back to the nearest known ancestor, then the root line", () => {
    const lines = new LineMap(1);
    lines.set(["timeline"], 9);
    lines.set(["timeline", 0], 10);
    expect(lines.lineOf(["timeline", 0, "date"])).toBe(10);
    expect(lines.lineOf(["timeline", 5])).toBe(9);
    expect(lines.lineOf(["name"])).toBe(1);
    expect(lines.get(["timeline", 0, "date"])).toBeUndefined();
  });
  it("keeps list indexes and numeric keys apart", () => {
    const lines = new LineMap(undefined);
    lines.set(["a", 0], 3);
    expect(lines.get(["a", "0"])).toBeUndefined();
    expect(lines.lineOf(["b"])).toBeUndefined();
  });
});

describe("valueAt / isMissing", () => {
  it("reads own properties only", () => {
    const data = { a: [{ b: 1 }] };
    expect(valueAt(data, ["a", 0, "b"])).toBe(1);
    expect(valueAt(data, ["toString"])).toBeUndefined();
    expect(isMissing(data, ["a", 0, "c"])).toBe(true);
    expect(isMissing(data, ["a", 0, "b"])).toBe(false);
    expect(isMissing(data, ["a", 3])).toBe(false);
  });
});

describe("forEachString", () => {
  it("visits every string with its path, in document order, and only strings", () => {
    const found: [string, PathSegment[]][] = [];
    forEachString({ a: ["x", 1, { b: "y" }], c: null, d: true, e: "z" }, (value, path) => found.push([value, [...path]]));
    expect(found).toEqual([["x", ["a", 0]], ["y", ["a", 2, "b"]], ["z", ["e"]]]);
  });
});
