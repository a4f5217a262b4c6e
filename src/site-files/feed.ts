import { escapeHtml } from "../compute/escape-html.js";
import type { ActivityRow } from "../site/types.js";

/**
 * An Atom feed of recent activity across products, newest first. Entry ids are stable (product
 * page + entry date + title), so feed readers do not show an entry twice. The feed's `updated`
 * is its newest entry's time, or the build's as-of time (`asOfIso`) when it has no entry.
 */
export function atomFeed(site: { name: string; url: string }, rows: readonly ActivityRow[], asOfIso: string): string {
  const e = escapeHtml;
  const updated = rows[0] ? new Date(rows[0].entry.time.ms).toISOString() : asOfIso;
  const entries = rows
    .map((r) => {
      const when = new Date(r.entry.time.ms).toISOString();
      const link = r.entry.url ?? site.url + r.product.url;
      return `<entry>
<title>${e(`${r.product.name}: ${r.entry.title}`)}</title>
<id>${e(`${site.url}${r.product.url}#${r.entry.time.iso}-${encodeURIComponent(r.entry.title)}`)}</id>
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
