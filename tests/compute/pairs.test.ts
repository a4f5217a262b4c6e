import { describe, expect, it } from "vitest";
import { choosePairs, orderPair, pairUrlClashes, pairSlug, reversePairSlug } from "../../src/compute/pairs.js";

const products = [
  { slug: "kafka", sector: "devops" },
  { slug: "appwrite", sector: "devops" },
  { slug: "linkerd", sector: "devops" },
  { slug: "spark", sector: "data" },
  { slug: "flink", sector: "data" },
];

describe("pairSlug", () => {
  it("puts the slugs in code-unit order whichever way they come", () => {
    expect(pairSlug("kafka", "appwrite")).toBe("appwrite-vs-kafka");
    expect(pairSlug("appwrite", "kafka")).toBe("appwrite-vs-kafka");
    expect(reversePairSlug("appwrite", "kafka")).toBe("kafka-vs-appwrite");
    expect(reversePairSlug("kafka", "appwrite")).toBe("kafka-vs-appwrite");
    // Code units, not locale: digits before letters, "a-b" before "ab" ("-" is 0x2d).
    expect(pairSlug("k8s", "k3s")).toBe("k3s-vs-k8s");
    expect(pairSlug("ab", "a-b")).toBe("a-b-vs-ab");
    expect(orderPair("z", "a")).toEqual(["a", "z"]);
  });

  it("refuses a product paired with itself", () => {
    expect(() => pairSlug("kafka", "kafka")).toThrow(RangeError);
  });
});

describe("choosePairs", () => {
  it('"sector": every pair within a sector, plus curated pairs across sectors, sorted by slug', () => {
    // devops: appwrite, kafka, linkerd → 3 pairs; data: flink, spark → 1 pair; curated kafka+spark crosses sectors
    expect(choosePairs(products, "sector", [{ a: "kafka", b: "spark" }])).toEqual([
      { slug: "appwrite-vs-kafka", a: "appwrite", b: "kafka", curated: false },
      { slug: "appwrite-vs-linkerd", a: "appwrite", b: "linkerd", curated: false },
      { slug: "flink-vs-spark", a: "flink", b: "spark", curated: false },
      { slug: "kafka-vs-linkerd", a: "kafka", b: "linkerd", curated: false },
      { slug: "kafka-vs-spark", a: "kafka", b: "spark", curated: true },
    ]);
  });

  it('"all": every pair, C(5,2) = 10, curated ones flagged once', () => {
    const pairs = choosePairs(products, "all", [{ a: "linkerd", b: "kafka" }]);
    expect(pairs).toHaveLength(10);
    expect(pairs.map((p) => p.slug)).toEqual([
      "appwrite-vs-flink", "appwrite-vs-kafka", "appwrite-vs-linkerd", "appwrite-vs-spark",
      "flink-vs-kafka", "flink-vs-linkerd", "flink-vs-spark",
      "kafka-vs-linkerd", "kafka-vs-spark", "linkerd-vs-spark",
    ]);
    expect(pairs.filter((p) => p.curated)).toEqual([{ slug: "kafka-vs-linkerd", a: "kafka", b: "linkerd", curated: true }]);
  });

  it('"curated": only curated pairs, reverse-named input normalized, duplicates merged', () => {
    const curated = [{ a: "spark", b: "kafka" }, { a: "appwrite", b: "linkerd" }, { a: "kafka", b: "spark" }];
    expect(choosePairs(products, "curated", curated)).toEqual([
      { slug: "appwrite-vs-linkerd", a: "appwrite", b: "linkerd", curated: true },
      { slug: "kafka-vs-spark", a: "kafka", b: "spark", curated: true },
    ]);
  });

  it("does not depend on input order and ignores duplicate products", () => {
    const shuffled = [products[3]!, products[0]!, products[4]!, products[2]!, products[1]!, products[0]!];
    expect(choosePairs(shuffled, "sector", [])).toEqual(choosePairs(products, "sector", []));
  });

  it("has no pairs for an empty catalogue or single products", () => {
    expect(choosePairs([], "all", [])).toEqual([]);
    expect(choosePairs([{ slug: "a", sector: "x" }, { slug: "b", sector: "y" }], "sector", [])).toEqual([]);
  });

  // It used to throw for two pages and miss two redirects at one URL (one overwrote the other).
  it("keeps two different pairs even when their slugs are the same", () => {
    const clash = [{ slug: "x", sector: "s" }, { slug: "y-vs-z", sector: "s" }, { slug: "x-vs-y", sector: "s" }, { slug: "z", sector: "s" }];
    expect(choosePairs(clash, "all", []).filter((p) => p.slug === "x-vs-y-vs-z").map((p) => [p.a, p.b])).toEqual([
      ["x", "y-vs-z"],
      ["x-vs-y", "z"],
    ]);
  });

  it("handles 600 products in 4 sectors (44,700 pairs) quickly", () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ slug: `p${String(i).padStart(3, "0")}`, sector: `s${i % 4}` }));
    const started = performance.now();
    const sector = choosePairs(many, "sector", [{ a: "p001", b: "p000" }]);
    const all = choosePairs(many, "all", []);
    const elapsed = performance.now() - started;
    expect(sector).toHaveLength(4 * (150 * 149) / 2 + 1);
    expect(all).toHaveLength((600 * 599) / 2);
    expect(new Set(all.map((p) => p.slug)).size).toBe(all.length);
    expect(all.every((p, i) => i === 0 || all[i - 1]!.slug < p.slug)).toBe(true);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe("pairUrlClashes", () => {
  const pair = (a: string, b: string) => ({ slug: `${a}-vs-${b}`, a, b, curated: false });

  it("finds two pages at one address", () => {
    const clash = [{ slug: "x", sector: "s" }, { slug: "y-vs-z", sector: "s" }, { slug: "x-vs-y", sector: "s" }, { slug: "z", sector: "s" }];
    const found = pairUrlClashes(choosePairs(clash, "all", [])).filter((c) => c.slug === "x-vs-y-vs-z");
    expect(found).toEqual([{ slug: "x-vs-y-vs-z", claims: [{ pair: pair("x", "y-vs-z"), reversed: false }, { pair: pair("x-vs-y", "z"), reversed: false }] }]);
  });

  it("finds two reverse-order redirects at one address, and a page and a redirect", () => {
    expect(pairUrlClashes([pair("bar-vs-baz", "foo"), pair("baz", "foo-vs-bar")])).toEqual([
      { slug: "foo-vs-bar-vs-baz", claims: [{ pair: pair("bar-vs-baz", "foo"), reversed: true }, { pair: pair("baz", "foo-vs-bar"), reversed: true }] },
    ]);
    expect(pairUrlClashes([pair("a", "b-vs-c"), pair("b", "c-vs-a")])).toEqual([
      { slug: "b-vs-c-vs-a", claims: [{ pair: pair("a", "b-vs-c"), reversed: true }, { pair: pair("b", "c-vs-a"), reversed: false }] },
    ]);
  });

  it("finds nothing when no slug contains -vs-, or when one does but nothing clashes", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ slug: `p${i}`, sector: "s" }));
    expect(pairUrlClashes(choosePairs(many, "all", []))).toEqual([]);
    expect(pairUrlClashes(choosePairs([...many, { slug: "vs-code-vs-atom", sector: "s" }], "all", []))).toEqual([]);
  });
});
