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
function get(model: SiteModel, url: string, pages = onDemandPages(noReport)) {
  const headers: Record<string, string> = {};
  const res = { statusCode: 200, body: undefined as string | undefined, setHeader: (k: string, v: string) => void (headers[k.toLowerCase()] = v), end: (b?: string) => void (res.body = b ?? "") };
  let passedOn = false;
  pages.respond(model, { url } as IncomingMessage, res as unknown as ServerResponse, () => void (passedOn = true));
  return passedOn ? "next" : { status: res.statusCode, headers, body: res.body! };
}

describe("onDemandPages", () => {
  it("renders a pair page, a product page and a reverse-order redirect when asked for", () => {
    const model = modelOf(content);
    const pair = get(model, "/compare/apache-kafka-vs-nats/");
    expect(pair).toMatchObject({ status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
    expect(pair !== "next" && pair.body).toContain("<h1>Apache Kafka vs NATS</h1>");
    const product = get(model, "/products/nats/index.html");
    expect(product !== "next" && product.body).toContain("<h1>NATS</h1>");
    const redirect = get(model, "/compare/nats-vs-apache-kafka/");
    expect(redirect !== "next" && redirect.body).toContain('<meta http-equiv="refresh" content="0; url=/compare/apache-kafka-vs-nats/">');
  });

  it("sends a page's URL without its trailing slash to the one with it", () => {
    expect(get(modelOf(content), "/products/nats?ref=x")).toEqual({ status: 301, headers: { location: "/products/nats/?ref=x" }, body: "" });
  });

  it("passes on every URL that is not one of its pages: Eleventy's pages, assets, a product that does not exist", () => {
    const model = modelOf(content);
    for (const url of ["/", "/sectors/streaming/", "/assets/site.css", "/products/ghost/", "/compare/nats-vs-ghost/"]) expect(get(model, url)).toBe("next");
  });

  it("renders from the model of the request, so a save shows on the next request", () => {
    const pages = onDemandPages(noReport);
    const before = get(modelOf(content), "/products/nats/", pages);
    const saved = { ...content, products: content.products.map((p) => (p.slug === "nats" ? { ...p, tagline: "Saved a moment ago" } : p)) };
    const after = get(modelOf(saved), "/products/nats/", pages);
    expect(before !== "next" && before.body).not.toContain("Saved a moment ago");
    expect(after !== "next" && after.body).toContain("Saved a moment ago");
  });
});
