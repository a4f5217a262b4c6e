/**
 * One valid and one invalid root per rule of the content format (shared/spec/content-format.md),
 * each invalid one asserting the exact printed problem, line included.
 */
import { afterAll, describe, expect, it } from "vitest";
import { type Files, PRODUCT_FIELDS, SECTIONS, cleanupRoots, lines, load, md } from "./helpers.js";

afterAll(cleanupRoots);

const P = "content/products/test-product.md";
const C = "content/comparisons/apache-kafka-vs-redpanda.md";
const M = "content/matrices/grid.md";

/** A product whose base fields are lines 2–7; `changes` edits them in place, `extra` starts at line 8. */
function productFile(changes: Record<string, string | null> = {}, extra = ""): Files {
  const fields = PRODUCT_FIELDS.split("\n").flatMap((line) => {
    const key = line.slice(0, line.indexOf(":"));
    if (!(key in changes)) return [line];
    const value = changes[key];
    return value === null || value === undefined ? [] : [`${key}: ${value}`];
  });
  return { [P]: md(extra === "" ? fields.join("\n") : `${fields.join("\n")}\n${extra}`, SECTIONS) };
}

/** data/site.json with name, url, description on lines 2–4 and any extra keys after. */
function site(fields: Record<string, unknown>): Files {
  const base: Record<string, unknown> = { name: "Versus Test", url: "https://versus.example", description: "Fixture." };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return { "data/site.json": JSON.stringify(base, null, 2) };
}

const matrix = (body: string): Files => ({ [M]: md(`title: Grid\ndescription: Compared.\n${body}`) });
const comparison = (body: string): Files => ({ [C]: md(body) });

interface Rule {
  rule: string;
  valid: Files;
  invalid: Files;
  expected: string[];
}

const RULES: Rule[] = [
  // data/site.json
  { rule: "site.name is required", valid: site({}), invalid: site({ name: undefined }), expected: ["data/site.json:1: name: required field is missing"] },
  { rule: "site.url is an absolute https URL", valid: site({ url: "https://x.example/" }), invalid: site({ url: "http://x.example" }), expected: [`data/site.json:3: url: expected the site's https address, such as https://versus.example.com or https://user.github.io/repo/, found "http://x.example"`] },
  // A path is where the site is served (a GitHub Pages project site); a query or fragment cannot be part of every page's address.
  { rule: "site.url's path is a folder, without dot segments", valid: site({ url: "https://user.github.io/repo.v2/" }), invalid: site({ url: "https://x.example/repo/index.html" }), expected: [`data/site.json:3: url: expected the folder the site is served from, ending in "/": a last part with a dot reads as a page (for "…/repo/index.html", give "…/repo/"), found "https://x.example/repo/index.html"`] },
  { rule: "site.url may have a path, not a query", valid: site({ url: "https://user.github.io/repo/" }), invalid: site({ url: "https://x.example/?page=1" }), expected: [`data/site.json:3: url: expected the site's https address, such as https://versus.example.com or https://user.github.io/repo/, found "https://x.example/?page=1"`] },
  { rule: "site.description is a non-empty text", valid: site({ description: "d" }), invalid: site({ description: "" }), expected: ['data/site.json:4: description: expected a non-empty text, found ""'] },
  { rule: "site.pairs is sector, all or curated", valid: site({ pairs: "curated" }), invalid: site({ pairs: "every" }), expected: ['data/site.json:5: pairs: expected one of sector, all, curated, found "every"'] },
  { rule: "site.alternatives_limit is an integer 1..50", valid: site({ alternatives_limit: 50 }), invalid: site({ alternatives_limit: 51 }), expected: ["data/site.json:5: alternatives_limit: expected a whole number from 1 to 50, found 51"] },
  { rule: "site.alternatives_limit is whole", valid: site({ alternatives_limit: 1 }), invalid: site({ alternatives_limit: 2.5 }), expected: ["data/site.json:5: alternatives_limit: expected a whole number from 1 to 50, found 2.5"] },
  { rule: "site has no unknown keys", valid: site({ stale_after_days: 30 }), invalid: site({ nmae: "x" }), expected: ['data/site.json:5: nmae: unknown field "nmae"; did you mean "name"?'] },

  // sectors
  { rule: "sector.name is 1..60 characters", valid: { "content/sectors/s.md": md(`name: ${"n".repeat(60)}\ndescription: d`) }, invalid: { "content/sectors/s.md": md(`name: ${"n".repeat(61)}\ndescription: d`) }, expected: ["content/sectors/s.md:2: name: expected at most 60 characters, found 61 characters"] },
  { rule: "sector.description is required", valid: { "content/sectors/s.md": md("name: S\ndescription: d") }, invalid: { "content/sectors/s.md": md("name: S") }, expected: ["content/sectors/s.md:1: description: required field is missing"] },

  // products: front matter
  { rule: "product.name is 1..80 characters", valid: productFile({ name: "n".repeat(80) }), invalid: productFile({ name: "n".repeat(81) }), expected: [`${P}:2: name: expected at most 80 characters, found 81 characters`] },
  { rule: "product.name is required", valid: productFile(), invalid: productFile({ name: null }), expected: [`${P}:1: name: required field is missing`] },
  { rule: "product.sector is a slug", valid: productFile({ sector: "streaming" }), invalid: productFile({ sector: "Streaming" }), expected: [`${P}:3: sector: expected a slug (lowercase letters, digits and single hyphens), found "Streaming"`] },
  { rule: "product.website is an absolute http(s) URL", valid: productFile({ website: "http://example.com/x" }), invalid: productFile({ website: "example.com" }), expected: [`${P}:4: website: expected an absolute http(s) URL, found "example.com"`] },
  { rule: "product.logo is under /assets/ or https", valid: productFile({}, "logo: https://cdn.example/logo.png"), invalid: productFile({}, "logo: /images/../logo.png"), expected: [`${P}:8: logo: expected a site path under /assets/ ending in .svg, .png, .jpg, .webp, .gif or .avif, or an https URL, found "/images/../logo.png"`] },
  { rule: "product.logo site path", valid: { ...productFile({}, "logo: /assets/logos/x.svg"), "assets/logos/x.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>" }, invalid: productFile({}, "logo: /assets/../x.svg"), expected: [`${P}:8: logo: expected a site path under /assets/ ending in .svg, .png, .jpg, .webp, .gif or .avif, or an https URL, found "/assets/../x.svg"`] },
  { rule: "product.tagline is 1..200 characters", valid: productFile({ tagline: "t".repeat(200) }), invalid: productFile({ tagline: '""' }), expected: [`${P}:5: tagline: expected a non-empty text, found ""`] },
  { rule: "product.summary is required", valid: productFile(), invalid: productFile({ summary: null }), expected: [`${P}:1: summary: required field is missing`] },
  { rule: "product.themes is at most 8 slugs", valid: productFile({}, "themes: [a, b, c, d, e, f, g, h]"), invalid: productFile({}, "themes:\n  - ok\n  - Not A Slug"), expected: [`${P}:10: themes[1]: expected a slug (lowercase letters, digits and single hyphens), found "Not A Slug"`] },
  { rule: "product.updated written as a number is still a date problem", valid: productFile({ updated: "2026-01-15" }), invalid: productFile({ updated: "20260115" }), expected: [`${P}:7: updated: expected an ISO 8601 date, found 20260115`] },
  { rule: "product.updated is an ISO 8601 date or datetime", valid: productFile({ updated: "2026-01-15T10:00:00+02:00" }), invalid: productFile({ updated: "15/01/2026" }), expected: [`${P}:7: updated: expected an ISO 8601 date, found "15/01/2026"`] },
  { rule: "product.velocity is 0..10", valid: productFile({}, "velocity: 10"), invalid: productFile({}, "velocity: -1"), expected: [`${P}:8: velocity: expected a number from 0 to 10, found -1`] },
  { rule: "timeline entry date is required", valid: productFile({}, "timeline:\n  - date: 2026-01-01\n    title: T"), invalid: productFile({}, "timeline:\n  - title: T"), expected: [`${P}:9: timeline[0].date: required field is missing`] },
  { rule: "timeline entry title is 1..200 characters", valid: productFile({}, `timeline:\n  - date: 2026-01-01\n    title: ${"t".repeat(200)}`), invalid: productFile({}, `timeline:\n  - date: 2026-01-01\n    title: ${"t".repeat(201)}`), expected: [`${P}:10: timeline[0].title: expected at most 200 characters, found 201 characters`] },
  { rule: "timeline entry url is http(s)", valid: productFile({}, "timeline:\n  - date: 2026-01-01\n    title: T\n    url: https://x.example"), invalid: productFile({}, "timeline:\n  - date: 2026-01-01\n    title: T\n    url: mailto:x@x.example"), expected: [`${P}:11: timeline[0].url: expected an absolute http(s) URL, found "mailto:x@x.example"`] },
  { rule: "timeline entry kind is an enum", valid: productFile({}, "timeline:\n  - date: 2026-01-01\n    title: T\n    kind: bugfix"), invalid: productFile({}, "timeline:\n  - date: 2026-01-01\n    title: T\n    kind: relase"), expected: [`${P}:11: timeline[0].kind: expected one of release, bugfix, announcement, post, found "relase"`] },
  { rule: "timeline entry spark is a boolean", valid: productFile({}, "timeline:\n  - date: 2026-01-01\n    title: T\n    spark: true"), invalid: productFile({}, "timeline:\n  - date: 2026-01-01\n    title: T\n    spark: 1"), expected: [`${P}:11: timeline[0].spark: expected true or false, found 1`] },
  { rule: "timeline is a list", valid: productFile({}, "timeline: []"), invalid: productFile({}, "timeline:\n  date: 2026-01-01"), expected: [`${P}:8: timeline: expected a list, found a mapping`] },
  { rule: "metrics.as_of is required", valid: productFile({}, "metrics:\n  as_of: 2026-01-01"), invalid: productFile({}, "metrics:\n  github_stars: 3"), expected: [`${P}:8: metrics.as_of: required field is missing`] },
  { rule: "metrics counts are non-negative integers", valid: productFile({}, "metrics:\n  as_of: 2026-01-01\n  npm_weekly_downloads: 0"), invalid: productFile({}, "metrics:\n  as_of: 2026-01-01\n  npm_weekly_downloads: many"), expected: [`${P}:10: metrics.npm_weekly_downloads: expected a number, found "many"`] },
  { rule: "metrics.rating.value is at most scale", valid: productFile({}, "metrics:\n  as_of: 2026-01-01\n  rating: { value: 5, scale: 5 }"), invalid: productFile({}, "metrics:\n  as_of: 2026-01-01\n  rating:\n    value: 5.5\n    scale: 5"), expected: [`${P}:11: metrics.rating.value: expected a value of at most the scale (5), found 5.5`] },
  { rule: "metrics.rating.scale is positive", valid: productFile({}, "metrics:\n  as_of: 2026-01-01\n  rating: { value: 0, scale: 10 }"), invalid: productFile({}, "metrics:\n  as_of: 2026-01-01\n  rating:\n    value: 0\n    scale: 0"), expected: [`${P}:12: metrics.rating.scale: expected a number greater than 0, found 0`] },
  { rule: "facts keys are lowercase keys", valid: productFile({}, "facts:\n  max_message_size: 1 MB"), invalid: productFile({}, "facts:\n  Max Size: 1 MB"), expected: [`${P}:9: facts["Max Size"]: invalid key "Max Size": expected a key of lowercase letters, digits, hyphens or underscores, found "Max Size"`] },
  { rule: "facts values are non-empty markdown", valid: productFile({}, "facts:\n  license: MIT"), invalid: productFile({}, 'facts:\n  license: ""'), expected: [`${P}:9: facts.license: expected a non-empty text, found ""`] },
  { rule: "capabilities are groups of feature texts", valid: productFile({}, "capabilities:\n  Security:\n    sso: partial\n    audit: no"), invalid: productFile({}, "capabilities:\n  Security:\n    sso: true"), expected: [`${P}:10: capabilities.Security.sso: expected a string, found true; put it in double quotes to keep it as written`] },
  { rule: "choose_if is a non-empty text", valid: productFile({}, "choose_if: you need X."), invalid: productFile({}, "choose_if:"), expected: [`${P}:8: choose_if: expected a string, found an empty value`] },
  { rule: "aliases are slugs", valid: productFile({}, "aliases: [old-name]"), invalid: productFile({}, "aliases: [Old Name]"), expected: [`${P}:8: aliases[0]: expected a slug (lowercase letters, digits and single hyphens), found "Old Name"`] },

  // comparisons
  { rule: "comparison.verdict is required", valid: comparison("verdict: v"), invalid: comparison("title: T"), expected: [`${C}:1: verdict: required field is missing`] },
  { rule: "comparison.title is 1..200 characters", valid: comparison("title: T\nverdict: v"), invalid: comparison(`title: ${"t".repeat(201)}\nverdict: v`), expected: [`${C}:2: title: expected at most 200 characters, found 201 characters`] },
  { rule: "comparison rows are {label, a, b}", valid: comparison("verdict: v\nrows:\n  - { label: L, a: x, b: y }"), invalid: comparison("verdict: v\nrows:\n  - label: L\n    a: x"), expected: [`${C}:4: rows[0].b: required field is missing`] },
  { rule: "comparison rows may be {fact: key}", valid: comparison("verdict: v\nrows:\n  - fact: license"), invalid: comparison("verdict: v\nrows:\n  - fact: Bad Key"), expected: [`${C}:4: rows[0].fact: expected a fact key, found "Bad Key"`] },
  { rule: "comparison rows are mappings", valid: comparison("verdict: v\nrows: []"), invalid: comparison("verdict: v\nrows:\n  - just text"), expected: [`${C}:4: rows[0]: expected a mapping, found "just text"`] },
  { rule: "comparison faq entries are {q, a}", valid: comparison("verdict: v\nfaq:\n  - q: Why?\n    a: Because."), invalid: comparison("verdict: v\nfaq:\n  - q: Why?\n    answer: Because."), expected: [`${C}:5: faq[0].answer: unknown field "answer"; expected one of a, q`, `${C}:4: faq[0].a: required field is missing`].sort(byLine) },

  // matrices
  { rule: "matrix columns are 2..12", valid: matrix("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x, nats: y }"), invalid: matrix("columns: [apache-kafka]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x }"), expected: [`${M}:4: columns: expected at least 2 columns, found 1`] },
  { rule: "matrix columns appear once", valid: matrix("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x, nats: y }"), invalid: matrix("columns:\n  - apache-kafka\n  - apache-kafka\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x }"), expected: [`${M}:6: columns[1]: expected each column once, found "apache-kafka" again`] },
  { rule: "matrix highlight is one of the columns", valid: matrix("columns: [apache-kafka, nats]\nhighlight: nats\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x, nats: y }"), invalid: matrix("columns: [apache-kafka, nats]\nhighlight: redpanda\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x, nats: y }"), expected: [`${M}:5: highlight: expected one of the columns (apache-kafka, nats), found "redpanda"`] },
  { rule: "matrix sections are required", valid: matrix("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x, nats: y }"), invalid: matrix("columns: [apache-kafka, nats]\nsections: []"), expected: [`${M}:5: sections: expected at least one section, found 0`] },
  { rule: "matrix sections have rows", valid: matrix("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x, nats: y }"), invalid: matrix("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows: []"), expected: [`${M}:7: sections[0].rows: expected at least one row, found 0`] },
  { rule: "matrix cells are text or {text, badge, strong}", valid: matrix("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells:\n          apache-kafka: { text: x, badge: danger, strong: true }\n          nats: y"), invalid: matrix("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells:\n          apache-kafka: { text: x, badge: red }\n          nats: 5"), expected: [`${M}:10: sections[0].rows[0].cells.apache-kafka.badge: expected one of success, warning, danger, neutral, found "red"`, `${M}:11: sections[0].rows[0].cells.nats: expected a string or a mapping, found 5`] },
  { rule: "matrix title and description are required", valid: matrix("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x, nats: y }"), invalid: { [M]: md("columns: [apache-kafka, nats]\nsections:\n  - title: S\n    rows:\n      - feature: F\n        cells: { apache-kafka: x, nats: y }") }, expected: [`${M}:1: description: required field is missing`, `${M}:1: title: required field is missing`] },
];

function byLine(a: string, b: string): number {
  return Number(/:(\d+):/.exec(a)?.[1]) - Number(/:(\d+):/.exec(b)?.[1]);
}

describe("content format rules", () => {
  for (const { rule, valid, invalid, expected } of RULES) {
    it(`${rule}: valid`, async () => {
      const result = await load({ files: valid });
      expect(lines(result)).toEqual([]);
      expect(result.content).toBeDefined();
    });
    it(`${rule}: invalid`, async () => {
      const result = await load({ files: invalid });
      expect(lines(result)).toEqual(expected);
      expect(result.content).toBeUndefined();
    });
  }
});
