import { describe, expect, it } from "vitest";
import { readBody } from "../../../src/content/parse/body-sections.js";

const splitSections = (body: string, firstLine?: number) => readBody(body, firstLine).sections;
const textBeforeSections = (body: string) => readBody(body).intro;

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

describe("textBeforeSections", () => {
  it("finds the first line of text above the first heading", () => {
    expect(textBeforeSections("\nAn intro.\n## Current state\nStable.")).toBe(1);
    expect(textBeforeSections("```\n## Current state\n```\n## Current state\nStable.")).toBe(0);
  });

  it("counts blank lines, HTML comments and text under a heading as nothing before the sections", () => {
    expect(textBeforeSections("\n\n## Current state\nStable.")).toBeUndefined();
    expect(textBeforeSections("<!-- a note -->\n<!-- one\nover lines -->\n## Current state\nx")).toBeUndefined();
    expect(textBeforeSections("<!-- a note --> but this shows\n## Current state\nx")).toBe(0);
    expect(textBeforeSections("<!-- one\nover lines --> shown\n## Current state\nx")).toBe(1);
    expect(textBeforeSections("")).toBeUndefined();
  });
});

// Regression: above the sections, a "##" line inside an HTML comment started a section that was
// published with a visible "-->", and a fence inside one hid every heading after it.
describe("HTML comments above the sections", () => {
  const sections = "## Current state\nc\n## Where it's heading\nw\n## Prediction\np";
  it("hide the headings and fences they hold", () => {
    expect(splitSections(`<!--\n## Draft notes\nold stuff\n-->\n\n${sections}`).map((s) => s.title)).toEqual(["Current state", "Where it's heading", "Prediction"]);
    expect(splitSections(`<!-- example:\n\`\`\`\n-->\n${sections}`).map((s) => s.title)).toEqual(["Current state", "Where it's heading", "Prediction"]);
    expect(textBeforeSections(`<!--\n## Draft\n-->\n${sections}`)).toBeUndefined();
    expect(textBeforeSections(`<!--\n## Draft\n--> shown\n${sections}`)).toBe(2);
  });

  it("read CR-only line breaks, which a JSON body may hold", () => {
    expect(splitSections(sections.replace(/\n/g, "\r")).map((s) => s.title)).toEqual(["Current state", "Where it's heading", "Prediction"]);
  });
});
