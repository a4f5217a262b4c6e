/**
 * Starter files for `versus new`. Each holds every required field; what only an editor can write
 * is a string starting with `TODO`, which `versus check` reports as not yet written, so a
 * scaffolded file cannot be published by accident. Optional fields are shown as comments.
 * Pure: no clock, no file system; the caller passes `today`.
 */
import { REQUIRED_SECTIONS } from "../content/schema/index.js";
import { yamlString } from "./yaml-text.js";

/** What each required product section asks for, in the order of REQUIRED_SECTIONS. */
const SECTION_PROMPTS: Record<(typeof REQUIRED_SECTIONS)[number], string> = {
  "Current state": "TODO: where the product stands today, in a short paragraph.",
  "Where it's heading": "TODO: the direction its recent releases and announcements point to.",
  Prediction: "TODO: what you expect next, and roughly when.",
};

/**
 * @example sectorTemplate({ slug: "streaming", name: "Data streaming" })
 * // "---\nname: \"Data streaming\"\ndescription: \"TODO: …\"\n---\n"
 */
export function sectorTemplate(args: { slug: string; name: string }): string {
  return [
    "---",
    `name: ${yamlString(args.name)}`,
    `description: "TODO: one or two sentences describing the sector, at most 500 characters"`,
    "---",
    "",
  ].join("\n");
}

/**
 * A product file with the three required body sections.
 * @example productTemplate({ slug: "redpanda", sector: "streaming", name: "Redpanda", today: "2026-05-04" })
 */
export function productTemplate(args: { slug: string; sector: string; name: string; today: string }): string {
  const sections = REQUIRED_SECTIONS.flatMap((title) => [`## ${title}`, "", SECTION_PROMPTS[title], ""]);
  return [
    "---",
    `name: ${yamlString(args.name)}`,
    `sector: ${yamlString(args.sector)}`,
    // A placeholder, not a made-up URL: a wrong link would pass every check unnoticed.
    `website: "TODO: the product's home page, an https:// address"`,
    `tagline: "TODO: one-line headline, at most 200 characters"`,
    `summary: ${JSON.stringify(`TODO: a short paragraph answering "What is ${args.name}?"; links and *emphasis* allowed`)}`,
    // Quoted so every YAML parser keeps it as the text written, not a Date object.
    `updated: ${JSON.stringify(args.today)}`,
    "# Optional fields: delete the # in front of the lines you need. Guide: docs/editing.md",
    `# logo: /assets/logos/${args.slug}.svg   # the file assets/logos/${args.slug}.svg, or an https:// address`,
    "# themes: [first-theme, second-theme]",
    "# velocity: 7.5",
    "# timeline:",
    `#   - date: ${JSON.stringify(args.today)}`,
    "#     title: Version 2.0 released",
    "#     url: https://…",
    "#     kind: release          # release, bugfix, announcement or post",
    "#     spark: true            # an editorial spark, shown with ⚡",
    "# metrics:",
    `#   as_of: ${JSON.stringify(args.today)}`,
    "#   github_stars: 12000",
    "# facts:",
    "#   license: Apache 2.0",
    "# capabilities:",
    "#   Deployment:",
    "#     Self-hosted: yes       # yes, no, partial or a short text",
    "# choose_if: you need …",
    "# aliases: [former-slug]",
    "---",
    "",
    ...sections,
  ].join("\n");
}

/**
 * A curated comparison; `a` and `b` may come in any order, the file is written in canonical order.
 * @example comparisonTemplate({ a: "redpanda", b: "apache-kafka" }) // rows' `a` is apache-kafka
 */
export function comparisonTemplate(args: { a: string; b: string }): string {
  const [a, b] = args.a <= args.b ? [args.a, args.b] : [args.b, args.a];
  return [
    "---",
    `# In rows, "a" is ${a} and "b" is ${b} (alphabetical order, as in the file name).`,
    `verdict: "TODO: the summary at the top: who should choose ${a}, who should choose ${b}"`,
    "# Optional fields: delete the # in front of the lines you need. Guide: docs/editing.md",
    `# title: "${a} vs ${b}: …"`,
    "# rows:",
    "#   - fact: license          # both cells from the products' facts",
    "#   - label: Managed service",
    "#     a: Yes, …",
    "#     b: No",
    "# faq:",
    "#   - q: Can I migrate from one to the other?",
    "#     a: Yes. …",
    "---",
    "",
  ].join("\n");
}

/**
 * A feature matrix with one section and one row whose cells cover every column.
 * @example matrixTemplate({ slug: "streaming-platforms", columns: ["apache-kafka", "redpanda"] })
 */
export function matrixTemplate(args: { slug: string; columns: string[] }): string {
  const first = args.columns[0] ?? "first-column";
  return [
    "---",
    `title: "TODO: matrix title, e.g. Streaming platforms compared"`,
    `description: "TODO: one or two sentences shown under the title, at most 500 characters"`,
    `columns: [${args.columns.map(yamlString).join(", ")}]`,
    `# highlight: ${yamlString(first)}      # optional: one of the columns, shown highlighted`,
    "sections:",
    `  - title: "TODO: section title, e.g. Deployment"`,
    "    rows:",
    `      - feature: "TODO: feature name"`,
    "        cells:",
    ...args.columns.map((c) => `          ${yamlString(c)}: "TODO"`),
    "          # A cell may also be { text: Yes, badge: success, strong: true }",
    "          # badges: success, warning, danger, neutral",
    "---",
    "",
  ].join("\n");
}
