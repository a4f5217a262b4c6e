import { z } from "zod";
import { httpsSiteUrl, text } from "./common.js";

const LIMIT = { message: "expected a whole number from 1 to 50" };
const STALE = { message: "expected a whole number from 1 to 3650" };

/** data/site.json */
export const siteSchema = z.strictObject({
  name: text(1, 80),
  url: httpsSiteUrl,
  description: text(1, 300),
  pairs: z.enum(["sector", "all", "curated"]).default("sector"),
  alternatives_limit: z.number().int(LIMIT).min(1, LIMIT).max(50, LIMIT).default(8),
  /**
   * Added field: write a small HTML redirect page at every reverse-order pair URL
   * (`/compare/b-vs-a/`) for hosts without redirect rules. `_redirects` always has the rules;
   * on Netlify or Cloudflare Pages, `false` halves the number of files.
   */
  reverse_pair_pages: z.boolean().default(true),
  /** Added field: days after which `updated` or `metrics.as_of` counts as stale (warning only). */
  stale_after_days: z.number().int(STALE).min(1, STALE).max(3650, STALE).default(180),
});

export type SiteSettings = z.output<typeof siteSchema>;
