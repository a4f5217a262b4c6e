/** The dev server's renderer pages, rendered when asked for, from the model it is given. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { IncomingMessage, ServerResponse } from "node:http";
import { buildAssets } from "../../src/build/assets.js";
import { loadRoot } from "../../src/content/load-root.js";
import type { Content, Problem } from "../../src/content/types.js";
import { onDemandPages } from "../../src/eleventy/on-demand-pages.js";
import { buildSiteModel, type SiteModel } from "../../src/site/site-model.js";
import { REPO_ROOT } from "../helpers/built-site.js";
import { AS_OF_MS } from "../build/build-helpers.js";

let content: Content;
const modelOf = (c: Content): SiteModel => buildSiteModel(c, { asOfMs: AS_OF_MS, assets: buildAssets().paths, search: false });
const noReport = (): Problem => ({ severity: "error", file: "", field: "", message: "" });

beforeAll(async () => {
  content = (await loadRoot(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"))).content!;
});

/** What `respond` did with a GET of `url`: the response it wrote, or "next" if it passed the request on. */
function get(pages: ReturnType<typeof onDemandPages>, url: string) {
  const headers: Record<string, string> = {};
  const res = { statusCode: 200, body: undefined as string | undefined, setHeader: (k: string, v: string) => void (headers[k.toLowerCase()] = v), end: (b?: string) => void (res.body = b ?? "") };
  let passedOn = false;
  pages.respond({ url } as IncomingMessage, res as unknown as ServerResponse, () => void (passedOn = true));
  return passedOn ? "next" : { status: res.statusCode, headers, body: res.body! };
}

/** On-demand pages renewed with the model of `c`. */
function renewed(c: Content) {
  const pages = onDemandPages(noReport);
  pages.renew(modelOf(c));
  return pages;
}

describe("onDemandPages", () => {
  it("renders a pair page, a product page and a reverse-order redirect when asked for", () => {
    const pages = renewed(content);
    const pair = get(pages, "/compare/apache-kafka-vs-nats/");
    expect(pair).toMatchObject({ status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
    expect(pair !== "next" && pair.body).toContain("<h1>Apache Kafka vs NATS</h1>");
    const product = get(pages, "/products/nats/index.html");
    expect(product !== "next" && product.body).toContain("<h1>NATS</h1>");
    const redirect = get(pages, "/compare/nats-vs-apache-kafka/");
    expect(redirect !== "next" && redirect.body).toContain('<meta http-equiv="refresh" content="0; url=/compare/apache-kafka-vs-nats/">');
  });

  it("sends a page's URL without its trailing slash to the one with it", () => {
    expect(get(renewed(content), "/products/nats?ref=x")).toEqual({ status: 301, headers: { location: "/products/nats/?ref=x" }, body: "" });
  });

  it("passes on every URL that is not one of its pages: Eleventy's pages, assets, a product that does not exist", () => {
    const pages = renewed(content);
    for (const url of ["/", "/sectors/streaming/", "/assets/site.css", "/products/ghost/", "/compare/nats-vs-ghost/"]) expect(get(pages, url)).toBe("next");
  });

  it("passes every request on until its first renew", () => {
    expect(get(onDemandPages(noReport), "/products/nats/")).toBe("next");
  });

  // Regression: a request between a save's new model and its new templates drew the one with the
  // other, and the redirect page so drawn stayed cached for the model.
  it("serves the model of its last renew, so a save shows once its rebuild is through", () => {
    const pages = onDemandPages(noReport);
    const saved = { ...content, products: content.products.map((p) => (p.slug === "nats" ? { ...p, tagline: "Saved a moment ago" } : p)) };
    pages.renew(modelOf(content));
    const before = get(pages, "/products/nats/");
    pages.renew(modelOf(saved));
    const after = get(pages, "/products/nats/");
    expect(before !== "next" && before.body).not.toContain("Saved a moment ago");
    expect(after !== "next" && after.body).toContain("Saved a moment ago");
  });

  // The index of pages is kept from one renew to the next while the pages stay the same.
  it("forgets the pages of a product a save removes, and knows those of one it adds back", () => {
    const pages = onDemandPages(noReport);
    const without = { ...content, products: content.products.filter((p) => p.slug !== "redpanda") };
    pages.renew(modelOf(content));
    expect(get(pages, "/products/redpanda/")).not.toBe("next");
    pages.renew(modelOf(without));
    expect(get(pages, "/products/redpanda/")).toBe("next");
    expect(get(pages, "/compare/nats-vs-redpanda/")).toBe("next");
    pages.renew(modelOf(content));
    expect(get(pages, "/compare/nats-vs-redpanda/")).not.toBe("next");
  });
});
