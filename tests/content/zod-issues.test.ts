import { describe, expect, it } from "vitest";
import { LineMap } from "../../src/content/paths.js";
import { allowedKeys } from "../../src/content/schema-keys.js";
import { comparisonSchema, matrixSchema, productSchema, siteSchema } from "../../src/content/schema/index.js";
import { PARSE_OPTIONS, issuesToProblems } from "../../src/content/zod-issues.js";
import type { z } from "zod";

function problems(schema: z.ZodType, data: unknown, lines = new LineMap(1)) {
  const result = schema.safeParse(data, PARSE_OPTIONS);
  if (result.success) return [];
  return issuesToProblems(result.error.issues, data, lines, schema).map((p) => `${p.line}: ${p.field}: ${p.message}`);
}

const product = {
  name: "P",
  sector: "s",
  website: "https://p.example",
  tagline: "t",
  summary: "s",
  updated: "2026-01-01",
};

describe("issuesToProblems", () => {
  it("words type, range and enum problems as expected/found", () => {
    expect(problems(productSchema, { ...product, velocity: 12, timeline: [{ date: "2026-13-01", title: ["x"], kind: "relase" }] })).toEqual([
      "1: velocity: expected a number from 0 to 10, found 12",
      '1: timeline[0].date: expected an ISO 8601 date, found "2026-13-01"',
      "1: timeline[0].title: expected a string, found a list",
      '1: timeline[0].kind: expected one of release, bugfix, announcement, post, found "relase"',
    ]);
  });

  it("uses the line of the key, or its nearest ancestor", () => {
    const lines = new LineMap(1);
    lines.set(["timeline"], 9);
    lines.set(["timeline", 0], 10);
    lines.set(["timeline", 0, "date"], 11);
    expect(problems(productSchema, { ...product, timeline: [{ date: "nope" }] }, lines)).toEqual([
      '11: timeline[0].date: expected an ISO 8601 date, found "nope"',
      "10: timeline[0].title: required field is missing",
    ]);
  });

  it("reports each unknown key with a suggestion, and not also the key it probably meant", () => {
    const { tagline, ...rest } = product;
    expect(problems(productSchema, { ...rest, taglin: tagline, colour: "red" })).toEqual([
      '1: taglin: unknown field "taglin"; did you mean "tagline"?',
      '1: colour: unknown field "colour"; expected one of aliases, capabilities, choose_if, facts, logo, metrics, name, sector, summary, tagline, themes, timeline, updated, velocity, website',
    ]);
  });

  it("does not repeat a length complaint after a type mismatch", () => {
    expect(problems(productSchema, { ...product, themes: "share-groups" })).toEqual(['1: themes: expected a list, found "share-groups"']);
  });

  it("explains a union by its closest branch", () => {
    const data = { verdict: "v", rows: [{ label: "L", a: "x" }, { fact: "x", label: "y" }, 5, { labl: "L", a: "x", b: "y" }] };
    expect(problems(comparisonSchema, data)).toEqual([
      "1: rows[0].b: required field is missing",
      '1: rows[1].label: unknown field "label"; expected only "fact"',
      "1: rows[2]: expected a mapping, found 5",
      '1: rows[3].labl: unknown field "labl"; did you mean "label"?',
    ]);
  });

  it("reports matrix column agreement even when other fields are wrong", () => {
    const data = { title: 5, description: "d", columns: ["a", "b"], sections: [{ title: "S", rows: [{ feature: "F", cells: { a: "x" } }] }] };
    expect(problems(matrixSchema, data)).toEqual([
      "1: title: expected a string, found the number 5; put it in double quotes to keep it as written",
      '1: sections[0].rows[0].cells: row "F" is missing column "b"',
    ]);
  });

  // Regression: one misspelt column made two problems on every row (missing and extra cell).
  it("reports a row's missing and extra cell, mostly one name spelt two ways, in one line", () => {
    const data = { title: "T", description: "d", columns: ["kafak", "b"], sections: [{ title: "S", rows: [{ feature: "F", cells: { kafka: "x", b: "y" } }] }] };
    expect(problems(matrixSchema, data)).toEqual([
      '1: sections[0].rows[0].cells: row "F" has a cell for "kafka", which is not a column, and none for column "kafak"; use the same name in both places',
    ]);
  });

  it("keeps schema messages and adds what was found", () => {
    expect(problems(siteSchema, { name: "n", url: "ftp://x", description: "d", alternatives_limit: 0 })).toEqual([
      `1: url: expected the site's https address, such as https://versus.example.com or https://user.github.io/repo/, found "ftp://x"`,
      "1: alternatives_limit: expected a whole number from 1 to 50, found 0",
    ]);
  });
});

describe("allowedKeys", () => {
  it("finds the keys of nested strict objects", () => {
    expect(allowedKeys(productSchema, ["timeline", 0])).toEqual(["date", "kind", "spark", "title", "url"]);
    expect(allowedKeys(productSchema, ["metrics", "rating"])).toEqual(["count", "scale", "source", "value"]);
    expect(allowedKeys(matrixSchema, ["sections", 0, "rows", 0, "cells", "a"])).toEqual(["badge", "strong", "text"]);
  });
  it("through a union, keeps the branches that could hold the unknown key", () => {
    expect(allowedKeys(comparisonSchema, ["rows", 0])).toEqual(["a", "b", "fact", "label"]);
    expect(allowedKeys(comparisonSchema, ["rows", 0], ["label"])).toEqual(["fact"]);
  });
});
