import { describe, expect, it } from "vitest";
import { outputFileFor, urls } from "../../src/site/urls.js";

describe("outputFileFor", () => {
  it.each([
    ["/compare/a-vs-b/", "compare/a-vs-b/index.html"],
    ["/", "index.html"],
    ["", "index.html"],
    ["/feed.xml", "feed.xml"],
    ["/404.html", "404.html"],
    ["//products/x/", "products/x/index.html"],
    ["products/x/", "products/x/index.html"],
    ["/a/b/c.txt", "a/b/c.txt"],
  ])("%j → %j", (path, file) => expect(outputFileFor(path)).toBe(file));

  it("names the file of every page path the site links to", () => {
    expect(outputFileFor(urls.compare("nats-vs-apache-kafka"))).toBe("compare/nats-vs-apache-kafka/index.html");
    expect(outputFileFor(urls.home())).toBe("index.html");
    expect(outputFileFor(urls.alternatives("nats"))).toBe("alternatives/nats/index.html");
  });
});
