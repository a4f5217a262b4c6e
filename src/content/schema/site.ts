import { z } from "zod";
import { httpsUrl, text } from "./common.js";

/** data/site.json */
export const siteSchema = z.strictObject({
  name: text(1, 80),
  url: httpsUrl,
  description: text(1, 300),
  pairs: z.enum(["sector", "all", "curated"]).default("sector"),
  alternatives_limit: z.number().int().min(1).max(50).default(8),
  /** Added field: days after which `updated` or `metrics.as_of` counts as stale (warning only). */
  stale_after_days: z.number().int().min(1).max(3650).default(180),
});

export type SiteSettings = z.output<typeof siteSchema>;
