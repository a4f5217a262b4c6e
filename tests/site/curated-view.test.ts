/** curatedView: the editor-curated blocks of a comparison page, from two products and the comparison. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRoot } from "../../src/content/load-root.js";
import type { Comparison, Content, Product } from "../../src/content/types.js";
import { curatedView, factLabel } from "../../src/site/curated-view.js";
import { REPO_ROOT } from "../helpers/built-site.js";
import { AS_OF_MS } from "../build/build-helpers.js";

let content: Content;
let kafka: Product;
let postgres: Product;
let comparison: Comparison;
const SITE = "https://small.example";

beforeAll(async () => {
  content = (await loadRoot(path.join(REPO_ROOT, "tests/fixtures/sites/small"))).content!;
  const bySlug = (slug: string): Product => content.products.find((p) => p.slug === slug)!;
  kafka = {
    ...bySlug("apache-kafka"),
    facts: { license: "Apache 2.0", written_in: "Java and *Scala*" },
    metrics: { as_of: "2026-05-01", github_stars: 31_000 },
    capabilities: { Security: { SSO: "yes", "Audit log": "partial" } },
    choose_if: "you need **the** ecosystem",
  };
  postgres = {
    ...bySlug("postgres"),
    facts: { license: "PostgreSQL License" },
    capabilities: { Security: { SSO: "no", "Row-level security": "yes" }, Operations: { Backups: "Point-in-time" } },
  };
  comparison = { ...content.comparisons[0]!, rows: [{ fact: "written_in" }, { label: "Queues", a: "Native", b: "With **SKIP LOCKED**" }] };
});

describe("curatedView", () => {
  it("fills fact rows from each product's facts, with a dash where one has none, and free rows as written", () => {
    expect(curatedView(comparison, kafka, postgres, AS_OF_MS, SITE).rows).toEqual([
      { label: "Written in", aHtml: "Java and <em>Scala</em>", bHtml: "—" },
      { label: "Queues", aHtml: "Native", bHtml: "With <strong>SKIP LOCKED</strong>" },
    ]);
  });

  it("sets the metrics side by side, only the rows one of them has, and dates only the side that has figures", () => {
    const { metrics } = curatedView(comparison, kafka, postgres, AS_OF_MS, SITE);
    expect(metrics.rows).toEqual([{ label: "GitHub stars", a: "31k", b: "—" }]);
    expect(metrics.asOfA?.iso).toBe("2026-05-01");
    expect(metrics.asOfB).toBeUndefined();
  });

  it("merges both products' capabilities, groups and features in first-seen order, unknown where one is silent", () => {
    const caps = curatedView(comparison, kafka, postgres, AS_OF_MS, SITE).capabilities;
    expect(caps.map((g) => [g.group, g.rows.map((r) => [r.feature, r.a.state, r.b.state])])).toEqual([
      ["Security", [["SSO", "yes", "no"], ["Audit log", "partial", "unknown"], ["Row-level security", "unknown", "yes"]]],
      ["Operations", [["Backups", "unknown", "text"]]],
    ]);
  });

  it("splits the long-form body at its headings, a lead before the first as an overview, and keeps the FAQ's text for JSON-LD", () => {
    const view = curatedView({ ...comparison, body: "Short lead.\n\n## Queues in a database\n\nIt works up to a point.\n" }, kafka, postgres, AS_OF_MS, SITE);
    expect(view.bodySections.map((s) => [s.title, s.id])).toEqual([["Overview", "overview"], ["Queues in a database", "long-queues-in-a-database"]]);
    expect(view.bodySections[1]!.html).toContain("It works up to a point.");
    expect(view.verdictHtml).toBe("Use <strong>Kafka</strong> for streams and <strong>PostgreSQL</strong> for state.");
    expect(view.faq).toEqual([{ question: "Can PostgreSQL replace Kafka?", answerHtml: "For small queues, <strong>yes</strong>.", answerText: "For small queues, yes." }]);
    const linked = curatedView({ ...comparison, faq: [{ q: "Where is the ranking?", a: "On [the alternatives page](/alternatives/apache-kafka/)." }] }, kafka, postgres, AS_OF_MS, SITE);
    expect(linked.faq[0]!.answerText).toBe("On the alternatives page (https://small.example/alternatives/apache-kafka/).");
    expect(view.chooseIf).toEqual({ aHtml: "you need <strong>the</strong> ecosystem" });
  });
});

describe("factLabel", () => {
  it("turns a fact key into a sentence-case label", () => {
    expect(factLabel("primary_purpose")).toBe("Primary purpose");
    expect(factLabel("written-in")).toBe("Written in");
    expect(factLabel("license")).toBe("License");
  });
});
