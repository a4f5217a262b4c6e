import type { Product } from "../content/types.js";
import { describeVelocityModel, explainVelocity, partViews } from "../compute/velocity.js";
import { pageMeta } from "./pair-page.js";
import { urls } from "./urls.js";
import type { MethodologyPage, ProductView, SiteView } from "./types.js";

/**
 * The methodology page: the velocity model's constants and a worked example computed by the
 * same code as every score, on the product whose timeline shows the most (none on a site
 * without products yet).
 */
export function methodologyPage(all: readonly Product[], views: Record<string, ProductView>, asOfMs: number, site: SiteView): MethodologyPage {
  const example = exampleProduct(all, views);
  return {
    meta: pageMeta(site, {
      title: `How velocity is computed | ${site.name}`,
      description: "The release-velocity score explained: which timeline entries count, how recency and kind weigh, and a worked example.",
      path: urls.methodology(),
      breadcrumbs: [{ name: "Home", url: urls.home() }, { name: "Methodology", url: urls.methodology() }],
    }),
    constants: describeVelocityModel(),
    ...(example === undefined ? {} : { example: workedExample(example, asOfMs) }),
  };
}

function workedExample(product: Product, asOfMs: number): NonNullable<MethodologyPage["example"]> {
  const explained = explainVelocity(product.timeline, asOfMs);
  return {
    productName: product.name,
    parts: partViews(explained.parts),
    score: explained.score.toFixed(1),
    entries: explained.entries.filter((e) => e.status === "counted").map((e) => ({ date: e.date, kind: e.kind, weight: e.weight.toFixed(3) })),
  };
}

/** The product with the most timeline entries (not overridden by the editors) makes the clearest example. */
function exampleProduct(all: readonly Product[], views: Record<string, ProductView>): Product | undefined {
  const candidates = all.filter((p) => !views[p.slug]!.velocity.override);
  return [...(candidates.length ? candidates : all)].sort((x, y) => y.timeline.length - x.timeline.length || (x.slug < y.slug ? -1 : 1))[0];
}
