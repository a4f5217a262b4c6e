import type MarkdownItClass from "markdown-it";
import { choosePairs, reversePairSlug } from "../compute/pairs.js";
import { aliasRedirects } from "../site/alias-redirects.js";
import { urls } from "../site/urls.js";
import { didYouMean } from "./did-you-mean.js";
import { formatPath } from "./paths.js";
import { error } from "./problems.js";
import type { Content, Problem } from "./types.js";

/** Where a record's text sits: the line of a front-matter field, or of the body's first line. */
export type LineOf = (file: string, field: readonly (string | number)[]) => number | undefined;

/**
 * The markdown dialect of the pages (raw HTML off), only to find links: rendering is
 * src/site/markdown.ts. Loaded for the first text with a site link: `check` of a site without
 * any starts sooner.
 */
type MarkdownIt = InstanceType<typeof MarkdownItClass>;
let md: MarkdownIt | undefined;
/** A link or image, inline or by reference, to a site path: "](/…" or "]: /…". */
const SITE_LINK = /\](?:\(|:)\s*<?\/(?!\/)/;

interface Text {
  file: string;
  /** The field path as problem lines print it, and as the line map knows it. */
  field: string;
  path: readonly (string | number)[];
  source: string;
  block: boolean;
}

/**
 * Links and images in content's markdown that point into the site (`/…`) at a page or file it
 * does not build: a reader would land on the 404 page. Checked against the pages the content
 * makes (products, their alternatives, sectors, matrices and their downloads, the pairs that get
 * pages, aliases, and the fixed pages), so a typo or a removed product's link is caught before
 * it is published. Each problem names the field, on the line of the paragraph that holds it.
 * In a root with errors, `content` holds its valid records and `whole` what every record found
 * makes; a link to a pair with an `unsure` product (its file has errors) is left until it is fixed.
 * @example await brokenInternalLinks(content, lineOf, bodyLineOf)
 * // [{ file: "content/products/nats.md", line: 14, field: "body", message: "links to /products/kafak/, which this site does not have; link to a page the site builds (did you mean /products/apache-kafka/?), or …" }]
 */
export async function brokenInternalLinks(
  content: Content,
  lineOf: LineOf,
  bodyLineOf: (file: string) => number | undefined,
  whole: { site: SitePages; unsure: ReadonlySet<string> } = { site: content, unsure: new Set() },
): Promise<Problem[]> {
  let pages: Set<string> | undefined;
  let pairs: Set<string> | undefined;
  const problems: Problem[] = [];
  for (const text of markdownTexts(content)) {
    // Most texts link nowhere in the site: not parsed at all (a build loads every record).
    if (!SITE_LINK.test(text.source)) continue;
    md ??= new (await import("markdown-it")).default({ html: false });
    for (const link of siteLinks(md, text.source, text.block)) {
      const pair = link.path.startsWith("/compare/");
      if (pair && [...whole.unsure].some((slug) => link.path.includes(`/${slug}-vs-`) || link.path.includes(`-vs-${slug}/`) || link.path.endsWith(`-vs-${slug}`))) continue;
      // Pair pages are most of a site (44,700 at 600 products): listed only for a link to one.
      const known = pair ? (pairs ??= pairPaths(whole.site)) : (pages ??= pagePaths(whole.site));
      if (reaches(known, link.path)) continue;
      // A JSON record's body is one string: its key's line.
      const bodyLine = text.block ? bodyLineOf(text.file) : undefined;
      const line = bodyLine !== undefined ? bodyLine + link.line : lineOf(text.file, text.path);
      // Not among 44,700 pair pages: that would sort them all for each broken link.
      const near = known === pairs ? undefined : didYouMean(link.path, known);
      const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
      problems.push(error(text.file, `links to ${link.path}, which this site does not have; link to a page the site builds${hint}, or give a full https:// address`, { line, field: text.field }));
    }
  }
  return problems;
}

/**
 * Whether a link's path is one of the site's: as written, with the slash a folder's address
 * ends in, as the folder's `index.html`, or percent-decoded.
 * @example reaches(new Set(["/products/nats/"]), "/products/nats/index.html") // true
 */
function reaches(known: ReadonlySet<string>, path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // Not valid percent-encoding: only the path as written can match.
  }
  return [path, decoded].some((p) => known.has(p) || known.has(`${p}/`) || (p.endsWith("/index.html") && known.has(p.slice(0, -"index.html".length))));
}

/**
 * What decides which pages a site has. A valid root's Content; for a root with errors, every
 * record found, as far as it could be read, so links in its valid records are checked too.
 */
export interface SitePages {
  site: Pick<Content["site"], "pairs" | "reverse_pair_pages">;
  sectors: readonly { slug: string }[];
  products: readonly { slug: string; sector: string; aliases?: readonly string[] | undefined }[];
  matrices: readonly { slug: string }[];
  comparisons: readonly { a: string; b: string }[];
}

/** Every site path the content makes a page or file for, pair pages aside. */
function pagePaths(content: SitePages): Set<string> {
  const paths = new Set([urls.home(), urls.search(), urls.methodology(), "/404.html", "/feed.xml", "/sitemap.xml", "/robots.txt", "/api/products.json"]);
  for (const s of content.sectors) paths.add(urls.sector(s.slug));
  for (const p of content.products) {
    paths.add(urls.product(p.slug));
    paths.add(urls.alternatives(p.slug));
  }
  // A renamed product's old addresses, which the build writes as redirect pages.
  for (const redirect of aliasRedirects(content.products, [])) paths.add(redirect.from);
  for (const m of content.matrices) {
    paths.add(urls.matrix(m.slug));
    for (const format of ["csv", "json"] as const) paths.add(urls.matrixDownload(m.slug, format));
  }
  return paths;
}

/** The pages of the pairs that get one, their reverse-order redirects when the site has them, and those under old slugs. */
function pairPaths(content: SitePages): Set<string> {
  const paths = new Set<string>();
  const pairs = choosePairs(content.products, content.site.pairs, content.comparisons);
  for (const pair of pairs) {
    paths.add(urls.compare(pair.slug));
    if (content.site.reverse_pair_pages) paths.add(urls.compare(reversePairSlug(pair.a, pair.b)));
  }
  for (const redirect of aliasRedirects(content.products, pairs)) paths.add(redirect.from);
  return paths;
}

/** Every markdown text of the content, with the field it is in. */
function* markdownTexts(content: Content): Generator<Text> {
  const inline = (file: string, path: (string | number)[], source: string | undefined): Text[] =>
    source === undefined ? [] : [{ file, field: formatPath(path), path, source, block: false }];
  const body = (file: string, source: string): Text => ({ file, field: "body", path: ["body"], source, block: true });
  for (const s of content.sectors) yield* [...inline(s.file, ["description"], s.description), body(s.file, s.body)];
  for (const p of content.products) {
    yield* inline(p.file, ["summary"], p.summary);
    for (const [key, value] of Object.entries(p.facts ?? {})) yield* inline(p.file, ["facts", key], value);
    yield* inline(p.file, ["choose_if"], p.choose_if);
    yield body(p.file, p.body);
  }
  for (const c of content.comparisons) {
    yield* inline(c.file, ["verdict"], c.verdict);
    for (const [i, row] of (c.rows ?? []).entries()) if ("label" in row) yield* [...inline(c.file, ["rows", i, "a"], row.a), ...inline(c.file, ["rows", i, "b"], row.b)];
    for (const [i, f] of (c.faq ?? []).entries()) yield* inline(c.file, ["faq", i, "a"], f.a);
    yield body(c.file, c.body);
  }
  for (const m of content.matrices) yield body(m.file, m.body);
}

/**
 * The site paths that links and images in markdown point to (`/products/x/`, query and fragment
 * dropped), each with its line in the text (0-based; the line where its paragraph starts).
 * @example siteLinks(new MarkdownIt(), "See [Kafka](/products/apache-kafka/#faq).", false) // [{ path: "/products/apache-kafka/", line: 0 }]
 */
export function siteLinks(md: MarkdownIt, source: string, block: boolean): { path: string; line: number }[] {
  const found: { path: string; line: number }[] = [];
  const tokens = block ? md.parse(source, {}) : md.parseInline(source, {});
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      const attribute = child.type === "link_open" ? child.attrGet("href") : child.type === "image" ? child.attrGet("src") : null;
      const target = attribute === null ? "" : String(attribute);
      if (!target.startsWith("/") || target.startsWith("//")) continue;
      found.push({ path: target.replace(/[?#].*$/, ""), line: token.map?.[0] ?? 0 });
    }
  }
  return found;
}
