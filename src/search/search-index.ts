/**
 * The site's search index, built in memory with Pagefind's Node API from the rendered pages.
 * The build pipeline writes the returned files under the site root; nothing here touches disk.
 *
 * Determinism: Pagefind 1.6 produces the same bytes for the same pages added in the same
 * order, across runs and processes, but the *order* of addition changes the output (page
 * numbering), and `getFiles()` lists files in varying order. So pages are added one at a time,
 * each group of pages in URL order, and the result is sorted by path.
 */
import * as pagefind from "pagefind";
import { SEARCH_DIR } from "./search-folder.js";

export interface SearchPage {
  /** Site-relative URL the result links to, e.g. `/products/redpanda/`. */
  url: string;
  /**
   * The page's HTML, or a function that renders it. A function is called when its page is next
   * in line, while Pagefind (a process of its own) still indexes the page before, so rendering
   * costs no time of its own.
   */
  html: string | (() => string);
}

export interface SearchFile {
  /** Relative to the site root, e.g. `pagefind/pagefind.js`. */
  path: string;
  bytes: Uint8Array;
}

export interface SearchIndexOptions {
  /**
   * Index every page as this language (ISO 639-1). Default `"en"`: the generated pages are
   * English, and one forced language keeps a page without `lang` from splitting the index.
   * `null` lets Pagefind read each page's `lang`.
   */
  forceLanguage?: string | null;
  /** Selectors Pagefind skips (besides `data-pagefind-ignore`), e.g. `["nav", ".chart"]`. */
  excludeSelectors?: string[];
  /** The element treated as the document root; `data-pagefind-body` on the page also works. */
  rootSelector?: string;
  /** Bundle fragments into shared files above this many pages per language (fewer files to deploy). */
  maxFragments?: number;
}

/**
 * Pagefind's ready-made interfaces and its highlighter, which the bundle always holds and no
 * page loads: the search page has its own (templates/assets/search.js) over pagefind.js.
 */
const PAGEFIND_UI_FILE = /^pagefind\/pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$|^pagefind\/pagefind-highlight\.js$/;

// Pagefind runs one backend process per Node process and `close()` stops it for every caller,
// so concurrent builds would kill each other's index: run them one after another.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Builds the Pagefind bundle (index, fragments, pagefind.js and its worker and WebAssembly) for the pages,
 * then for the `later` pages once that promise gives them: Pagefind indexes the first pages
 * meanwhile, so a caller can start it before it has every page. Each group goes in URL order,
 * so the same groups give the same bytes. A rejected `later` stops Pagefind and rejects.
 * Files are returned sorted by path; the Pagefind backend process is stopped before returning.
 * @example
 * const files = await buildSearchIndex([{ url: "/products/redpanda/", html }]);
 * files.map((f) => f.path) // ["pagefind/fragment/en_….pf_fragment", …, "pagefind/pagefind.js", …]
 */
export function buildSearchIndex(pages: SearchPage[], options: SearchIndexOptions = {}, later?: Promise<SearchPage[]>): Promise<SearchFile[]> {
  // Awaited only once the first pages are in: until then, a rejection must not count as unhandled.
  later?.catch(() => undefined);
  const run = queue.then(() => build(pages, options, later));
  queue = run.catch(() => undefined);
  return run;
}

async function build(pages: SearchPage[], options: SearchIndexOptions, later: Promise<SearchPage[]> | undefined): Promise<SearchFile[]> {
  const urls = new Set<string>();
  const inUrlOrder = (group: SearchPage[]): SearchPage[] => {
    for (const p of group) {
      if (urls.has(p.url)) throw new Error(`search index: two pages have the URL ${p.url}`);
      urls.add(p.url);
    }
    return [...group].sort((x, y) => (x.url < y.url ? -1 : x.url > y.url ? 1 : 0));
  };
  const first = inUrlOrder(pages);
  // A caller that gives up (its build failed) rejects `later`: stop at the next page, not after the first group.
  let abandoned: { error: unknown } | undefined;
  later?.catch((error: unknown) => (abandoned = { error }));
  const forceLanguage = options.forceLanguage === undefined ? "en" : options.forceLanguage;
  try {
    const created = await pagefind.createIndex({
      ...(forceLanguage === null ? {} : { forceLanguage }),
      ...(options.excludeSelectors === undefined ? {} : { excludeSelectors: options.excludeSelectors }),
      ...(options.rootSelector === undefined ? {} : { rootSelector: options.rootSelector }),
      ...(options.maxFragments === undefined ? {} : { maxFragments: options.maxFragments }),
    });
    const index = created.index;
    if (index === undefined || created.errors.length > 0) throw new Error(`search index: ${created.errors.join("; ") || "Pagefind created no index"}`);
    try {
      // One at a time: the order pages reach Pagefind decides page numbers, hence the bytes.
      // The next page is made while the one before is being indexed.
      let indexing: Promise<void> = Promise.resolve();
      const add = async (group: SearchPage[]): Promise<void> => {
        for (const page of group) {
          if (abandoned) throw abandoned.error;
          const content = typeof page.html === "string" ? page.html : page.html();
          await indexing;
          indexing = index.addHTMLFile({ url: page.url, content }).then((added) => {
            if (added.errors.length > 0) throw new Error(`search index: ${page.url}: ${added.errors.join("; ")}`);
          });
          // Handled here too, so a page that fails to render does not leave this one unhandled.
          indexing.catch(() => undefined);
        }
      };
      await add(first);
      if (later) await add(inUrlOrder(await later));
      await indexing;
      const got = await index.getFiles();
      if (got.errors.length > 0) throw new Error(`search index: ${got.errors.join("; ")}`);
      return got.files
        .map((f) => ({ path: `${SEARCH_DIR}/${f.path.replace(/\\/g, "/")}`, bytes: f.content }))
        .filter((f) => !PAGEFIND_UI_FILE.test(f.path))
        .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    } finally {
      // Cleanup only: an error here must not hide the one that got us here.
      await index.deleteIndex().catch(() => undefined);
    }
  } finally {
    // Stops the backend binary so no child process keeps the build (or a test run) alive.
    await pagefind.close();
  }
}
