/** atomFeed: the Atom feed of recent activity, checked line by line on hand-made rows. */
import { describe, expect, it } from "vitest";
import { atomFeed } from "../../src/site-files/feed.js";
import { timeView } from "../../src/compute/relative-time.js";
import type { ActivityRow } from "../../src/site/types.js";

const SITE = { name: "Versus", url: "https://versus.example" };
const AS_OF_ISO = "2026-05-22T12:00:00.000Z";
const AS_OF_MS = Date.parse(AS_OF_ISO);

function row(product: string, slug: string, date: string, title: string, extra: { url?: string; spark?: boolean; kind?: "release" | "post" } = {}): ActivityRow {
  return {
    product: { name: product, url: `/products/${slug}/` },
    entry: { time: timeView(date, AS_OF_MS), title, kind: extra.kind ?? "release", kindLabel: "Release", spark: extra.spark ?? false, ...(extra.url ? { url: extra.url } : {}) },
  };
}

describe("atomFeed", () => {
  it("dates the feed by its newest entry and links each entry to its source, or else to its product page", () => {
    const feed = atomFeed(SITE, [
      row("Redpanda", "redpanda", "2026-03-31", "Redpanda 26.1", { spark: true }),
      row("DuckDB", "duckdb", "2026-02-10", "DuckDB 1.4 & more", { url: "https://duckdb.org/news/" }),
    ], AS_OF_ISO);
    expect(feed.split("\n")).toEqual([
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      "<title>Versus: recent activity</title>",
      "<id>https://versus.example/</id>",
      '<link href="https://versus.example/"/>',
      '<link rel="self" href="https://versus.example/feed.xml"/>',
      "<updated>2026-03-31T00:00:00.000Z</updated>",
      "<author><name>Versus</name></author>",
      "<entry>",
      "<title>Redpanda: Redpanda 26.1</title>",
      "<id>https://versus.example/products/redpanda/#2026-03-31-Redpanda%2026.1</id>",
      '<link href="https://versus.example/products/redpanda/"/>',
      "<updated>2026-03-31T00:00:00.000Z</updated>",
      "<summary>Release (spark) from Redpanda</summary>",
      "</entry>",
      "<entry>",
      "<title>DuckDB: DuckDB 1.4 &amp; more</title>",
      "<id>https://versus.example/products/duckdb/#2026-02-10-DuckDB%201.4%20%26%20more</id>",
      '<link href="https://duckdb.org/news/"/>',
      "<updated>2026-02-10T00:00:00.000Z</updated>",
      "<summary>Release from DuckDB</summary>",
      "</entry>",
      "</feed>",
      "",
    ]);
  });

  // Regression: a release and a post of one title on one day had one id, and readers dropped one.
  it("gives entries of one product, date and title ids of their own, keeping the plain id for unique ones", () => {
    const feed = atomFeed(SITE, [
      row("AutoMQ", "automq", "2026-05-22", "Same", { kind: "release" }),
      row("AutoMQ", "automq", "2026-05-22", "Same", { kind: "post" }),
      row("AutoMQ", "automq", "2026-05-22", "Same", { kind: "post" }),
      row("AutoMQ", "automq", "2026-05-21", "Other"),
    ], AS_OF_ISO);
    expect([...feed.matchAll(/<id>(.*)<\/id>/g)].map((m) => m[1]).slice(1)).toEqual([
      "https://versus.example/products/automq/#2026-05-22-Same-release",
      "https://versus.example/products/automq/#2026-05-22-Same-post",
      "https://versus.example/products/automq/#2026-05-22-Same-post-2",
      "https://versus.example/products/automq/#2026-05-21-Other",
    ]);
  });

  it("dates a feed with no entries by the build's as-of time", () => {
    const feed = atomFeed(SITE, [], AS_OF_ISO);
    expect(feed).toContain(`<updated>${AS_OF_ISO}</updated>`);
    expect(feed).not.toContain("<entry>");
    expect(feed.endsWith("<author><name>Versus</name></author>\n</feed>\n")).toBe(true);
  });
});
