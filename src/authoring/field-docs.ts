/**
 * Editor-facing descriptions of every field, merged into the generated JSON Schemas so VS Code
 * shows them on hover and in completion lists. The zod schemas carry no descriptions (and are
 * owned elsewhere), so the words live here, keyed by a readable field path.
 *
 * Path syntax: `timeline[].date` (a field of each list item), `metrics.rating.value` (nested
 * object), `sections[].rows[].cells.*.text` (a field of each value of a map). A value is either
 * the description or extra JSON Schema keywords to merge (for rules zod expresses as refinements).
 * tests/authoring/json-schemas.test.ts fails when a field has no entry or an entry matches no field.
 */

/** Extra keywords for one field; `description` is required so every field explains itself. */
export interface FieldDoc {
  description: string;
  [keyword: string]: unknown;
}

export type FieldDocs = Record<string, string | FieldDoc>;

/** The reasons in these messages are shown by VS Code instead of the raw regular expression. */
const LOGO: FieldDoc = {
  description:
    "Logo image: a site path under /assets/ for an image in the site root's assets/ folder (e.g. /assets/logos/kafka.svg for assets/logos/kafka.svg; .svg, .png, .jpg, .webp, .gif or .avif, at most 512 KB, an SVG without scripts), or an https URL. A monogram is drawn when absent.",
  pattern: "^(/assets/(?!.*\\.\\.)[A-Za-z0-9._/-]+\\.(svg|png|jpe?g|webp|gif|avif)|https://\\S+)$",
  patternErrorMessage: "expected a site path under /assets/ ending in .svg, .png, .jpg, .webp, .gif or .avif, or an https URL",
};

/** Metrics fields, shared by a product's `metrics` and data/metrics/<slug>.json. */
const METRICS: FieldDocs = {
  as_of: "Date the figures were taken (ISO 8601, e.g. \"2026-05-04\"). Required.",
  github_stars: "GitHub stars (whole number, 0 or more).",
  pypi_weekly_downloads: "PyPI downloads per week (whole number, 0 or more).",
  npm_weekly_downloads: "npm downloads per week (whole number, 0 or more).",
  docker_pulls: "Docker Hub pulls (whole number, 0 or more).",
  search_interest: "Search interest index (whole number, 0 or more).",
  product_hunt_votes: "Product Hunt votes (whole number, 0 or more).",
  rating: "A review rating: value, scale, and optionally count and source.",
  "rating.value": "The rating, from 0 up to scale, e.g. 4.6.",
  "rating.scale": "The top of the scale, e.g. 5.",
  "rating.count": "How many reviews the rating is based on.",
  "rating.source": "Where the rating comes from, e.g. G2.",
};

function prefixed(prefix: string, docs: FieldDocs): FieldDocs {
  return Object.fromEntries(Object.entries(docs).map(([k, v]) => [`${prefix}${k}`, v]));
}

export const SITE_DOCS: FieldDocs = {
  name: "Site name, shown in the header and in page titles.",
  url: "Production address, an https URL such as https://versus.example.com, or with the path the site is served under, such as https://user.github.io/repo/ for a GitHub Pages project site (every link then starts with that path). Used for canonical links, the sitemap and the feed.",
  description: "Description of the home page (up to 300 characters).",
  pairs: "Which \"X vs Y\" pages are generated: \"sector\" (every pair within a sector, the default), \"all\" (every pair) or \"curated\" (only pairs with a file in content/comparisons). Curated comparisons always get a page.",
  alternatives_limit: "How many alternatives a page lists (1 to 50, default 8).",
  reverse_pair_pages: "Write a small HTML redirect page at every reverse-order pair address (/compare/b-vs-a/) for hosts without redirect rules, such as GitHub Pages or S3 (default true). _redirects always has the rules; on Netlify or Cloudflare Pages, false halves the number of files.",
  stale_after_days: "A product whose \"updated\" or \"metrics.as_of\" is older than this many days gets a warning from versus check (1 to 3650, default 180).",
};

export const SECTOR_DOCS: FieldDocs = {
  name: "Sector name, e.g. Data streaming (up to 60 characters).",
  description: "One or two sentences describing the sector (up to 500 characters). Inline markdown is allowed.",
};

export const PRODUCT_DOCS: FieldDocs = {
  name: "Display name, e.g. Apache Kafka (up to 80 characters).",
  sector: "Slug of the product's sector: a file in content/sectors, e.g. streaming.",
  website: "Product home page, an http(s) URL. Used for the Visit link.",
  logo: LOGO,
  tagline: "One-line editorial headline, the lead of \"What is X?\" (up to 200 characters).",
  summary: "Paragraph for \"What is X?\". Inline markdown (links, emphasis) is allowed.",
  themes: "Up to 8 top themes as slugs, e.g. share-groups. Shared themes are compared on pair pages.",
  updated: "Date of your last editorial review (ISO 8601, e.g. \"2026-05-04\"). Bump it whenever you review the page.",
  velocity: "Optional override of the velocity score (0 to 10). Leave it out to have it computed from the timeline.",
  timeline: "Releases and announcements, in any order.",
  "timeline[].date": "Date or datetime of the event (ISO 8601, e.g. \"2026-04-01\").",
  "timeline[].title": "What happened, e.g. Kafka 4.0 released (up to 200 characters).",
  "timeline[].url": "Link to the release notes or announcement (http(s) URL).",
  "timeline[].kind": "release (default), bugfix, announcement or post.",
  "timeline[].spark": "true marks an editorial spark, shown with ⚡ (default false).",
  metrics: "Figures with the date they were taken. Alternatively keep them in data/metrics/<slug>.json (not both).",
  ...prefixed("metrics.", METRICS),
  facts: "Named facts for curated feature tables, e.g. license: Apache 2.0. Keys use lowercase letters, digits, - or _.",
  capabilities: "Grouped checklist: group name -> feature name -> yes, no, partial or a short text.",
  choose_if: "The \"Choose X if\" verdict. Inline markdown is allowed.",
  aliases: "Former slugs of this product; each old address redirects here.",
};

export const COMPARISON_DOCS: FieldDocs = {
  title: "Overrides the default page title \"A vs B\".",
  verdict: "The summary at the top of the page. Inline markdown is allowed. Required.",
  rows: "Feature table. Each row is either { label, a, b } or { fact: key } to take both cells from the products' facts.",
  "rows[].label": "Row label, e.g. License (up to 120 characters).",
  "rows[].a": "Cell for the first product in the file name (alphabetical order). Inline markdown.",
  "rows[].b": "Cell for the second product in the file name. Inline markdown.",
  "rows[].fact": "A key of both products' facts, e.g. license.",
  faq: "Extra questions and answers, added after the generated ones.",
  "faq[].q": "The question (up to 300 characters).",
  "faq[].a": "The answer. Markdown is allowed.",
};

export const MATRIX_DOCS: FieldDocs = {
  title: "Matrix title (up to 200 characters).",
  description: "One or two sentences shown under the title (up to 500 characters).",
  columns: { description: "Product slugs, 2 to 12, each once, in column order.", uniqueItems: true },
  highlight: "One of the columns, shown highlighted.",
  sections: "Sections of rows, in order.",
  "sections[].title": "Section title, e.g. Deployment (up to 120 characters).",
  "sections[].rows": "Rows of the section; at least one.",
  "sections[].rows[].feature": "Feature name shown at the start of the row (up to 120 characters).",
  "sections[].rows[].cells": "One cell per column slug, no more, no less: a text, or { text, badge, strong }.",
  "sections[].rows[].cells.*.text": "Cell text (up to 200 characters).",
  "sections[].rows[].cells.*.badge": "Colour of the cell: success, warning, danger or neutral.",
  "sections[].rows[].cells.*.strong": "true shows the text in bold.",
};

export const METRICS_DOCS: FieldDocs = METRICS;

/** A lookahead for an `##` heading line with this title, written as markdown allows (body-sections.ts). */
function headingAhead(title: string): string {
  return `(?=[\\s\\S]*(?:^|\\n) {0,3}##[ \\t]+${title}(?:[ \\t]+#+)?[ \\t]*\\r?(?:\\n|$))`;
}

/** `body` of the JSON record form, which replaces the markdown body of the `.md` form. */
export const BODY_DOCS: Record<"sector" | "product" | "comparison" | "matrix", FieldDoc> = {
  sector: { description: "Markdown introduction shown on the sector page (what the body of the .md form holds)." },
  product: {
    description: "The editorial trajectory in markdown, with the three sections \"## Current state\", \"## Where it's heading\" and \"## Prediction\". More sections may follow. Text above the first heading is shown on no page, and refused.",
    // The rules the checker applies (body-checks.ts), so the JSON form shows them while typing:
    // nothing but blank lines and HTML comments above the first heading, and the three sections.
    pattern: `^(?=\\s*(?:<!--[\\s\\S]*?-->\\s*)* {0,3}##[ \\t])${["Current state", "Where it's heading", "Prediction"].map(headingAhead).join("")}`,
    patternErrorMessage: "expected the sections \"## Current state\", \"## Where it's heading\" and \"## Prediction\", and nothing above the first",
  },
  comparison: { description: "Long-form markdown sections shown after the generated blocks (what the body of the .md form holds)." },
  matrix: { description: "Markdown notes shown under the matrix (what the body of the .md form holds)." },
};
