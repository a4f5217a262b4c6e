/**
 * Folder of the search bundle under the site root; pagefind.js finds its files relative to
 * itself. Apart from search-index.ts, so a build that keeps the last index need not load Pagefind.
 */
export const SEARCH_DIR = "pagefind";
