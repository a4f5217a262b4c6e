/**
 * Reads a built HTML file with a real HTML parser (htmlparser2, the parser linkinator uses) and
 * returns what the site-quality tests need: every URL reference with its element and line, every
 * id / a[name] (fragment targets), JSON-LD blocks and the canonical link.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Parser } from "htmlparser2";
import { listFiles, urlPathOf } from "./built-site.js";

export interface Reference {
  /** The attribute's raw value, e.g. "/products/kafka/#faq" (one srcset candidate per reference). */
  url: string;
  /** The element and attribute, e.g. `<a href>`. */
  element: string;
  line: number;
  /** A same-document reference that is only an id (SVG `url(#id)`), not a URL. */
  idOnly?: boolean;
}

export interface JsonLdBlock {
  text: string;
  line: number;
}

export interface ParsedPage {
  references: Reference[];
  /** id attributes and a[name] values. */
  ids: Set<string>;
  duplicateIds: { id: string; line: number }[];
  jsonLd: JsonLdBlock[];
  canonical: string[];
  /** href of every <link rel="icon"> (or "shortcut icon" / "apple-touch-icon"). */
  icons: string[];
  /** href of every <link rel="alternate" type="application/atom+xml">. */
  feeds: string[];
  /** h1–h6 in document order. */
  headings: { level: number; text: string; line: number }[];
  /** Every <table>: its caption text (null: none) and the th elements without a valid scope. */
  tables: { line: number; caption: string | null; thWithoutScope: { text: string; line: number }[] }[];
  /** The first element in <body> that takes keyboard focus by default (a[href], button, input, select, textarea, [tabindex]). */
  firstFocusable: { tag: string; href: string | null; line: number } | null;
}

const HEADING = /^h([1-6])$/;
const SCOPES = new Set(["row", "col", "rowgroup", "colgroup"]);

/** Elements and attributes that hold URLs. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  iframe: ["src"],
  embed: ["src"],
  object: ["data"],
  form: ["action"],
  input: ["src"],
  blockquote: ["cite"],
  q: ["cite"],
  ins: ["cite"],
  del: ["cite"],
  // SVG
  use: ["href", "xlink:href"],
  image: ["href", "xlink:href"],
};

/** <meta> values that are URLs of this site. */
const META_URL_PROPERTIES = new Set(["og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image"]);

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function srcsetUrls(value: string): string[] {
  return value
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

export function parseHtml(html: string): ParsedPage {
  const starts = lineStarts(html);
  const page: ParsedPage = { references: [], ids: new Set(), duplicateIds: [], jsonLd: [], canonical: [], icons: [], feeds: [], headings: [], tables: [], firstFocusable: null };
  let jsonLd: JsonLdBlock | undefined;
  let inBody = false;
  let heading: { level: number; text: string; line: number } | undefined;
  const tableStack: ParsedPage["tables"] = [];
  let caption: { text: string } | undefined;
  let th: { text: string; line: number; scoped: boolean } | undefined;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = lineAt(starts, parser.startIndex);
        const add = (url: string, attr: string) => page.references.push({ url, element: `<${name} ${attr}>`, line });

        for (const key of ["id", ...(name === "a" ? ["name"] : [])]) {
          const id = attributes[key];
          if (id === undefined || id === "") continue;
          if (key === "id" && page.ids.has(id)) page.duplicateIds.push({ id, line });
          page.ids.add(id);
        }

        const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
        const skipLink = name === "link" && (rel.includes("preconnect") || rel.includes("dns-prefetch"));
        for (const attr of URL_ATTRIBUTES[name] ?? []) {
          const value = attributes[attr];
          if (value === undefined || skipLink) continue;
          if (attr === "srcset") srcsetUrls(value).forEach((url) => add(url, attr));
          else add(value.trim(), attr);
        }
        if (name === "link" && rel.includes("canonical") && attributes.href) page.canonical.push(attributes.href);
        if (name === "link" && (rel.includes("icon") || rel.includes("apple-touch-icon")) && attributes.href) page.icons.push(attributes.href);
        if (name === "link" && rel.includes("alternate") && attributes.type === "application/atom+xml" && attributes.href) page.feeds.push(attributes.href);

        if (name === "meta") {
          const content = attributes.content ?? "";
          if ((attributes["http-equiv"] ?? "").toLowerCase() === "refresh") {
            const match = /^\s*\d+(?:\.\d*)?\s*[;,]\s*url\s*=\s*['"]?([^'"]+)['"]?\s*$/i.exec(content);
            if (match?.[1]) add(match[1].trim(), 'http-equiv="refresh" content');
          }
          const property = (attributes.property ?? attributes.name ?? "").toLowerCase();
          if (META_URL_PROPERTIES.has(property) && content) add(content.trim(), `${attributes.property ? "property" : "name"}="${property}" content`);
        }

        // Same-document id references in SVG paint and inline styles: fill="url(#pattern)".
        for (const [attr, value] of Object.entries(attributes)) {
          for (const match of value.matchAll(/url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/g)) {
            page.references.push({ url: `#${match[1]}`, element: `<${name} ${attr}>`, line, idOnly: true });
          }
        }

        if (name === "script" && (attributes.type ?? "").trim().toLowerCase() === "application/ld+json") {
          jsonLd = { text: "", line };
        }

        if (name === "body") inBody = true;
        if (inBody && !page.firstFocusable) {
          const tabindex = attributes.tabindex;
          const focusable =
            ((name === "a" || name === "area") && attributes.href !== undefined) ||
            (["button", "select", "textarea"].includes(name) && attributes.disabled === undefined) ||
            (name === "input" && attributes.type !== "hidden" && attributes.disabled === undefined) ||
            (tabindex !== undefined && Number(tabindex) >= 0);
          if (focusable) page.firstFocusable = { tag: name, href: attributes.href ?? null, line };
        }
        const level = HEADING.exec(name)?.[1];
        if (level) heading = { level: Number(level), text: "", line };
        if (name === "table") tableStack.push({ line, caption: null, thWithoutScope: [] });
        if (name === "caption") caption = { text: "" };
        if (name === "th") th = { text: "", line, scoped: SCOPES.has((attributes.scope ?? "").toLowerCase()) };
      },
      ontext(text) {
        if (jsonLd) jsonLd.text += text;
        if (heading) heading.text += text;
        if (caption) caption.text += text;
        if (th) th.text += text;
      },
      onclosetag(name) {
        if (name === "script" && jsonLd) {
          page.jsonLd.push(jsonLd);
          jsonLd = undefined;
        }
        if (HEADING.test(name) && heading) {
          page.headings.push({ ...heading, text: heading.text.replace(/\s+/g, " ").trim() });
          heading = undefined;
        }
        const table = tableStack[tableStack.length - 1];
        if (name === "caption" && caption) {
          if (table) table.caption = caption.text.replace(/\s+/g, " ").trim();
          caption = undefined;
        }
        if (name === "th" && th) {
          if (table && !th.scoped) table.thWithoutScope.push({ text: th.text.replace(/\s+/g, " ").trim().slice(0, 50), line: th.line });
          th = undefined;
        }
        if (name === "table" && table) page.tables.push(tableStack.pop()!);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return page;
}

// ---------------------------------------------------------------------------------------------
// The whole built site, parsed

export interface BuiltPage {
  /** Site path of the file, e.g. "compare/a-vs-b/index.html". */
  file: string;
  /** URL path it is served at, e.g. "/compare/a-vs-b/". */
  path: string;
  parsed: ParsedPage;
  /** A meta-refresh redirect page. */
  redirect: boolean;
  noindex: boolean;
}

export interface BuiltSite {
  dir: string;
  /** Every file, as site paths. */
  files: Set<string>;
  pages: Map<string, BuiltPage>;
  /** The production origin + base path, from the home page's canonical link, e.g. "https://versus.example.com/". */
  siteUrl: URL;
}

export async function loadBuiltSite(dir: string): Promise<BuiltSite> {
  const all = await listFiles(dir);
  const pages = new Map<string, BuiltPage>();
  await Promise.all(
    all
      .filter((f) => f.endsWith(".html"))
      .map(async (file) => {
        const html = await readFile(join(dir, file), "utf8");
        const parsed = parseHtml(html);
        pages.set(file, {
          file,
          path: urlPathOf(file),
          parsed,
          redirect: parsed.references.some((r) => r.element.startsWith("<meta http-equiv")),
          noindex: /<meta\s+name=["']?robots["']?\s+content=["'][^"']*noindex/i.test(html),
        });
      }),
  );
  const home = pages.get("index.html");
  const canonical = home?.parsed.canonical[0];
  if (!canonical) throw new Error("index.html has no <link rel=canonical>; cannot tell the site URL");
  return { dir, files: new Set(all), pages, siteUrl: new URL("./", new URL(canonical)) };
}

export type Resolution =
  | { kind: "external" }
  | { kind: "skipped"; why: string }
  | { kind: "file"; file: string; fragment: string | null }
  | { kind: "missing"; tried: string; fragment: string | null; hint?: string };

/**
 * Resolves a reference found on `page` against the output folder the way a static host does.
 * URLs on the production origin (site.siteUrl) count as internal.
 */
export function resolveReference(site: BuiltSite, page: BuiltPage, raw: string): Resolution {
  if (/^(mailto|tel|data|javascript|blob|about):/i.test(raw)) return { kind: "skipped", why: "scheme" };
  const base = new URL(`.${page.path}`, site.siteUrl);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { kind: "missing", tried: raw, fragment: null, hint: "not a valid URL" };
  }
  if (url.origin !== site.siteUrl.origin) return { kind: "external" };
  const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: "missing", tried: url.pathname, fragment, hint: "bad percent-encoding" };
  }
  // The output folder is served at the site's path: "/" or, for a project site, "/repo/".
  const root = decodeURIComponent(site.siteUrl.pathname);
  if (!pathname.startsWith(root)) return { kind: "missing", tried: pathname, fragment, hint: `outside the site, which is served at ${root}` };
  const rel = pathname.slice(root.length);
  if (rel === "" || rel.endsWith("/")) {
    const file = `${rel}index.html`;
    return site.files.has(file) ? { kind: "file", file, fragment } : { kind: "missing", tried: file, fragment };
  }
  if (site.files.has(rel)) return { kind: "file", file: rel, fragment };
  if (site.files.has(`${rel}/index.html`)) {
    return { kind: "missing", tried: rel, fragment, hint: `a folder: link to "${pathname}/" (with the trailing slash)` };
  }
  return { kind: "missing", tried: rel, fragment };
}

export interface ReferenceCheck {
  /** One line per broken reference: file, line, element, URL and what is wrong. */
  problems: string[];
  checked: number;
  fragments: number;
  external: number;
  /** Pagefind files referenced while the build made no index (search off). */
  toleratedPagefind: Set<string>;
}

/**
 * Checks every internal reference of every page of `site` (see resolveReference), and every
 * #fragment on the same page or another.
 */
export function checkReferences(site: BuiltSite): ReferenceCheck {
  const pagefindBuilt = existsSync(join(site.dir, "pagefind"));
  const problems: string[] = [];
  let checked = 0;
  let fragments = 0;
  let external = 0;
  const toleratedPagefind = new Set<string>();

  for (const page of [...site.pages.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    for (const ref of page.parsed.references) {
      const where = `${page.file}:${ref.line}: ${ref.element} ${JSON.stringify(ref.url)}`;
      if (ref.idOnly) {
        fragments++;
        const id = ref.url.slice(1);
        if (!page.parsed.ids.has(id)) problems.push(`${where} → no element with id="${id}" on this page`);
        continue;
      }
      if (ref.url === "") {
        problems.push(`${where} → empty URL`);
        continue;
      }
      const target = resolveReference(site, page, ref.url);
      if (target.kind === "external") {
        external++;
        continue;
      }
      if (target.kind === "skipped") continue;
      checked++;
      if (target.kind === "missing") {
        if (!pagefindBuilt && target.tried.startsWith("pagefind/")) {
          toleratedPagefind.add(`/${target.tried}`);
          continue;
        }
        problems.push(`${where} → no file ${target.tried}${target.hint ? ` (${target.hint})` : ""}`);
        continue;
      }
      if (target.fragment === null) continue;
      fragments++;
      const targetPage = site.pages.get(target.file);
      if (!targetPage) {
        problems.push(`${where} → #${target.fragment} points into ${target.file}, which is not an HTML page`);
      } else if (!fragmentExists(targetPage.parsed.ids, target.fragment)) {
        problems.push(`${where} → ${target.file} has no element with id="${target.fragment}"`);
      }
    }
  }
  return { problems, checked, fragments, external, toleratedPagefind };
}

function fragmentExists(ids: Set<string>, fragment: string): boolean {
  // "#" and "#top" scroll to the top of the document (HTML spec) when no element has that id.
  return fragment === "" || ids.has(fragment) || fragment.toLowerCase() === "top";
}
