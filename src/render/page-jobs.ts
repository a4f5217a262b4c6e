/** One file a render worker writes: a product's page or alternatives page, a pair page, or a redirect page. */
export type PageJob =
  | { kind: "product" | "alternatives"; file: string; slug: string }
  | { kind: "pair"; file: string; slug: string; a: string; b: string }
  | { kind: "redirect"; file: string; from: string; to: string };

/**
 * What a worker needs once, before any job: the shared per-product data and where to write.
 * The context's product and alternatives pages come empty; their views come with their jobs.
 */
export interface WorkerSetup {
  context: import("../site/pair-page.js").PairContext;
  outDir: string;
  /** The last build's output: a page whose bytes are the same there is not written again. */
  previousDir?: string;
}

/** The product and alternatives page views a batch of jobs needs. */
export type PageViews = Pick<import("../site/pair-page.js").PairContext, "productPages" | "alternativesPages">;
export type WorkerRequest = { jobs: PageJob[]; pages: PageViews };
export type WorkerReply = { done: number; unchanged: string[] } | { error: string };
