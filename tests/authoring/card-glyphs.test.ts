import { describe, expect, it } from "vitest";
import type { Comparison, Content, Product, Sector } from "../../src/content/types.js";
import { findCardGlyphGaps } from "../../src/authoring/card-glyphs.js";

function product(slug: string, name: string, tagline = "t"): Product {
  return { slug, file: `content/products/${slug}.md`, name, sector: "streaming", website: "https://example.com", tagline, summary: "s", themes: [], updated: "2026-01-01", timeline: [], body: "", sections: [] };
}

function content(parts: { siteName?: string; sectors?: Sector[]; products?: Product[]; comparisons?: Comparison[] }): Content {
  return {
    site: { name: parts.siteName ?? "Bench", url: "https://s.example", description: "d", pairs: "sector", alternatives_limit: 8, reverse_pair_pages: true, stale_after_days: 180 },
    sectors: parts.sectors ?? [],
    products: parts.products ?? [],
    comparisons: parts.comparisons ?? [],
    matrices: [],
  };
}

const message = (chars: string) => `the social card leaves out ${chars}: its font, Inter, has no glyph for them (pages show them)`;

describe("findCardGlyphGaps", () => {
  it("warns per field a card draws, naming file and field, in file order", () => {
    const sector = { slug: "db", file: "content/sectors/db.md", name: "データ", body: "" } as Sector;
    const comparison = { slug: "a-vs-b", file: "content/comparisons/a-vs-b.md", a: "a", b: "b", title: "A ⇄ B", body: "" } as Comparison;
    const problems = findCardGlyphGaps(content({ siteName: "Versus ✓", sectors: [sector], products: [product("a", "東京 MQ", "Fast 🚀"), product("b", "Plain")], comparisons: [comparison] }));
    expect(problems.map((p) => `${p.severity}: ${p.file}: ${p.field}: ${p.message}`)).toEqual([
      `warning: data/site.json: name: ${message('"✓"')}`,
      `warning: content/sectors/db.md: name: ${message('"デ", "ー", "タ"')}`,
      `warning: content/products/a.md: name: ${message('"東", "京"')}`,
      `warning: content/products/a.md: tagline: ${message('"🚀"')}`,
      `warning: content/comparisons/a-vs-b.md: title: ${message('"⇄"')}`,
    ]);
  });

  it("lists five characters, then how many more", () => {
    const [problem] = findCardGlyphGaps(content({ products: [product("a", "東京都渋谷区神南")] }));
    expect(problem!.message).toBe(message('"東", "京", "都", "渋", "谷" and 3 more'));
  });

  it("says nothing when every card text is drawable, or a comparison has no title of its own", () => {
    const comparison = { slug: "a-vs-b", file: "content/comparisons/a-vs-b.md", a: "a", b: "b", body: "" } as Comparison;
    expect(findCardGlyphGaps(content({ products: [product("a", "Apache Kafka", "Łódź — “streams”")], comparisons: [comparison] }))).toEqual([]);
  });
});
