import { escapeHtml } from "../compute/escape-html.js";
import type { ActivityRow } from "../site/types.js";

/**
 * An Atom feed of recent activity across products, newest first. Entry ids are stable (product
 * page + entry date + title: see entryIds), so feed readers do not show an entry twice. The feed's `updated`
 * is its newest entry's time, or the build's as-of time (`asOfIso`) when it has no entry.
 */
export function atomFeed(site: { name: string; url: string }, rows: readonly ActivityRow[], asOfIso: string): string {
  const e = escapeHtml;
  const updated = rows[0] ? new Date(rows[0].entry.time.ms).toISOString() : asOfIso;
  const ids = entryIds(site.url, rows);
  const entries = rows
    .map((r, i) => {
      const when = new Date(r.entry.time.ms).toISOString();
      const link = r.entry.url ?? site.url + r.product.url;
      return `<entry>
<title>${e(`${r.product.name}: ${r.entry.title}`)}</title>
<id>${e(ids[i]!)}</id>
<link href="${e(link)}"/>
<updated>${when}</updated>
<summary>${e(`${r.entry.kindLabel}${r.entry.spark ? " (spark)" : ""} from ${r.product.name}`)}</summary>
</entry>
`;
    })
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${e(site.name)}: recent activity</title>
<id>${e(site.url)}/</id>
<link href="${e(site.url)}/"/>
<link rel="self" href="${e(site.url)}/feed.xml"/>
<updated>${updated}</updated>
<author><name>${e(site.name)}</name></author>
${entries}</feed>
`;
}

/**
 * Each row's entry id: product page, date and title, and its kind too when another row has the
 * same three (a release and a post of one name on one day), then a count if still the same;
 * Atom readers take entries with one id for one entry and drop the rest.
 */
function entryIds(siteUrl: string, rows: readonly ActivityRow[]): string[] {
  const base = rows.map((r) => `${siteUrl}${r.product.url}#${r.entry.time.iso}-${encodeURIComponent(r.entry.title)}`);
  const shared = new Set(base.filter((id, i) => base.indexOf(id) !== i));
  const seen = new Map<string, number>();
  return base.map((id, i) => {
    const kinded = shared.has(id) ? `${id}-${rows[i]!.entry.kind}` : id;
    const n = (seen.get(kinded) ?? 0) + 1;
    seen.set(kinded, n);
    return n === 1 ? kinded : `${kinded}-${n}`;
  });
}
