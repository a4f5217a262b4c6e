import { describe, expect, it } from "vitest";
import type { PageJob } from "../../src/render/page-jobs.js";
import { pageForRequest } from "../../src/render/page-for-request.js";

const pair: PageJob = { kind: "pair", file: "compare/apache-kafka-vs-nats/index.html", slug: "apache-kafka-vs-nats", a: "apache-kafka", b: "nats" };
const product: PageJob = { kind: "product", file: "products/nats/index.html", slug: "nats" };
const byFile = new Map([pair, product].map((job) => [job.file, job]));

describe("pageForRequest", () => {
  it("finds a page by its folder URL, its index.html, with or without a query", () => {
    expect(pageForRequest(byFile, "/compare/apache-kafka-vs-nats/")).toEqual({ job: pair });
    expect(pageForRequest(byFile, "/compare/apache-kafka-vs-nats/index.html")).toEqual({ job: pair });
    expect(pageForRequest(byFile, "/products/nats/?utm_source=x#top")).toEqual({ job: product });
  });

  it("decodes the path before looking it up", () => {
    expect(pageForRequest(byFile, "/products/%6Eats/")).toEqual({ job: product });
  });

  it("redirects a page's URL without the trailing slash to the one with it, keeping the query", () => {
    expect(pageForRequest(byFile, "/products/nats")).toEqual({ location: "/products/nats/" });
    expect(pageForRequest(byFile, "/products/nats?ref=feed")).toEqual({ location: "/products/nats/?ref=feed" });
  });

  // Regression: "/%2Fproducts/nats" was redirected to "//products/nats/", which a browser reads
  // as the host "products"; "/products/nats%2F" answered as the page.
  it("does not answer a path with an encoded slash or one that starts with //", () => {
    for (const url of ["/%2Fproducts/nats", "/%2F%2Fproducts/nats", "//products/nats", "/\\products/nats", "/products/nats%2F", "/products/nats%2Findex.html"]) {
      expect(pageForRequest(byFile, url), url).toBeUndefined();
    }
  });

  it("leaves every other URL, and one that does not decode, to the next handler", () => {
    expect(pageForRequest(byFile, "/")).toBeUndefined();
    expect(pageForRequest(byFile, "/products/")).toBeUndefined();
    expect(pageForRequest(byFile, "/products/redpanda/")).toBeUndefined();
    expect(pageForRequest(byFile, "/assets/site.css")).toBeUndefined();
    expect(pageForRequest(byFile, "/products/%E0%A4%A/")).toBeUndefined();
  });
});
