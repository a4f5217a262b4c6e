/** Cross-reference problems, each checked as data: severity, file, line and field. */
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanupRoots, lines, load, md, product, ROOTS } from "./helpers.js";

afterAll(cleanupRoots);

describe("cross references", () => {
  it("unknown sector: on the sector key's line", async () => {
    const result = await load({ overlay: "unknown-sector" });
    expect(result.problems).toEqual([
      {
        severity: "error",
        file: "content/products/argo-cd.md",
        line: 3,
        field: "sector",
        message: 'unknown sector "devopz"; expected one of data-analytics, devops, streaming; did you mean "devops"?',
      },
    ]);
  });

  it("a sector file with errors still counts as existing", async () => {
    const result = await load({ files: { "content/sectors/streaming.md": md("name: Streaming") } });
    expect(result.problems.map((p) => p.field)).toEqual(["description"]);
  });

  // Regression: a sector file refused for its name made every product of the sector also say
  // 'unknown sector "streaming"; there are no sectors yet'.
  it("a sector or product file refused for its name still counts as existing", async () => {
    const fixture = (file: string) => readFileSync(join(ROOTS, "minimal", file), "utf8");
    const result = await load({
      files: {
        "content/sectors/streaming.md": null,
        "content/sectors/Streaming.md": fixture("content/sectors/streaming.md"),
        "content/products/nats.md": null,
        "content/products/NATS.md": fixture("content/products/nats.md"),
        "data/metrics/nats.json": '{ "as_of": "2026-01-01", "github_stars": 10 }\n',
      },
    });
    expect(lines(result)).toEqual([
      'content/products/NATS.md: file name "NATS" is not a valid slug; expected lowercase letters, digits and single hyphens, at most 64 characters',
      'content/sectors/Streaming.md: file name "Streaming" is not a valid slug; expected lowercase letters, digits and single hyphens, at most 64 characters',
    ]);
  });

  it("unknown matrix column: on the column's line", async () => {
    const result = await load({ overlay: "unknown-matrix-column" });
    expect(result.problems).toEqual([
      {
        severity: "error",
        file: "content/matrices/brokers.md",
        line: 6,
        field: "columns[1]",
        message: 'unknown product "redpnda"; expected one of apache-kafka, nats, redpanda; did you mean "redpanda"?',
      },
    ]);
  });

  // Regression: a column naming a renamed product's old slug got no hint that it was renamed.
  it("a matrix column with a renamed product's old slug is told the new one", async () => {
    const fixture = (file: string) => readFileSync(join(ROOTS, file), "utf8");
    const result = await load({
      overlay: "unknown-matrix-column",
      files: { "content/products/redpanda.md": fixture("minimal/content/products/redpanda.md").replace("name: Redpanda", "name: Redpanda\naliases: [redpnda]") },
    });
    expect(result.problems.map((p) => [p.line, p.field, p.message])).toEqual([[6, "columns[1]", '"redpnda" is an old slug of redpanda (one of its aliases); use "redpanda"']]);
  });

  it("reversed comparison file name: the whole file, no line", async () => {
    const result = await load({ overlay: "reversed-comparison" });
    expect(result.problems).toEqual([
      {
        severity: "error",
        file: "content/comparisons/redpanda-vs-apache-kafka.md",
        field: "",
        message: "expected the two products in alphabetical order; rename the file to apache-kafka-vs-redpanda.md",
      },
    ]);
    expect(result.problems[0]!.line).toBeUndefined();
  });

  it("a comparison naming a product whose file has errors is not also unknown", async () => {
    const result = await load({
      files: { "content/products/redpanda.md": product("velocity: 99"), "content/comparisons/apache-kafka-vs-redpanda.md": md("verdict: v") },
    });
    expect(result.problems.map((p) => `${p.file}:${p.line}: ${p.field}`)).toEqual(["content/products/redpanda.md:8: velocity"]);
  });

  it("alias collisions: on each alias item's line", async () => {
    const result = await load({ overlay: "alias-collision" });
    expect(result.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [10, "aliases[1]", 'alias "redpanda" is already the slug of content/products/redpanda.md'],
      [11, "aliases[2]", 'alias "kafka" is also an alias of content/products/apache-kafka.md'],
      [12, "aliases[3]", 'alias "nats-io" is listed twice'],
    ]);
  });

  it("an alias equal to the product's own slug", async () => {
    const result = await load({ files: { "content/products/t.md": product("aliases: [t]") } });
    expect(result.problems.map((p) => [p.line, p.field, p.message])).toEqual([[8, "aliases[0]", `alias "t" is this product's own slug`]]);
  });

  it("duplicate slug (.md and .json): names the file, no line", async () => {
    const result = await load({ overlay: "duplicate-slug" });
    expect(result.problems).toEqual([
      { severity: "error", file: "content/products/nats.json", field: "", message: 'slug "nats" also has content/products/nats.md; keep one of the two files' },
    ]);
  });

  it("fact rows: an error when in neither product, a warning when in one", async () => {
    const result = await load({ overlay: "fact-rows" });
    expect(result.problems.map((p) => [p.severity, p.line, p.field])).toEqual([
      ["warning", 5, "rows[1].fact"],
      ["error", 6, "rows[2].fact"],
    ]);
  });

  it("fact rows are checked even when the comparison and a product have other errors (all mistakes at once)", async () => {
    const fixture = (file: string) => readFileSync(join(ROOTS, file), "utf8");
    const result = await load({
      overlay: "fact-rows",
      files: {
        "content/comparisons/apache-kafka-vs-redpanda.md": fixture("fact-rows/content/comparisons/apache-kafka-vs-redpanda.md").replace("verdict: Both are fine.", "verdict: 42"),
        "content/products/apache-kafka.md": fixture("minimal/content/products/apache-kafka.md").replace("website: https://", "website: ftp://"),
      },
    });
    expect(result.problems.map((p) => [p.file, p.severity, p.line, p.field])).toEqual([
      ["content/comparisons/apache-kafka-vs-redpanda.md", "error", 2, "verdict"],
      ["content/comparisons/apache-kafka-vs-redpanda.md", "warning", 5, "rows[1].fact"],
      ["content/comparisons/apache-kafka-vs-redpanda.md", "error", 6, "rows[2].fact"],
      ["content/products/apache-kafka.md", "error", 4, "website"],
    ]);
  });

  it("a product file that cannot be parsed does not make its facts 'missing' from a comparison", async () => {
    const fixture = (file: string) => readFileSync(join(ROOTS, file), "utf8");
    const result = await load({
      overlay: "fact-rows",
      files: { "content/products/apache-kafka.md": fixture("minimal/content/products/apache-kafka.md").replace("website: https://", 'website: "https://') },
    });
    expect(result.problems.map((p) => [p.file, p.severity, p.field])).toEqual([["content/products/apache-kafka.md", "error", ""]]);
    expect(result.problems[0]!.message).toMatch(/^invalid YAML/);
  });

  // Regression: a stray "---" above `updated` made the comparison warn that "license" was
  // missing from apache-kafka.md, where it was, below the "---".
  it("a product whose fields a stray '---' cut short does not make its facts 'missing'", async () => {
    const kafka = readFileSync(join(ROOTS, "minimal/content/products/apache-kafka.md"), "utf8").replace("updated: 2026-05-04", "---\nupdated: 2026-05-04");
    const result = await load({ overlay: "fact-rows", files: { "content/products/apache-kafka.md": kafka } });
    expect(result.problems.filter((p) => p.file.startsWith("content/comparisons/"))).toEqual([]);
    expect(result.problems.map((p) => [p.file, p.line, p.field])).toEqual([["content/products/apache-kafka.md", 9, "updated"]]);
  });

  it("metrics files: must name a product, and not double a product's metrics", async () => {
    const result = await load({ overlay: "metrics-files" });
    expect(result.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ["content/products/redpanda.md", 10, "metrics"],
      ["data/metrics/ghost.json", undefined, ""],
      ["data/metrics/nats.json", 3, "github_stars"],
    ]);
  });

  it("a metrics file fills in a product's metrics", async () => {
    const result = await load({ files: { "data/metrics/nats.json": '{ "as_of": "2026-05-01", "github_stars": 7 }' } });
    expect(result.problems).toEqual([]);
    expect(result.content!.products.find((p) => p.slug === "nats")!.metrics).toEqual({ as_of: "2026-05-01", github_stars: 7 });
  });

  it("a metrics file with a misspelled product name gets a suggestion", async () => {
    const result = await load({ files: { "data/metrics/natz.json": '{ "as_of": "2026-05-01" }' } });
    expect(result.problems.map((p) => p.message)).toEqual([
      'no product "natz" for these metrics; expected a file named after a product in content/products; did you mean data/metrics/nats.json?',
    ]);
  });
});
