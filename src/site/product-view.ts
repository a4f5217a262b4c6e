import type { Product, Sector } from "../content/types.js";
import { REQUIRED_SECTIONS, type Metrics } from "../content/schema/index.js";
import { computeVelocity, toVelocityView } from "../compute/velocity.js";
import { sparksInLast30Days } from "../compute/sparks.js";
import { sortTimelineNewestFirst } from "../compute/activity.js";
import { timeView } from "../compute/relative-time.js";
import { compactNumber, formatRating } from "../compute/format-number.js";
import { type CadenceMonth, monthlyCadence } from "../compute/cadence.js";
import { cadenceChart } from "../charts/cadence-chart.js";
import { deeperHeadings, renderInline, renderMarkdown, type MarkdownMemo } from "./markdown.js";
import { urls } from "./urls.js";
import type { CapabilityGroupView, CapabilityView, MetricsView, ProductCardView, ProductView, SectionView, TimelineEntryView } from "./types.js";

const KIND_LABELS = { release: "Release", bugfix: "Bug fix", announcement: "Announcement", post: "Post" } as const;

/** Labels of the metrics fields, in display order. */
export const METRIC_LABELS: [keyof Omit<Metrics, "as_of">, string][] = [
  ["github_stars", "GitHub stars"],
  ["rating", "Rating"],
  ["pypi_weekly_downloads", "PyPI weekly downloads"],
  ["npm_weekly_downloads", "npm weekly downloads"],
  ["docker_pulls", "Docker Hub pulls"],
  ["search_interest", "Search interest"],
  ["product_hunt_votes", "Product Hunt votes"],
];

/**
 * Everything about one product that pages show, computed once per build (pair pages refer to it).
 * Its body's sections are rendered through `markdown` when given.
 * @example productView(kafka, devops, Date.UTC(2026, 4, 22)).velocity.text // "5.0"
 */
export function productView(
  product: Product,
  sector: Sector,
  asOfMs: number,
  months: readonly CadenceMonth[] = monthlyCadence(product.timeline, asOfMs),
  markdown?: MarkdownMemo,
): ProductView {
  const timeline: TimelineEntryView[] = sortTimelineNewestFirst(product.timeline).map((e) => ({
    time: timeView(e.date, asOfMs),
    title: e.title,
    ...(e.url === undefined ? {} : { url: e.url }),
    kind: e.kind,
    kindLabel: KIND_LABELS[e.kind],
    spark: e.spark,
  }));
  const sections = sectionViews(product, markdown);
  const byTitle = new Map(sections.map((s) => [s.title, s.html]));
  // In a pair page's side-by-side the sections sit under <h4>s, two levels deeper than here.
  const [current, heading, prediction] = REQUIRED_SECTIONS.map((t) => deeperHeadings(byTitle.get(t) ?? "", 2));
  const metrics = product.metrics === undefined ? undefined : metricsView(product.metrics, asOfMs);
  return {
    slug: product.slug,
    name: product.name,
    monogram: monogram(product.name),
    ...(product.logo === undefined ? {} : { logo: product.logo }),
    sector: { slug: sector.slug, name: sector.name, url: urls.sector(sector.slug) },
    website: product.website,
    tagline: product.tagline,
    summaryHtml: renderInline(product.summary),
    themes: product.themes,
    updated: timeView(product.updated, asOfMs),
    velocity: toVelocityView(computeVelocity(product.timeline, asOfMs, product.velocity)),
    sparks30d: sparksInLast30Days(product.timeline, asOfMs),
    timeline,
    pastFrom: pastFrom(timeline, asOfMs),
    sections,
    trajectory: { currentHtml: current!, headingHtml: heading!, predictionHtml: prediction! },
    ...(metrics === undefined ? {} : { metrics }),
    capabilities: capabilityGroups(product),
    facts: Object.fromEntries(Object.entries(product.facts ?? {}).map(([k, v]) => [k, renderInline(v)])),
    ...(product.choose_if === undefined ? {} : { chooseIfHtml: renderInline(product.choose_if) }),
    url: urls.product(product.slug),
    alternativesUrl: urls.alternatives(product.slug),
    cadence: cadenceChart([{ name: product.name, months }], `cadence-${product.slug}`),
  };
}

/**
 * The card fields of a product's view, for pages that list products without their body.
 * @example productCardView(view).tagline === view.tagline // true
 */
export function productCardView(view: ProductView): ProductCardView {
  return {
    slug: view.slug,
    name: view.name,
    monogram: view.monogram,
    ...(view.logo === undefined ? {} : { logo: view.logo }),
    sector: view.sector,
    tagline: view.tagline,
    velocity: view.velocity,
    url: view.url,
  };
}

/**
 * One or two capital letters for a logo stand-in.
 * @example monogram("Apache Kafka") // "AK"
 */
export function monogram(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.slice(0, 2).map((w) => [...w][0]!.toUpperCase()).join("") || "?";
}

// Newest first, so planned entries lead; all of them are planned when none is past.
function pastFrom(timeline: readonly TimelineEntryView[], asOfMs: number): number {
  const first = timeline.findIndex((e) => e.time.ms <= asOfMs);
  return first === -1 ? timeline.length : first;
}

function sectionViews(product: Product, markdown: MarkdownMemo | undefined): SectionView[] {
  const used = new Map<string, number>();
  return product.sections.map((s) => {
    const base = slugifyHeading(s.title);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    // Each section is an <h2> of the product page, and "###" its editor's top heading level.
    return { title: s.title, id: n === 1 ? base : `${base}-${n}`, html: renderMarkdown(s.markdown, { caption: s.title, headings: { below: 2, top: 3 } }, markdown) };
  });
}

/**
 * A fragment id from heading text, in any script (HTML ids and URL fragments may be Unicode);
 * "section" for a heading of only marks or emoji.
 * @example slugifyHeading("Where it's heading") // "where-its-heading"
 * @example slugifyHeading("東京の導入") // "東京の導入"
 */
export function slugifyHeading(title: string): string {
  // Most titles are ASCII, for which the Unicode classes give the same result more slowly.
  const ascii = !/[^\x00-\x7f]/.test(title);
  const slug = title.toLowerCase().replace(/['’]/g, "").replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{M}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  if (slug === "") return "section";
  return (ascii ? /^[a-z]/ : /^\p{L}/u).test(slug) ? slug : `s-${slug}`;
}

/** A metrics value formatted for tables, or undefined when the product does not say. */
export function formatMetric(metrics: Metrics, key: (typeof METRIC_LABELS)[number][0]): string | undefined {
  if (key === "rating") {
    const r = metrics.rating;
    return r === undefined ? undefined : `${formatRating(r)}${r.source ? ` · ${r.source}` : ""}`;
  }
  const v = metrics[key];
  return v === undefined ? undefined : compactNumber(v);
}

function metricsView(metrics: Metrics, asOfMs: number): MetricsView {
  return {
    asOf: timeView(metrics.as_of, asOfMs),
    rows: METRIC_LABELS.flatMap(([key, label]) => {
      const value = formatMetric(metrics, key);
      return value === undefined ? [] : [{ key, label, value }];
    }),
  };
}

/**
 * A capability and the state of its value, so badges carry meaning in text, not colour.
 * @example capabilityView("SSO", "partial") // { feature: "SSO", value: "partial", state: "partial" }
 * @example capabilityView("SSO", undefined) // { feature: "SSO", value: "—", state: "unknown" }
 */
export function capabilityView(feature: string, value: string | undefined): CapabilityView {
  if (value === undefined) return { feature, value: "—", state: "unknown" };
  const state = value === "yes" || value === "no" || value === "partial" ? value : "text";
  return { feature, value, state };
}

function capabilityGroups(product: Product): CapabilityGroupView[] {
  return Object.entries(product.capabilities ?? {}).map(([group, features]) => ({
    group,
    features: Object.entries(features).map(([feature, value]) => capabilityView(feature, value)),
  }));
}
