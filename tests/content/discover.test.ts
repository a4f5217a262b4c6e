import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discover } from "../../src/content/discover.js";
import { cleanupRoots, makeRoot } from "./helpers.js";

afterAll(cleanupRoots);

describe("discover", () => {
  it("lists records by kind, sorted by slug, ignoring dotfiles", async () => {
    const root = await makeRoot({ files: { "content/products/.DS_Store": "x", "content/products/b.json": "{}", "data/metrics/nats.json": "{}" } });
    const found = await discover(root);
    expect(found.problems).toEqual([]);
    expect(found.records.products.map((f) => [f.slug, f.file, f.format])).toEqual([
      ["apache-kafka", "content/products/apache-kafka.md", "md"],
      ["b", "content/products/b.json", "json"],
      ["nats", "content/products/nats.md", "md"],
      ["redpanda", "content/products/redpanda.md", "md"],
    ]);
    expect(found.records.comparisons).toEqual([]);
    expect(found.metrics.map((f) => f.file)).toEqual(["data/metrics/nats.json"]);
  });

  it("keeps the .md when a slug has both files, and warns about other files", async () => {
    const root = await makeRoot({ files: { "content/products/nats.json": "{}", "data/metrics/notes.md": "x" } });
    const found = await discover(root);
    expect(found.records.products.find((f) => f.slug === "nats")!.format).toBe("md");
    expect(found.problems.map((p) => [p.severity, p.file])).toEqual([
      ["error", "content/products/nats.json"],
      ["warning", "data/metrics/notes.md"],
    ]);
  });

  // Regression: a product in content/product/ (one letter short) was left out without a word.
  it("warns of folders and files in content/ and data/ that it does not read, with the near name", async () => {
    const root = await makeRoot({
      files: { "content/product/new.md": "x", "content/README.md": "x", "content/.keep": "", "data/sites.json": "{}", "data/metric/x.json": "{}" },
    });
    const found = await discover(root);
    expect(found.problems.map((p) => `${p.severity}: ${p.file}: ${p.message}`)).toEqual([
      "warning: content/product: ignored: Versus reads only content/comparisons, content/matrices, content/products, content/sectors here; did you mean content/products?",
      "warning: data/metric: ignored: Versus reads only data/metrics, data/site.json here; did you mean data/metrics?",
      "warning: data/sites.json: ignored: Versus reads only data/metrics, data/site.json here; did you mean data/site.json?",
    ]);
  });

  // Regression: content/products/README.md was refused as a product with an invalid slug.
  it("lets READMEs be in every folder it reads, and a product be named readme", async () => {
    const root = await makeRoot({ files: { "content/products/README.md": "# Products", "content/products/readme.md": "x", "content/sectors/README.txt": "x", "data/metrics/README": "x", "data/Readme.txt": "x" } });
    const found = await discover(root);
    expect(found.problems).toEqual([]);
    expect(found.records.products.map((f) => f.slug)).toEqual(["apache-kafka", "nats", "readme", "redpanda"]);
  });

  // Regression: content/products/prototype.md loaded, then a matrix naming it as a column was
  // refused as using a reserved key, and said the column was missing from every row.
  it("refuses the slugs a record may not use as a key", async () => {
    const root = await makeRoot({ files: { "content/products/prototype.md": "x", "content/sectors/constructor.json": "{}" } });
    const found = await discover(root);
    expect(found.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'content/sectors/constructor.json: file name "constructor" is reserved (no record may use it as a key); choose another slug',
      'content/products/prototype.md: file name "prototype" is reserved (no record may use it as a key); choose another slug',
    ]);
    expect(found.records.products.map((f) => f.slug)).not.toContain("prototype");
    expect(found.refused.products).toEqual(["prototype"]);
  });

  it("refuses a link to a file outside the root, and follows one that stays inside", async () => {
    const outside = await makeRoot();
    const root = await makeRoot();
    await symlink(join(outside, "content/products/nats.md"), join(root, "content/products/outside.md"));
    await mkdir(join(root, "shared"));
    await writeFile(join(root, "shared/inside.md"), "---\n---\n");
    await symlink(join(root, "shared/inside.md"), join(root, "content/products/inside.md"));
    const found = await discover(root);
    expect(found.problems).toEqual([
      { severity: "error", file: "content/products/outside.md", field: "", message: "links to a file outside the site root; copy the file into it" },
    ]);
    expect(found.records.products.map((f) => f.slug)).toEqual(["apache-kafka", "inside", "nats", "redpanda"]);
  });
});
