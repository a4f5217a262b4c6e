import { describe, expect, it } from "vitest";
import { checkProductBody } from "../../src/content/body-checks.js";

describe("checkProductBody", () => {
  it("accepts the three sections in any order, with more after", () => {
    const body = "## Prediction\np\n## Current state\nc\n## Where it's heading\nw\n## History\nh\n";
    const { sections, problems } = checkProductBody(body, 10);
    expect(problems).toEqual([]);
    expect(sections.map((s) => s.title)).toEqual(["Prediction", "Current state", "Where it's heading", "History"]);
  });

  it("names each missing section", () => {
    expect(checkProductBody("## Current state\nx\n", 6).problems).toEqual([
      { line: undefined, message: `missing section "## Where it's heading"` },
      { line: undefined, message: `missing section "## Prediction"` },
    ]);
  });

  it("suggests a near-miss heading and points at it", () => {
    expect(checkProductBody("## Current State\nx\n## Where it's heading\n## Predictions\n", 6).problems).toEqual([
      { line: 6, message: `missing section "## Current state"; did you mean "## Current State"?` },
      { line: 9, message: `missing section "## Prediction"; did you mean "## Predictions"?` },
    ]);
  });

  it("reports a repeated section at its second heading", () => {
    const body = "## Current state\n\n## Where it's heading\n\n## Prediction\n\n## Prediction\n";
    expect(checkProductBody(body, 20).problems).toEqual([
      { line: 26, message: 'duplicate section "## Prediction" (first at line 24); each section title may appear once' },
    ]);
  });

  // Regression: a paragraph above "## Current state" built without a word and showed on no page.
  it("reports text above the first heading, on its line, since no page shows it", () => {
    const body = "\nKafka is a log.\n## Current state\nc\n## Where it's heading\nw\n## Prediction\np\n";
    expect(checkProductBody(body, 9).problems).toEqual([{ line: 10, message: 'text above the first "##" heading is shown on no page; put it under a section or remove it' }]);
    expect(checkProductBody(body.replace("Kafka is a log.", "<!-- editor's note -->"), 9).problems).toEqual([]);
  });

  it("says a field-like line above the sections is below the '---' that ends the fields", () => {
    const body = "logo: /assets/logos/kafka.svg\n## Current state\nc\n## Where it's heading\nw\n## Prediction\np\n";
    expect(checkProductBody(body, 9).problems).toEqual([
      { line: 9, message: 'text above the first "##" heading is shown on no page; put it under a section or remove it; "logo:" is below the "---" on line 8, which ends the fields' },
    ]);
  });

  it("names a comment above the sections that never closes, which hides them", () => {
    const body = "<!-- draft\n## Current state\nc\n## Where it's heading\nw\n## Prediction\np\n";
    expect(checkProductBody(body, 9).problems).toEqual([{ line: 9, message: 'this "<!--" opens a comment that no "-->" closes, so it hides every section below it' }]);
  });

  it("uses the fallback line for JSON bodies", () => {
    expect(checkProductBody("", undefined, 12).problems.map((p) => p.line)).toEqual([12, 12, 12]);
  });
});
