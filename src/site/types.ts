/**
 * The view model: every value a template lays out, computed in TypeScript.
 * Templates never compute; they read these objects. Built by site-model.ts (per product, once)
 * and pair-page.ts (per pair, cheaply, from references to product views).
 */
import type { BADGES, TIMELINE_KINDS } from "../content/schema/index.js";

export interface Link {
  name: string;
  url: string;
}

/** What every page needs for <head>: unique title, description, canonical, Open Graph, JSON-LD. */
export interface PageMeta {
  title: string;
  description: string;
  /** Site-relative canonical path, e.g. `/compare/apache-kafka-vs-appwrite/`. */
  path: string;
  /** Absolute canonical URL. */
  canonical: string;
  ogType: "website" | "article";
  /** Absolute URL of a 1200×630 PNG, when one is rendered for this page. */
  ogImage?: string;
  breadcrumbs: Link[];
  /** Each entry is a JSON-LD object already serialized so it cannot end a script element. */
  jsonLd: string[];
}

export interface SiteView {
  name: string;
  /** Absolute, without a last slash, e.g. "https://versus.example.com" or "https://user.github.io/repo". */
  url: string;
  /** The path of `url` that links start with (see withBasePath), "" at the root of the domain. */
  basePath: string;
  description: string;
  alternativesLimit: number;
  /** Fingerprinted asset paths, e.g. { css: "/assets/site.3f2a9c1b.css", js: "/assets/site.8d1e.js", … }. */
  assets: { css: string; js: string; search: string; icon: string };
  /** Top navigation. */
  nav: Link[];
  /** Whether a search index is built (adds the search box). */
  search: boolean;
}

export interface VelocityPart {
  /** e.g. "3 releases in the last 30 days" */
  label: string;
  /** Points this part contributed, one decimal. */
  points: number;
}

/** A part as a page shows it. */
export interface VelocityPartView extends VelocityPart {
  /** The points as displayed, always one decimal: "7.0". */
  text: string;
}

export interface VelocityView {
  /** 0..10, one decimal. */
  score: number;
  /** The score as displayed, always one decimal: "8.8". */
  text: string;
  /** True when the editor set `velocity`. */
  override: boolean;
  parts: VelocityPartView[];
  /** 0..100, for the meter's width. */
  percent: number;
}

export interface TimeView {
  /** As written by the editor, for <time datetime>. */
  iso: string;
  ms: number;
  /** Relative to the as-of time: "2h ago", "3mo ago". */
  relative: string;
  /** Absolute, human: "4 May 2026". */
  display: string;
}

export interface TimelineEntryView {
  time: TimeView;
  title: string;
  url?: string;
  kind: (typeof TIMELINE_KINDS)[number];
  kindLabel: string;
  spark: boolean;
}

export interface SectionView {
  title: string;
  /** Fragment id, unique within the page. */
  id: string;
  html: string;
}

export interface MetricRow {
  key: string;
  label: string;
  /** Formatted value ("32.5k", "8.6/10 (151 reviews)") or "—". */
  value: string;
}

export interface MetricsView {
  asOf: TimeView;
  rows: MetricRow[];
}

export interface CapabilityView {
  feature: string;
  /** "yes" | "no" | "partial" | free text */
  value: string;
  /** For badges: which state it is, so it does not rely on colour. */
  state: "yes" | "no" | "partial" | "text" | "unknown";
}

export interface CapabilityGroupView {
  group: string;
  features: CapabilityView[];
}

/** A monthly release-cadence chart, already drawn as accessible inline SVG. */
export interface ChartView {
  svg: string;
  /** Text alternative, also used as the figure caption. */
  summary: string;
}

export interface ProductView {
  slug: string;
  name: string;
  /** One or two letters for the monogram drawn when there is no logo. */
  monogram: string;
  logo?: string;
  sector: Link & { slug: string };
  website: string;
  tagline: string;
  summaryHtml: string;
  themes: string[];
  updated: TimeView;
  velocity: VelocityView;
  sparks30d: number;
  /** Newest first. */
  timeline: TimelineEntryView[];
  /**
   * Index in `timeline` of the newest entry not after the as-of time: the entries before it are
   * planned ones, which "latest activity" leaves out (see pastEntries). An index, not a second
   * list: views are hashed and sent to the render threads whole.
   */
  pastFrom: number;
  /** Every body section in file order. */
  sections: SectionView[];
  /** The three required sections, rendered, for the side-by-side. */
  trajectory: { currentHtml: string; headingHtml: string; predictionHtml: string };
  metrics?: MetricsView;
  capabilities: CapabilityGroupView[];
  facts: Record<string, string>;
  chooseIfHtml?: string;
  url: string;
  alternativesUrl: string;
  cadence: ChartView;
}

/** What a product card shows (home and sector pages): no body, so editing one re-renders neither. */
export type ProductCardView = Pick<ProductView, "slug" | "name" | "monogram" | "logo" | "sector" | "tagline" | "velocity" | "url">;

export interface AlternativeCard {
  product: ProductView;
  /** Rank from 1. */
  rank: number;
  /** Head-to-head pages with the page's products, where those pages exist. */
  pivots: Link[];
}

export interface ActivityRow {
  product: Link;
  entry: TimelineEntryView;
}

export interface FaqItem {
  question: string;
  answerHtml: string;
  /** Plain-text answer for JSON-LD. */
  answerText: string;
}

export interface GlanceRow {
  /** Rows the template draws richly (meter, <time>) from the products themselves. */
  kind?: "velocity" | "updated";
  label: string;
  a: string;
  b: string;
}

export interface CuratedView {
  title?: string;
  verdictHtml: string;
  /** The feature table. */
  rows: { label: string; aHtml: string; bHtml: string }[];
  metrics: { asOfA?: TimeView; asOfB?: TimeView; rows: { label: string; a: string; b: string }[] };
  /** Merged over both products; value "—" where a product does not say. */
  capabilities: { group: string; rows: { feature: string; a: CapabilityView; b: CapabilityView }[] }[];
  chooseIf: { aHtml?: string; bHtml?: string };
  bodySections: SectionView[];
  /** The editors' questions, shown after the generated ones. */
  faq: FaqItem[];
  /** Absolute URL of the comparison's social card, when rendered. */
  ogImage?: string;
}

export interface PairPage {
  slug: string;
  a: ProductView;
  b: ProductView;
  /** Both in one sector: that sector; otherwise undefined. */
  sector?: Link & { slug: string };
  meta: PageMeta;
  heading: string;
  intro: string;
  glance: GlanceRow[];
  sharedThemes: string[];
  alternatives: AlternativeCard[];
  activity: ActivityRow[];
  faq: FaqItem[];
  cadence: ChartView;
  curated?: CuratedView;
}

export interface ProductPage {
  product: ProductView;
  meta: PageMeta;
  alternatives: AlternativeCard[];
  /** Every comparison page that includes this product, by the other product's name. */
  comparisons: Link[];
}

export interface AlternativesPage {
  product: ProductView;
  meta: PageMeta;
  alternatives: AlternativeCard[];
}

export interface SectorPage {
  slug: string;
  name: string;
  descriptionHtml: string;
  introHtml: string;
  meta: PageMeta;
  /** By velocity, highest first. */
  products: ProductCardView[];
  comparisons: Link[];
}

export interface MatrixCellView {
  text: string;
  badge?: (typeof BADGES)[number];
  strong: boolean;
  highlight: boolean;
}

export interface MatrixPage {
  slug: string;
  title: string;
  description: string;
  meta: PageMeta;
  columns: { slug: string; name: string; url: string; tagline: string; highlight: boolean }[];
  sections: { title: string; id: string; rows: { feature: string; id: string; differs: boolean; cells: MatrixCellView[] }[] }[];
  notesHtml: string;
  downloads: Link[];
}

export interface HomePage {
  meta: PageMeta;
  sectors: { slug: string; name: string; url: string; descriptionHtml: string; productCount: number }[];
  topProducts: ProductCardView[];
  latestActivity: ActivityRow[];
  curated: Link[];
  matrices: Link[];
}

export interface MethodologyPage {
  meta: PageMeta;
  /** The formula's constants, as shown in prose. */
  constants: { label: string; value: string }[];
  /** A worked example computed by the same code as every score. */
  example?: { productName: string; parts: VelocityPartView[]; score: string; entries: { date: string; kind: string; weight: string }[] };
}

/** A page that only sends the reader elsewhere (reverse pair order, product alias). */
export interface RedirectPage {
  /** Site-relative path of the old URL, e.g. `/compare/b-vs-a/`. */
  from: string;
  to: string;
}
