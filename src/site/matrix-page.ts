import type { Matrix } from "../content/types.js";
import { pageMeta } from "./pair-page.js";
import { renderMarkdown } from "./markdown.js";
import { slugifyHeading } from "./product-view.js";
import { urls } from "./urls.js";
import type { MatrixPage, ProductView, SiteView } from "./types.js";

/**
 * A feature matrix page: columns in the editor's order, every cell with its badge and emphasis,
 * a link target per section and row, and whether a row's cells differ (for "differences only").
 */
export function matrixPage(m: Matrix, products: Record<string, ProductView>, site: SiteView): MatrixPage {
  const path = urls.matrix(m.slug);
  const ids = new Set<string>();
  return {
    slug: m.slug,
    title: m.title,
    description: m.description,
    meta: pageMeta(site, {
      title: `${m.title} | ${site.name}`,
      description: m.description,
      path,
      breadcrumbs: [{ name: "Home", url: urls.home() }, { name: m.title, url: path }],
    }),
    columns: m.columns.map((c) => ({ slug: c, name: products[c]!.name, url: products[c]!.url, tagline: products[c]!.tagline, highlight: c === m.highlight })),
    sections: m.sections.map((section) => ({
      title: section.title,
      id: uniqueId(`section-${slugifyHeading(section.title)}`, ids),
      rows: section.rows.map((row) => {
        const cells = m.columns.map((c) => {
          const cell = row.cells[c]!;
          return typeof cell === "string"
            ? { text: cell, strong: false, highlight: c === m.highlight }
            : { text: cell.text, ...(cell.badge ? { badge: cell.badge } : {}), strong: cell.strong ?? false, highlight: c === m.highlight };
        });
        return { feature: row.feature, id: uniqueId(`row-${slugifyHeading(row.feature)}`, ids), differs: new Set(cells.map((c) => c.text)).size > 1, cells };
      }),
    })),
    // Under the page's "Notes" <h2>.
    notesHtml: renderMarkdown(m.body, { caption: "Notes", headings: { below: 2, top: 2 } }),
    downloads: [
      { name: "CSV", url: urls.matrixDownload(m.slug, "csv") },
      { name: "JSON", url: urls.matrixDownload(m.slug, "json") },
    ],
  };
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
