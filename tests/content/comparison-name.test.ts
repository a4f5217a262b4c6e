import { describe, expect, it } from "vitest";
import { parsePairSlug } from "../../src/content/comparison-name.js";

const products = new Set(["apache-kafka", "redpanda", "nats", "a-vs-b", "c", "kafka-vs"]);

describe("parsePairSlug", () => {
  it("splits at the -vs- that names two products", () => {
    expect(parsePairSlug("apache-kafka-vs-redpanda", products, "md")).toEqual({ ok: true, a: "apache-kafka", b: "redpanda" });
    expect(parsePairSlug("a-vs-b-vs-c", products, "md")).toEqual({ ok: true, a: "a-vs-b", b: "c" });
  });
  it("asks to rename a reversed pair", () => {
    expect(parsePairSlug("redpanda-vs-apache-kafka", products, "md")).toEqual({
      ok: false,
      message: "expected the two products in alphabetical order; rename the file to apache-kafka-vs-redpanda.md",
    });
    expect(parsePairSlug("redpanda-vs-nats", products, "json")).toMatchObject({ message: expect.stringContaining("nats-vs-redpanda.json") });
  });
  // Regression: the hint said to rename the file onto the other order's file, which existed.
  it("asks to keep one of two files when both orders of a pair have one", () => {
    expect(parsePairSlug("redpanda-vs-apache-kafka", products, "md", new Set(["apache-kafka-vs-redpanda", "redpanda-vs-apache-kafka"]))).toEqual({
      ok: false,
      message: "expected the two products in alphabetical order; apache-kafka-vs-redpanda exists too: keep one of the two files",
    });
  });
  it("names unknown products with a suggestion", () => {
    expect(parsePairSlug("apache-kafka-vs-redpand", products, "md")).toEqual({
      ok: false,
      message: 'file name names unknown product "redpand" (did you mean "redpanda"?); expected <a>-vs-<b>.md with two files in content/products',
    });
    expect(parsePairSlug("x-vs-y", products, "md")).toMatchObject({ message: expect.stringContaining('unknown products "x" and "y"') });
  });
  it("refuses names without -vs-, self-pairs and unresolvable splits", () => {
    expect(parsePairSlug("kafka-and-nats", products, "md")).toMatchObject({ ok: false, message: expect.stringContaining('found "kafka-and-nats.md"') });
    expect(parsePairSlug("nats-vs-nats", products, "md")).toMatchObject({ ok: false, message: expect.stringContaining("with itself") });
    expect(parsePairSlug("x-vs-y-vs-z", products, "md")).toMatchObject({ ok: false, message: expect.stringContaining("no way of splitting") });
  });
  it("reports ambiguity", () => {
    const ambiguous = new Set(["a", "a-vs-b", "b", "b-vs-c", "c"]);
    expect(parsePairSlug("a-vs-b-vs-c", ambiguous, "md")).toMatchObject({ ok: false, message: expect.stringContaining("ambiguous") });
  });
});
