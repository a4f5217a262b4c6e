/**
 * Runs a Pagefind bundle's own `pagefind.js` in Node, as a reader's browser would run it, with
 * its fetches answered from `read` (a site path such as `/pagefind/pagefind-entry.json` → its
 * bytes, or undefined for a 404). For tests that search an index the way readers do.
 * Call from a vitest test: `fetch` is stubbed with vi.stubGlobal (undo with vi.unstubAllGlobals).
 * @example const pf = await pagefindInNode(join(site, "pagefind/pagefind.js"), (p) => readIfExists(join(site, p)))
 */
import { pathToFileURL } from "node:url";
import { vi } from "vitest";

export interface PagefindInNode {
  search(term: string): Promise<{ results: { data(): Promise<{ url: string; excerpt: string; content: string; meta: Record<string, string> }> }[] }>;
  destroy?(): Promise<void>;
}

export async function pagefindInNode(pagefindJs: string, read: (sitePath: string) => Uint8Array | undefined): Promise<PagefindInNode> {
  vi.stubGlobal("fetch", async (input: string | URL | Request) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const bytes = read(new URL(url, "https://versus.test").pathname);
    return bytes ? new Response(new Uint8Array(bytes), { status: 200 }) : new Response("not found", { status: 404 });
  });
  const pf = await import(/* @vite-ignore */ pathToFileURL(pagefindJs).href);
  await pf.options({ basePath: "/pagefind/" });
  return pf as PagefindInNode;
}

/** The URLs of every result for `term`, in Pagefind's ranking order. */
export async function resultUrls(pf: PagefindInNode, term: string): Promise<string[]> {
  const found = await pf.search(term);
  return Promise.all(found.results.map(async (r) => (await r.data()).url));
}
