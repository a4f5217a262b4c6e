import { z } from "zod";
import { FACT_KEY_PATTERN, httpUrl, isoDate, markdown, slug, text } from "./common.js";

export const TIMELINE_KINDS = ["release", "bugfix", "announcement", "post"] as const;

export const timelineEntrySchema = z.strictObject({
  date: isoDate,
  title: text(1, 200),
  url: httpUrl.optional(),
  kind: z.enum(TIMELINE_KINDS).default("release"),
  spark: z.boolean().default(false),
});

const COUNT = { message: "expected a whole number of at least 0" };
const count = z.number().int(COUNT).min(0, COUNT);

export const ratingSchema = z.strictObject({
  value: z.number().min(0, { message: "expected a number of at least 0" }),
  scale: z.number().positive({ message: "expected a number greater than 0" }),
  count: count.optional(),
  source: text(1, 80).optional(),
}).superRefine((r, ctx) => {
  if (r.value > r.scale) ctx.addIssue({ code: "custom", path: ["value"], message: `expected a value of at most the scale (${r.scale})` });
});

export const metricsSchema = z.strictObject({
  as_of: isoDate,
  github_stars: count.optional(),
  pypi_weekly_downloads: count.optional(),
  npm_weekly_downloads: count.optional(),
  docker_pulls: count.optional(),
  search_interest: count.optional(),
  product_hunt_votes: count.optional(),
  rating: ratingSchema.optional(),
});

/** A fact key or capability name used as a map key. */
const factKey = z.string().regex(FACT_KEY_PATTERN, {
  message: "expected a key of lowercase letters, digits, hyphens or underscores",
});

export const CAPABILITY_VALUES = ["yes", "no", "partial"] as const;

/** A site path under /assets/ naming an image (served with an image type), or an https URL. */
const logo = z.string().refine(
  (v) => (/^\/assets\/[A-Za-z0-9._\/-]+\.(?:svg|png|jpe?g|webp|gif|avif)$/.test(v) && !v.includes("..")) || /^https:\/\/[^\s]+$/.test(v),
  { message: "expected a site path under /assets/ ending in .svg, .png, .jpg, .webp, .gif or .avif, or an https URL" },
);

const VELOCITY = { message: "expected a number from 0 to 10" };

/** content/products/<slug>.md front matter. */
export const productSchema = z.strictObject({
  name: text(1, 80),
  sector: slug,
  website: httpUrl,
  logo: logo.optional(),
  tagline: text(1, 200),
  summary: markdown,
  themes: z.array(slug).max(8, { message: "expected at most 8 themes" }).default([]),
  updated: isoDate,
  velocity: z.number().min(0, VELOCITY).max(10, VELOCITY).optional(),
  timeline: z.array(timelineEntrySchema).default([]),
  metrics: metricsSchema.optional(),
  facts: z.record(factKey, markdown).optional(),
  capabilities: z.record(text(1, 80), z.record(text(1, 120), text(1, 200))).optional(),
  choose_if: markdown.optional(),
  aliases: z.array(slug).optional(),
});

export type TimelineEntry = z.output<typeof timelineEntrySchema>;
export type Metrics = z.output<typeof metricsSchema>;
export type ProductFields = z.output<typeof productSchema>;

/** The `##` sections every product body must have, in this order of display. */
export const REQUIRED_SECTIONS = ["Current state", "Where it's heading", "Prediction"] as const;
