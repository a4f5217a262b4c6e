import { describe, expect, it } from "vitest";
import type { Matrix } from "../../src/content/types.js";
import { matrixPage } from "../../src/site/matrix-page.js";
import type { ProductView, SiteView } from "../../src/site/types.js";

const site = { name: "V", url: "https://v.example" } as SiteView;
const product = (slug: string, name: string) => ({ slug, name, url: `/products/${slug}/`, tagline: `${name} tagline` }) as ProductView;
const products = { a: product("a", "Alpha"), b: product("b", "Beta") };

const matrix: Matrix = {
  slug: "m",
  file: "content/matrices/m.md",
  title: "M",
  description: "d",
  columns: ["a", "b"],
  highlight: "b",
  body: "Notes.",
  sections: [
    {
      title: "Storage",
      rows: [
        { feature: "Backend", cells: { a: "Disk", b: { text: "S3", badge: "success", strong: true } } },
        { feature: "Backend", cells: { a: "Yes", b: "Yes" } },
      ],
    },
  ],
};

describe("matrixPage", () => {
  const page = matrixPage(matrix, products, site);

  it("lays cells out in column order with badge, emphasis and the highlighted column", () => {
    expect(page.columns.map((c) => [c.name, c.highlight])).toEqual([["Alpha", false], ["Beta", true]]);
    expect(page.sections[0]!.rows[0]!.cells).toEqual([
      { text: "Disk", strong: false, highlight: false },
      { text: "S3", badge: "success", strong: true, highlight: true },
    ]);
  });

  it("marks whether a row's cells differ, for the differences-only toggle", () => {
    expect(page.sections[0]!.rows.map((r) => r.differs)).toEqual([true, false]);
  });

  it("gives every section and row a unique link target, even for repeated names", () => {
    expect([page.sections[0]!.id, ...page.sections[0]!.rows.map((r) => r.id)]).toEqual(["section-storage", "row-backend", "row-backend-2"]);
  });

  it("links the CSV and JSON downloads beside the page", () => {
    expect(page.downloads).toEqual([
      { name: "CSV", url: "/matrices/m/m.csv" },
      { name: "JSON", url: "/matrices/m/m.json" },
    ]);
  });
});
