import { describe, expect, it } from "vitest";
import { splitSections } from "../../../src/content/parse/body-sections.js";

describe("splitSections", () => {
  it("splits at ## headings, drops the intro and trims", () => {
    const body = "Intro.\n\n## Current state\n\nStable.\n\n### Detail\n\nMore.\n\n## Prediction ##\nGrows.\n";
    expect(splitSections(body, 10)).toEqual([
      { title: "Current state", markdown: "Stable.\n\n### Detail\n\nMore.", line: 12 },
      { title: "Prediction", markdown: "Grows.", line: 20 },
    ]);
  });

  it("ignores headings inside fenced code and needs a space after ##", () => {
    const body = "## A\n```md\n## Not a heading\n```\n~~~\n## Nor this\n~~~\n##Nope\n## B\n";
    expect(splitSections(body).map((s) => [s.title, s.line])).toEqual([
      ["A", undefined],
      ["B", undefined],
    ]);
  });

  it("returns nothing for a body without sections", () => {
    expect(splitSections("")).toEqual([]);
    expect(splitSections("# Title\ntext")).toEqual([]);
  });
});
