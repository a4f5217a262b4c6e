/**
 * `reverse_pair_pages: false`: reverse-order pair URLs get only `_redirects` rules, no HTML
 * pages (for hosts with redirect rules, where the pages would only double the file count).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupRoots } from "../content/helpers.js";
import { build, cleanupTemps, smallRoot, tempDir } from "./build-helpers.js";

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

const site = (extra: object) =>
  JSON.stringify({ name: "Versus Small", url: "https://small.example", description: "A small site root for build and page tests.", ...extra });

describe("reverse_pair_pages", () => {
  it("writes a redirect page at the reverse URL by default, and only the _redirects rule when false", async () => {
    const withPages = join(await tempDir(), "out");
    const withoutPages = join(await tempDir(), "out");
    expect((await build(await smallRoot({ "data/site.json": site({}) }), withPages)).code).toBe(0);
    expect((await build(await smallRoot({ "data/site.json": site({ reverse_pair_pages: false }) }), withoutPages)).code).toBe(0);

    const reverse = "compare/redpanda-vs-apache-kafka/index.html";
    expect(readFileSync(join(withPages, reverse), "utf8")).toContain('http-equiv="refresh" content="0; url=/compare/apache-kafka-vs-redpanda/"');
    expect(existsSync(join(withoutPages, reverse))).toBe(false);
    for (const out of [withPages, withoutPages]) {
      expect(readFileSync(join(out, "_redirects"), "utf8").split("\n")).toContain("/compare/redpanda-vs-apache-kafka/ /compare/apache-kafka-vs-redpanda/ 301");
      expect(existsSync(join(out, "compare/apache-kafka-vs-redpanda/index.html"))).toBe(true);
    }
  });
});
