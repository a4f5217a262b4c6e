/** productView and its helpers: what product pages, cards and pair pages show of one product. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRoot } from "../../src/content/load-root.js";
import type { Content, Product } from "../../src/content/types.js";
import { capabilityView, formatMetric, monogram, productView, slugifyHeading } from "../../src/site/product-view.js";
import { pastEntries } from "../../src/compute/activity.js";
import { REPO_ROOT } from "../helpers/built-site.js";
import { AS_OF_MS } from "../build/build-helpers.js";

let content: Content;

beforeAll(async () => {
  content = (await loadRoot(path.join(REPO_ROOT, "tests/fixtures/sites/small"))).content!;
});

const product = (slug: string): Product => content.products.find((p) => p.slug === slug)!;
const viewOf = (p: Product) => productView(p, content.sectors.find((s) => s.slug === p.sector)!, AS_OF_MS);

describe("productView", () => {
  it("uses the editors' velocity when set, and counts the sparks of the last 30 days", () => {
    const view = viewOf(product("redpanda"));
    expect(view.velocity).toMatchObject({ text: "7.5", override: true, percent: 75 });
    expect(view.sparks30d).toBe(2);
  });

  it("lists the timeline newest first with each kind's label, and keeps an entry's link", () => {
    const view = viewOf(product("redpanda"));
    expect(view.timeline.map((e) => [e.time.iso, e.kindLabel, e.title, e.spark])).toEqual([
      ["2026-05-21T11:00:00+02:00", "Announcement", "Redpanda 26.1 announced", true],
      ["2026-05-15", "Release", "Iceberg topics GA", true],
      ["2026-05-02", "Post", "Blog: the cost model", false],
    ]);
    expect(viewOf(product("postgres")).timeline[0]!.url).toBe("https://www.postgresql.org/about/news/");
  });

  // Regression: a release planned for next week showed in "latest activity" and the feed as "in 9d".
  it("keeps planned entries, dated after the as-of time, in the timeline but not in the past timeline that activity lists and the feed use", () => {
    const redpanda = product("redpanda");
    const plain = viewOf(redpanda);
    expect(plain.pastFrom).toBe(0);
    expect(pastEntries(plain)).toBe(plain.timeline);
    const planned = viewOf({ ...redpanda, timeline: [...redpanda.timeline, { date: "2026-06-01", title: "Redpanda 26.2", kind: "release", spark: false }] });
    expect(planned.timeline.map((e) => e.title)).toEqual(["Redpanda 26.2", "Redpanda 26.1 announced", "Iceberg topics GA", "Blog: the cost model"]);
    expect(planned.pastFrom).toBe(1);
    expect(pastEntries(planned).map((e) => e.title)).toEqual(["Redpanda 26.1 announced", "Iceberg topics GA", "Blog: the cost model"]);
  });

  it("gives body sections unique fragment ids and fills the trajectory from the three required ones", () => {
    const nats = product("nats");
    const view = viewOf({
      ...nats,
      sections: [...nats.sections, { title: "Notes", markdown: "One." }, { title: "Notes", markdown: "Two." }, { title: "2026 plans", markdown: "Three." }],
    });
    expect(view.sections.map((s) => s.id)).toEqual(["current-state", "where-its-heading", "prediction", "notes", "notes-2", "s-2026-plans"]);
    expect(view.trajectory.currentHtml).toContain("Popular at the edge.");
    expect(view.trajectory.headingHtml).toContain("JetStream keeps growing.");
    expect(view.trajectory.predictionHtml).toContain("More adoption in IoT.");
  });

  it("renders the summary's inline markdown and links the product's pages", () => {
    const view = viewOf(product("apache-kafka"));
    expect(view.summaryHtml).toBe("An open-source platform for <strong>event streaming</strong> at scale.");
    expect([view.url, view.alternativesUrl, view.sector.url]).toEqual(["/products/apache-kafka/", "/alternatives/apache-kafka/", "/sectors/streaming/"]);
  });
});

describe("monogram", () => {
  it.each([
    ["Apache Kafka", "AK"],
    ["duckdb", "D"],
    ["C++ Builder Suite", "CB"],
    ["Über tool", "ÜT"],
    ["   ", "?"],
  ])("%j → %j", (name, expected) => {
    expect(monogram(name)).toBe(expected);
  });
});

describe("slugifyHeading", () => {
  it.each([
    ["Where it's heading", "where-its-heading"],
    ["Current state", "current-state"],
    ["  Q&A: what’s next?  ", "q-a-whats-next"],
    ["2026 plans", "s-2026-plans"],
    ["東京 · 導入", "東京-導入"],
    ["Café déjà vu", "café-déjà-vu"],
    ["⚡ 🚀", "section"],
  ])("%j → %j", (title, expected) => {
    expect(slugifyHeading(title)).toBe(expected);
  });
});

describe("capabilityView", () => {
  it("names yes, no and partial as such, other text as text, and a missing value as unknown", () => {
    expect(capabilityView("SSO", "yes")).toEqual({ feature: "SSO", value: "yes", state: "yes" });
    expect(capabilityView("SSO", "partial")).toEqual({ feature: "SSO", value: "partial", state: "partial" });
    expect(capabilityView("SSO", "Enterprise plan")).toEqual({ feature: "SSO", value: "Enterprise plan", state: "text" });
    expect(capabilityView("SSO", undefined)).toEqual({ feature: "SSO", value: "—", state: "unknown" });
  });
});

describe("formatMetric", () => {
  const metrics = { as_of: "2026-05-01", github_stars: 32_450, rating: { value: 4.5, scale: 5, count: 1_234, source: "G2" } };
  it("shortens counts, writes a rating with its scale, reviews and source, and leaves out what is not given", () => {
    expect(formatMetric(metrics, "github_stars")).toBe("32.5k");
    expect(formatMetric(metrics, "rating")).toBe("4.5/5 (1,234 reviews) · G2");
    expect(formatMetric(metrics, "docker_pulls")).toBeUndefined();
  });
});
