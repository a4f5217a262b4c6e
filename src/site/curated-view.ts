import type { Comparison, Product } from "../content/types.js";
import { timeView } from "../compute/relative-time.js";
import { escapeHtml } from "../compute/escape-html.js";
import { capabilityView, formatMetric, METRIC_LABELS, slugifyHeading } from "./product-view.js";
import { markdownToText, renderInline, renderMarkdown } from "./markdown.js";
import type { CuratedView } from "./types.js";

/**
 * The editor-curated blocks of a comparison page: verdict, feature table, metrics side by side,
 * the capability checklist merged over both products, "Choose X if", the long-form body and the
 * FAQ, whose plain-text answers (for JSON-LD) give each link's address on `siteUrl`.
 */
export function curatedView(comparison: Comparison, a: Product, b: Product, asOfMs: number, siteUrl: string): CuratedView {
  return {
    ...(comparison.title === undefined ? {} : { title: comparison.title }),
    verdictHtml: renderInline(comparison.verdict),
    rows: (comparison.rows ?? []).map((row) =>
      "fact" in row
        ? { label: factLabel(row.fact), aHtml: factCell(a, row.fact), bHtml: factCell(b, row.fact) }
        : { label: row.label, aHtml: renderInline(row.a), bHtml: renderInline(row.b) },
    ),
    metrics: {
      ...(a.metrics ? { asOfA: timeView(a.metrics.as_of, asOfMs) } : {}),
      ...(b.metrics ? { asOfB: timeView(b.metrics.as_of, asOfMs) } : {}),
      rows: METRIC_LABELS.flatMap(([key, label]) => {
        const va = a.metrics && formatMetric(a.metrics, key);
        const vb = b.metrics && formatMetric(b.metrics, key);
        return va || vb ? [{ label, a: va || "—", b: vb || "—" }] : [];
      }),
    },
    capabilities: mergedCapabilities(a, b),
    chooseIf: {
      ...(a.choose_if ? { aHtml: renderInline(a.choose_if) } : {}),
      ...(b.choose_if ? { bHtml: renderInline(b.choose_if) } : {}),
    },
    bodySections: splitLongForm(comparison.body),
    faq: (comparison.faq ?? []).map((f) => ({ question: f.q, answerHtml: renderInline(f.a), answerText: markdownToText(f.a, { linksFrom: siteUrl }) })),
  };
}

/**
 * A readable label for a fact key.
 * @example factLabel("primary_purpose") // "Primary purpose"
 */
export function factLabel(key: string): string {
  const words = key.replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function factCell(p: Product, key: string): string {
  const fact = p.facts?.[key];
  return fact === undefined ? escapeHtml("—") : renderInline(fact);
}

/** Groups and features in first-seen order over both products; "—" where one does not say. */
function mergedCapabilities(a: Product, b: Product): CuratedView["capabilities"] {
  const groups = new Map<string, string[]>();
  for (const caps of [a.capabilities ?? {}, b.capabilities ?? {}]) {
    for (const [group, features] of Object.entries(caps)) {
      const list = groups.get(group) ?? [];
      for (const f of Object.keys(features)) if (!list.includes(f)) list.push(f);
      groups.set(group, list);
    }
  }
  return [...groups].map(([group, features]) => ({
    group,
    rows: features.map((feature) => ({
      feature,
      a: capabilityView(feature, a.capabilities?.[group]?.[feature]),
      b: capabilityView(feature, b.capabilities?.[group]?.[feature]),
    })),
  }));
}

/** The long-form body as sections at its `##` headings (text before the first one is a lead). */
function splitLongForm(body: string): CuratedView["bodySections"] {
  const parts = body.split(/^## +(.+)$/m);
  const out: CuratedView["bodySections"] = [];
  const lead = parts[0]!.trim();
  // Each part is an <h2> section of the page, and "###" its editor's top heading level.
  const headings = { below: 2, top: 3 };
  if (lead) out.push({ title: "Overview", id: "overview", html: renderMarkdown(lead, { headings }) });
  for (let i = 1; i < parts.length; i += 2) {
    const title = parts[i]!.trim();
    out.push({ title, id: `long-${slugifyHeading(title)}`, html: renderMarkdown(parts[i + 1] ?? "", { caption: title, headings }) });
  }
  return out;
}
