import { describe, expect, it } from "vitest";
import { choosePairs } from "../../src/compute/pairs.js";
import { aliasRedirects } from "../../src/site/alias-redirects.js";

const redirectsOf = (products: { slug: string; aliases?: string[]; sector: string }[]) =>
  aliasRedirects(products, choosePairs(products, "all", [])).map((r) => `${r.from} -> ${r.to}`);

describe("aliasRedirects", () => {
  it("sends a former slug's page, alternatives and comparisons (both orders) to the current ones", () => {
    expect(redirectsOf([{ slug: "apache-kafka", aliases: ["kafka"], sector: "s" }, { slug: "nats", sector: "s" }])).toEqual([
      "/products/kafka/ -> /products/apache-kafka/",
      "/alternatives/kafka/ -> /alternatives/apache-kafka/",
      "/compare/kafka-vs-nats/ -> /compare/apache-kafka-vs-nats/",
      "/compare/nats-vs-kafka/ -> /compare/apache-kafka-vs-nats/",
    ]);
  });

  it("covers every mix of former and current slugs when both products were renamed", () => {
    const redirects = redirectsOf([
      { slug: "a", aliases: ["old-a"], sector: "s" },
      { slug: "b", aliases: ["old-b"], sector: "s" },
    ]).filter((r) => r.startsWith("/compare/"));
    expect(redirects).toEqual([
      "/compare/a-vs-old-b/ -> /compare/a-vs-b/",
      "/compare/old-b-vs-a/ -> /compare/a-vs-b/",
      "/compare/old-a-vs-b/ -> /compare/a-vs-b/",
      "/compare/b-vs-old-a/ -> /compare/a-vs-b/",
      "/compare/old-a-vs-old-b/ -> /compare/a-vs-b/",
      "/compare/old-b-vs-old-a/ -> /compare/a-vs-b/",
    ]);
  });

  it("has nothing without aliases, and no comparison redirects where a slug contains -vs-", () => {
    expect(redirectsOf([{ slug: "a", sector: "s" }, { slug: "b", sector: "s" }])).toEqual([]);
    expect(redirectsOf([{ slug: "a", aliases: ["old-a"], sector: "s" }, { slug: "b-vs-c", sector: "s" }]).filter((r) => r.startsWith("/compare/"))).toEqual([]);
  });
});
