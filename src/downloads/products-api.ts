/**
 * `/api/products.json`: every product's plain data for scripts and other sites.
 * Built from the same ProductView the pages show, so the API and the pages never disagree.
 * No HTML fields: consumers should not have to sanitise what we already rendered.
 */
import type { Metrics } from "../content/schema/index.js";
import type { ProductView } from "../site/types.js";

/** One product in the API. Optional fields are omitted, never null, when the product has none. */
export interface ApiProduct {
  slug: string;
  name: string;
  /** Sector slug. */
  sector: string;
  sector_name: string;
  tagline: string;
  website: string;
  /** Absolute logo URL, when the product has a logo. */
  logo?: string;
  /** Absolute URL of the product page. */
  url: string;
  /** Absolute URL of the alternatives page. */
  alternatives_url: string;
  /** 0..10, one decimal. */
  velocity: number;
  /** True when an editor set the score instead of the timeline computing it. */
  velocity_override: boolean;
  /** What the score is made of (empty when overridden). */
  velocity_parts: { label: string; points: number }[];
  sparks_30d: number;
  themes: string[];
  /** Last editorial update, as the editor wrote it (ISO 8601). */
  updated: string;
  /** Newest first. */
  timeline: { date: string; title: string; kind: string; spark: boolean; url?: string }[];
  capabilities: { group: string; features: { feature: string; value: string }[] }[];
  /** Raw figures (not the formatted "32.5k"), when the caller passed them and the product has some. */
  metrics?: Metrics;
}

export interface ProductsApi {
  /** The build's as-of time, so consumers know how fresh velocity and sparks are. */
  generated: string;
  products: ApiProduct[];
}

/** Metrics keys in schema order, so reordering keys in an editor's file does not change the output. */
const METRIC_KEYS = [
  "as_of", "github_stars", "pypi_weekly_downloads", "npm_weekly_downloads", "docker_pulls", "search_interest", "product_hunt_votes", "rating",
] as const satisfies readonly (keyof Metrics)[];
const RATING_KEYS = ["value", "scale", "count", "source"] as const;

/**
 * The products API document: products sorted by slug, pretty-printed, trailing newline.
 * ProductView holds metrics only as display strings, so raw figures come from `metrics`
 * (the content products' `metrics` by slug); without it the field is left out.
 * @example
 * productsApi(Object.values(model.pairContext.products), "https://versus.example", model.asOfIso,
 *   Object.fromEntries(content.products.map((p) => [p.slug, p.metrics])))
 * // '{\n  "generated": "2026-05-21T00:00:00.000Z",\n  "products": [ ...'
 */
export function productsApi(
  views: ProductView[],
  siteUrl: string,
  asOfIso: string,
  metrics: Record<string, Metrics | undefined> = {},
): string {
  const origin = siteUrl.replace(/\/+$/, "");
  const abs = (path: string): string => (path.startsWith("/") ? origin + path : path);
  // Code-unit order, not localeCompare: the result must not depend on the machine's ICU data.
  const sorted = [...views].sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
  const doc: ProductsApi = {
    generated: asOfIso,
    products: sorted.map((v): ApiProduct => {
      const raw = Object.hasOwn(metrics, v.slug) ? metrics[v.slug] : undefined;
      return {
        slug: v.slug,
        name: v.name,
        sector: v.sector.slug,
        sector_name: v.sector.name,
        tagline: v.tagline,
        website: v.website,
        ...(v.logo === undefined ? {} : { logo: abs(v.logo) }),
        url: abs(v.url),
        alternatives_url: abs(v.alternativesUrl),
        velocity: v.velocity.score,
        velocity_override: v.velocity.override,
        velocity_parts: v.velocity.parts.map((p) => ({ label: p.label, points: p.points })),
        sparks_30d: v.sparks30d,
        themes: [...v.themes],
        updated: v.updated.iso,
        timeline: v.timeline.map((e) => ({
          date: e.time.iso,
          title: e.title,
          kind: e.kind,
          spark: e.spark,
          ...(e.url === undefined ? {} : { url: e.url }),
        })),
        capabilities: v.capabilities.map((g) => ({ group: g.group, features: g.features.map((f) => ({ feature: f.feature, value: f.value })) })),
        ...(raw === undefined ? {} : { metrics: orderedMetrics(raw) }),
      };
    }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * A copy of `m` with keys in schema order and absent keys left out.
 * @example orderedMetrics({ github_stars: 5, as_of: "2026-05-01" }) // { as_of: "2026-05-01", github_stars: 5 }
 */
export function orderedMetrics(m: Metrics): Metrics {
  const out: Record<string, unknown> = {};
  for (const key of METRIC_KEYS) {
    const value = m[key];
    if (value === undefined) continue;
    if (key === "rating" && typeof value === "object") {
      const rating: Record<string, unknown> = {};
      for (const k of RATING_KEYS) if (value[k] !== undefined) rating[k] = value[k];
      out[key] = rating;
    } else {
      out[key] = value;
    }
  }
  return out as Metrics;
}
