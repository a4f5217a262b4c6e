import { describe, expect, it } from "vitest";
import { pairUrlProblems } from "../../src/content/pair-urls.js";
import { formatProblem } from "../../src/content/problems.js";

const products = ["a", "b", "b-vs-c", "c-vs-a"].map((slug) => ({ slug, file: `content/products/${slug}.md`, sector: slug.length > 1 ? "s" : "t" }));

describe("pairUrlProblems", () => {
  it("checks the pairs the site will have: with pairs \"curated\", only the curated ones", () => {
    expect(pairUrlProblems(products, "curated", [])).toEqual([]);
    const problems = pairUrlProblems(products, "curated", [
      { a: "a", b: "b-vs-c" },
      { a: "b", b: "c-vs-a" },
    ]);
    const message = `/compare/b-vs-c-vs-a/ would be the address of both the redirect to a-vs-b-vs-c and the page of b and c-vs-a; pair addresses join two slugs with "-vs-", so rename this product to a slug without "-vs-"`;
    expect(problems.map(formatProblem)).toEqual([`content/products/b-vs-c.md: ${message}`, `content/products/c-vs-a.md: ${message}`]);
  });

  it("follows the sectors with pairs \"sector\": products in different sectors never pair", () => {
    expect(pairUrlProblems(products, "sector", [])).toEqual([]);
    expect(pairUrlProblems(products, "all", [])).toHaveLength(2);
  });

  it("leaves out comparisons that name a product not given (one with errors of its own)", () => {
    const curated = [
      { a: "a", b: "b-vs-c" },
      { a: "b", b: "c-vs-a" },
    ];
    expect(pairUrlProblems(products.filter((p) => p.slug !== "c-vs-a"), "curated", curated)).toEqual([]);
  });
});
