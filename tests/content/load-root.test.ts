import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discover } from "../../src/content/discover.js";
import { loadRoot } from "../../src/content/load-root.js";
import { ROOTS, cleanupRoots, errors, lines, load, makeRoot, md, product } from "./helpers.js";

afterAll(cleanupRoots);

describe("loadRoot: valid roots", () => {
  it("loads the minimal fixture root with no problems", async () => {
    const result = await loadRoot(join(ROOTS, "minimal"), { rethrowInternalErrors: true });
    expect(result.problems).toEqual([]);
    const content = result.content!;
    expect(content.site).toEqual({
      name: "Versus Test",
      url: "https://versus.example",
      description: "A small site root that tests copy and change.",
      pairs: "sector",
      alternatives_limit: 8,
      reverse_pair_pages: true,
      stale_after_days: 180,
    });
    expect(content.sectors.map((s) => s.slug)).toEqual(["streaming"]);
    expect(content.products.map((p) => [p.slug, p.file])).toEqual([
      ["apache-kafka", "content/products/apache-kafka.md"],
      ["nats", "content/products/nats.md"],
      ["redpanda", "content/products/redpanda.md"],
    ]);
    const kafka = content.products[0]!;
    expect(kafka.updated).toBe("2026-05-04");
    expect(kafka.timeline[1]).toEqual({ date: "2025-11-02T09:30:00Z", title: "Share groups preview", kind: "announcement", spark: false });
    expect(kafka.capabilities).toEqual({ Delivery: { "exactly-once": "yes", "tiered storage": "partial" } });
    expect(kafka.sections).toEqual([
      { title: "Current state", markdown: "Stable and everywhere." },
      { title: "Where it's heading", markdown: "Queues on top of the log." },
      { title: "Prediction", markdown: "Still the default in 2028." },
    ]);
    expect(kafka.body.startsWith("## Current state")).toBe(true);
    expect(content.products[1]!.themes).toEqual([]);
    expect(content.comparisons).toEqual([]);
    expect(content.matrices).toEqual([]);
  });

  it("reads the files the caller has listed, without listing the root again", async () => {
    const root = join(ROOTS, "minimal");
    const found = await discover(root);
    found.records.products = found.records.products.filter((f) => f.slug !== "nats");
    const result = await loadRoot(root, { rethrowInternalErrors: true, found });
    expect(result.content!.products.map((p) => p.slug)).toEqual(["apache-kafka", "redpanda"]);
  });

  it("loads JSON records, comparisons, matrices and metrics files (complete overlay)", async () => {
    const result = await load({ overlay: "complete" });
    expect(lines(result)).toEqual([]);
    const content = result.content!;
    expect(content.sectors.map((s) => [s.slug, s.body])).toEqual([
      ["databases", "Stores and query engines."],
      ["streaming", "Platforms that move events between services.\n"],
    ]);
    expect(content.products.map((p) => p.slug)).toEqual(["apache-kafka", "nats", "postgres", "redpanda", "warpstream"]);
    const warpstream = content.products.find((p) => p.slug === "warpstream")!;
    expect(warpstream.file).toBe("content/products/warpstream.json");
    expect(warpstream.sections.map((s) => s.title)).toEqual(["Current state", "Where it's heading", "Prediction", "History"]);
    expect(content.products.find((p) => p.slug === "nats")!.metrics).toEqual({ as_of: "2026-05-01", github_stars: 16000, docker_pulls: 500000000 });
    expect(content.products.find((p) => p.slug === "redpanda")!.metrics?.rating).toEqual({ value: 4.6, scale: 5, count: 120, source: "G2" });
    expect(content.comparisons.map((c) => [c.slug, c.a, c.b])).toEqual([
      ["apache-kafka-vs-redpanda", "apache-kafka", "redpanda"],
      ["nats-vs-warpstream", "nats", "warpstream"],
    ]);
    expect(content.comparisons[0]!.rows).toEqual([{ fact: "license" }, { label: "Written in", a: "Java and Scala", b: "C++" }]);
    expect(content.comparisons[1]!.body).toBe("Long form.");
    expect(content.matrices[0]).toMatchObject({ slug: "streaming-brokers", highlight: "redpanda", body: "Checked May 2026.\n" });
  });

  it("tells the line of a field in a record file, and none for fields the file does not hold", async () => {
    const result = await load({ overlay: "complete" });
    const lineOf = result.lineOf!;
    expect(lineOf("content/products/nats.md", "updated")).toBe(7);
    expect(lineOf("content/products/redpanda.md", "metrics.as_of")).toBe(11);
    // nats takes its metrics from data/metrics/nats.json, not from its own file.
    expect(lineOf("content/products/nats.md", "metrics.as_of")).toBeUndefined();
    expect(lineOf("content/products/nats.md", "no_such_field")).toBeUndefined();
    expect(lineOf("content/products/missing.md", "name")).toBeUndefined();
  });

  it("accepts a BOM and CRLF line endings, with the same lines", async () => {
    const text = "\uFEFF" + product("velocity: 12").replace(/\n/g, "\r\n");
    const result = await load({ files: { "content/products/crlf.md": text } });
    expect(lines(result)).toEqual(["content/products/crlf.md:8: velocity: expected a number from 0 to 10, found 12"]);
    const ok = await load({ files: { "content/products/crlf.md": "\uFEFF" + product().replace(/\n/g, "\r\n") } });
    expect(ok.problems).toEqual([]);
    expect(ok.content!.products.find((p) => p.slug === "crlf")!.sections.map((s) => s.markdown)).toEqual(["Now.", "Next.", "Later."]);
  });

  // Regression: one duplicate key, anchor, alias or tag was the only line printed for its file.
  it("reports YAML it refuses together with the file's other problems, without repeating an alias's line", async () => {
    const text = product("velocity: 12")
      .replace("name: Test Product", "name: Test Product\nname: Again")
      .replace("website: https://example.com", "website: *site")
      .replace("tagline: A product for tests.", "tagline: &t A product for tests.");
    const result = await load({ files: { "content/products/yaml.md": text } });
    expect(lines(result)).toEqual([
      'content/products/yaml.md:3: duplicate key "name"; each key may appear once',
      "content/products/yaml.md:5: YAML aliases (*site) are not accepted; write the value out in full",
      "content/products/yaml.md:6: YAML anchors (&t) are not accepted",
      "content/products/yaml.md:9: velocity: expected a number from 0 to 10, found 12",
    ]);
  });

  // Regression: a stray "---" among the fields reported "tagline: required field is missing" at
  // line 1, though the field was there, below the line that ended the fields early.
  it("says where a missing field is when a stray --- line ended the fields above it", async () => {
    const text = product().replace("website: https://example.com\n", "website: https://example.com\n---\n");
    const result = await load({ files: { "content/products/fence.md": text } });
    const below = 'required field is missing; it is below the "---" on line 5, which ends the fields: remove that line';
    expect(lines(result).slice(0, 3)).toEqual([
      `content/products/fence.md:6: tagline: ${below}`,
      `content/products/fence.md:7: summary: ${below}`,
      `content/products/fence.md:8: updated: ${below}`,
    ]);
  });

  it("reads CR-only line endings (old Mac files) as lines, for both records and site.json", async () => {
    const result = await load({
      files: {
        "content/products/cr.md": product("velocity: 12").replace(/\n/g, "\r"),
        "data/site.json": '{\r  "name": "Test",\r  "url": "https://example.com/",\r  "bogus": 1,\r  "description": "A site."\r}\r',
      },
    });
    expect(lines(result)).toEqual([
      "content/products/cr.md:8: velocity: expected a number from 0 to 10, found 12",
      'data/site.json:4: bogus: unknown field "bogus"; expected one of alternatives_limit, description, name, pairs, reverse_pair_pages, stale_after_days, url',
    ]);
  });

  it("returns warnings alongside content (other-extension overlay)", async () => {
    const result = await load({ overlay: "other-extension" });
    expect(result.content).toBeDefined();
    expect(lines(result)).toEqual([
      "warning: content/products/notes.txt: ignored: expected a .md or .json file",
      "warning: content/sectors/streaming.yaml: ignored: expected a .md or .json file",
    ]);
  });
});

/** Overlay cases: the exact problem lines each one must produce. */
const CASES: Record<string, string[]> = {
  "malformed-yaml": ["content/products/redpanda.md:10: invalid YAML: Sequence item without - indicator"],
  "missing-fence": ['content/products/nats.md:1: missing front matter: expected the file to start with a "---" line'],
  "unclosed-fence": ['content/sectors/databases.md:1: front matter is not closed: expected a "---" line after the fields'],
  "empty-file": ["content/sectors/empty.md: file is empty"],
  "not-a-mapping": [
    "content/products/nats.md:2: expected the front matter to be a mapping of fields (key: value lines), found a list",
    'content/sectors/scalar.md:2: expected the front matter to be a mapping of fields (key: value lines), found "just some text"',
  ],
  "duplicate-keys": [
    'content/products/nats.md:10: duplicate key "license"; each key may appear once',
    'content/products/nats.md:11: duplicate key "name"; each key may appear once',
    'content/sectors/dup.json:4: duplicate key "name"; each key may appear once',
  ],
  "wrong-types": [
    "content/products/nats.md:2: name: expected a string, found a list",
    "content/products/nats.md:5: tagline: expected a string, found the number 42; put it in double quotes to keep it as written",
    'content/products/nats.md:8: velocity: expected a number, found "fast"',
    'content/products/nats.md:9: themes: expected a list, found "messaging"',
    'content/products/nats.md:13: timeline[0].spark: expected true or false, found "yes"',
    "content/products/nats.md:14: facts: expected a mapping, found a list",
  ],
  "out-of-range": [
    "content/products/nats.md:8: velocity: expected a number from 0 to 10, found 12",
    "content/products/nats.md:9: themes: expected at most 8 themes, found 9",
    "content/products/nats.md:12: metrics.github_stars: expected a whole number of at least 0, found -5",
    "content/products/nats.md:13: metrics.docker_pulls: expected a whole number of at least 0, found 1.5",
    "content/products/nats.md:15: metrics.rating.value: expected a value of at most the scale (5), found 7",
    "data/site.json:5: alternatives_limit: expected a whole number from 1 to 50, found 0",
  ],
  "impossible-dates": [
    'content/products/redpanda.md:7: updated: expected an ISO 8601 date, found "2026-02-30"',
    'content/products/redpanda.md:13: timeline[2].date: expected an ISO 8601 date, found "2026-13-01"',
    'content/products/redpanda.md:16: metrics.as_of: expected an ISO 8601 date, found "yesterday"',
  ],
  "misspelled-keys": [
    'content/products/nats.md:5: taglin: unknown field "taglin"; did you mean "tagline"?',
    'content/products/nats.md:10: timeline[0].titel: unknown field "titel"; did you mean "title"?',
    'content/products/nats.md:11: colour: unknown field "colour"; expected one of aliases, capabilities, choose_if, facts, logo, metrics, name, sector, summary, tagline, themes, timeline, updated, velocity, website',
    'content/products/nats.md:14: metrics.github_star: unknown field "github_star"; did you mean "github_stars"?',
  ],
  "unknown-sector": [
    'content/products/argo-cd.md:3: sector: unknown sector "devopz"; expected one of data-analytics, devops, streaming; did you mean "devops"?',
  ],
  "unknown-matrix-column": [
    'content/matrices/brokers.md:6: columns[1]: unknown product "redpnda"; expected one of apache-kafka, nats, redpanda; did you mean "redpanda"?',
  ],
  "reversed-comparison": [
    "content/comparisons/redpanda-vs-apache-kafka.md: expected the two products in alphabetical order; rename the file to apache-kafka-vs-redpanda.md",
  ],
  "bad-comparison-names": [
    'content/comparisons/apache-kafka-vs-natz.md: file name names unknown product "natz" (did you mean "nats"?); expected <a>-vs-<b>.md with two files in content/products',
    'content/comparisons/kafka-and-nats.md: expected a file name <a>-vs-<b>.md naming two products, found "kafka-and-nats.md"',
    'content/comparisons/nats-vs-nats.md: file name compares "nats" with itself; expected two different products',
  ],
  "alias-collision": [
    'content/products/nats.md:10: aliases[1]: alias "redpanda" is already the slug of content/products/redpanda.md',
    'content/products/nats.md:11: aliases[2]: alias "kafka" is also an alias of content/products/apache-kafka.md',
    'content/products/nats.md:12: aliases[3]: alias "nats-io" is listed twice',
  ],
  "duplicate-slug": ['content/products/nats.json: slug "nats" also has content/products/nats.md; keep one of the two files'],
  "bad-slugs": [
    'content/products/Redpanda_Cloud.md: file name "Redpanda_Cloud" is not a valid slug; expected lowercase letters, digits and single hyphens, at most 64 characters',
    `content/products/${"a".repeat(65)}.md: file name "${"a".repeat(65)}" is not a valid slug; expected lowercase letters, digits and single hyphens, at most 64 characters`,
    'content/sectors/data--lake.md: file name "data--lake" is not a valid slug; expected lowercase letters, digits and single hyphens, at most 64 characters',
  ],
  "matrix-missing-column": [
    'content/matrices/brokers.md:11: sections[0].rows[1].cells: row "Written in" is missing column "nats"',
    'content/matrices/brokers.md:15: sections[0].rows[2].cells: row "Tiered storage" has a cell for "warpstream", which is not a column',
  ],
  "missing-sections": [
    'content/products/nats.md: body: missing section "## Prediction"',
    `content/products/nats.md:15: body: missing section "## Where it's heading"; did you mean "## Where it’s heading"?`,
  ],
  "duplicate-sections": [
    'content/products/nats.md:26: body: duplicate section "## Current state" (first at line 9); each section title may appear once',
  ],
  "fact-rows": [
    'warning: content/comparisons/apache-kafka-vs-redpanda.md:5: rows[1].fact: fact "protocol" is missing from content/products/redpanda.md; its cell will be empty',
    'content/comparisons/apache-kafka-vs-redpanda.md:6: rows[2].fact: fact "pricing" is in neither content/products/apache-kafka.md nor content/products/redpanda.md; expected a key of their facts',
  ],
  "metrics-files": [
    "content/products/redpanda.md:10: metrics: metrics are set both here and in data/metrics/redpanda.json; keep only one",
    'data/metrics/ghost.json: no product "ghost" for these metrics; expected a file named after a product in content/products',
    'data/metrics/nats.json:3: github_stars: expected a number, found "many"',
  ],
  placeholders: [
    'content/products/scaffolded.md:4: website: not yet written (placeholder "TODO")',
    'content/products/scaffolded.md:5: tagline: not yet written (placeholder "TODO: one-line headline")',
    'content/products/scaffolded.md:6: summary: not yet written (placeholder "TODO write the summary")',
    'content/products/scaffolded.md:10: timeline[0].title: not yet written (placeholder "TODO: first release")',
    'content/products/scaffolded.md:14: body: not yet written (placeholder "TODO: describe the current state.")',
    'content/products/scaffolded.md:22: body: not yet written (placeholder "TODO")',
  ],
  "json-records": [
    "content/products/body-not-string.json:3: body: expected a markdown string, found a list",
    "content/products/broken.json:3: invalid JSON: Expected double-quoted property name; remove the comma after the last item",
    "content/products/list.json:1: expected a JSON object ({ … }), found a list",
    'content/products/typed.json:4: website: expected an absolute http(s) URL, found "ftp://typed.example"',
    "content/products/typed.json:8: velocity: expected a number from 0 to 10, found 11",
    'content/products/typed.json:11: timeline[1].date: expected an ISO 8601 date, found "2026-02-31"',
    `content/products/typed.json:13: body: missing section "## Where it's heading"`,
  ],
  "invalid-site": [
    'data/site.json:2: name: expected a non-empty text, found ""',
    `data/site.json:3: url: expected the site's https address, such as https://versus.example.com or https://user.github.io/repo/, found "http://versus.example"`,
    'data/site.json:5: pairs: expected one of sector, all, curated, found "some"',
    'data/site.json:6: extra: unknown field "extra"; expected one of alternatives_limit, description, name, pairs, reverse_pair_pages, stale_after_days, url',
  ],
  "yaml-hostile": [
    "content/products/anchors.md:2: YAML anchors (&n) are not accepted",
    "content/products/anchors.md:8: YAML aliases (*n) are not accepted; write the value out in full",
    "content/products/billion-laughs.md:9: YAML anchors (&a) are not accepted",
    "content/products/billion-laughs.md:10: YAML anchors (&b) are not accepted",
    "content/products/billion-laughs.md:10: YAML aliases (*a) are not accepted; write the value out in full",
    "content/products/billion-laughs.md:11: YAML anchors (&c) are not accepted",
    "content/products/billion-laughs.md:11: YAML aliases (*b) are not accepted; write the value out in full",
    "content/products/billion-laughs.md:12: YAML aliases (*c) are not accepted; write the value out in full",
    "content/products/custom-tags.md:2: YAML tags (!!js/function) are not accepted",
    "content/products/custom-tags.md:8: YAML tags (!shout) are not accepted",
    "content/products/custom-tags.md:9: YAML tags (!!str) are not accepted",
    "content/products/merge-keys.md:3: YAML merge keys (<<) are not accepted; write the fields out in full",
  ],
};

describe("loadRoot: broken and hostile fixture roots", () => {
  for (const [overlay, expected] of Object.entries(CASES)) {
    it(`${overlay}: reports exactly the expected problems and no content`, async () => {
      const result = await load({ overlay });
      expect(lines(result)).toEqual(expected);
      expect(result.content).toBeUndefined();
    });
  }

  it("refuses JS and other front matter languages without running them", async () => {
    const marker = join(tmpdir(), "versus-js-front-matter-ran");
    rmSync(marker, { force: true });
    const result = await load({ overlay: "js-front-matter" });
    expect(lines(result)).toEqual(
      ["coffee", "javascript", "js", "json", "spaced", "toml"].map((name) => {
        const language = { spaced: "JS" }[name] ?? name;
        return `content/products/evil-${name}.md:1: front matter in "${language}" is not accepted; expected YAML between "---" lines`;
      }),
    );
    expect((globalThis as Record<string, unknown>).__versusJsFrontMatterRan).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
  });

  it("refuses __proto__, constructor and prototype keys and leaves Object.prototype untouched", async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const result = await load({ overlay: "proto-keys" });
    expect(lines(result)).toEqual([
      'content/products/proto-json.json:2: key "__proto__" is not accepted (reserved name)',
      'content/products/proto-json.json:5: key "constructor" is not accepted (reserved name)',
      'content/products/proto-yaml.md:9: key "__proto__" is not accepted (reserved name)',
      'content/sectors/proto.md:4: key "prototype" is not accepted (reserved name)',
      'data/metrics/nats.json:3: key "constructor" is not accepted (reserved name)',
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });
});

describe("loadRoot: generated files", () => {
  it("refuses a file over 1 MB", async () => {
    const big = product("", `${"x".repeat(1024)}\n`.repeat(1030));
    const result = await load({ files: { "content/products/big.md": big } });
    expect(lines(result)).toEqual([
      `content/products/big.md: file is ${Buffer.byteLength(big)} bytes; expected at most 1 MB (1048576 bytes)`,
    ]);
  });

  it("refuses bytes that are not UTF-8, with the line", async () => {
    const bytes = Buffer.concat([Buffer.from(product().slice(0, 20)), Buffer.from([0xff, 0xfe]), Buffer.from(product().slice(20))]);
    const result = await load({ files: { "content/products/latin.md": bytes } });
    expect(lines(result)).toEqual([
      "content/products/latin.md:2: expected UTF-8 text, found bytes that are not valid UTF-8; save the file as UTF-8",
    ]);
  });

  it("requires data/site.json", async () => {
    const result = await load({ files: { "data/site.json": null } });
    expect(lines(result)).toEqual(["data/site.json: required file is missing; expected the site settings (name, url, description)"]);
  });

  it("reports invalid JSON in data/site.json with its line", async () => {
    const result = await load({ files: { "data/site.json": '{\n  "name": "x",\n  "url": \n}\n' } });
    expect(errors(result).map((p) => [p.file, p.line, p.message.slice(0, 13)])).toEqual([["data/site.json", 4, "invalid JSON:"]]);
  });

  // Regression: two reverse-order redirects at one address were written to one file, silently.
  it("refuses product slugs with -vs- that make two pairs share an address, on each such file", async () => {
    const files = Object.fromEntries(["foo", "bar-vs-baz", "foo-vs-bar", "baz"].map((slug) => [`content/products/${slug}.md`, product()]));
    const result = await load({ files });
    const message = `/compare/foo-vs-bar-vs-baz/ would be the address of both the redirect to bar-vs-baz-vs-foo and the redirect to baz-vs-foo-vs-bar; pair addresses join two slugs with "-vs-", so rename this product to a slug without "-vs-"`;
    expect(errors(result).map((p) => `${p.file}: ${p.message}`)).toEqual([`content/products/bar-vs-baz.md: ${message}`, `content/products/foo-vs-bar.md: ${message}`]);
    // A slug with -vs- is fine as long as no address is shared.
    expect(errors(await load({ files: { "content/products/vs-code-vs-atom.md": product() } }))).toEqual([]);
  });

  it("reports every problem at once across files", async () => {
    const result = await load({
      files: {
        "content/products/a.md": product("velocity: 11"),
        "content/sectors/b.md": md("name: B"),
        "content/products/c.json": "{",
      },
    });
    expect(lines(result)).toEqual([
      "content/products/a.md:8: velocity: expected a number from 0 to 10, found 11",
      expect.stringMatching(/^content\/products\/c\.json:1: invalid JSON: /),
      "content/sectors/b.md:1: description: required field is missing",
    ]);
  });

  it("shows at most 50 problems of one file, then one line counting the rest, and still every other file's", async () => {
    // 80 anchored values: a refused construct on each of lines 8 to 87.
    const anchors = Array.from({ length: 80 }, (_, i) => `k${i}: &a${i} v`).join("\n");
    const result = await load({ files: { "content/products/a.md": product(anchors), "content/products/b.md": product("velocity: 11") } });
    const a = lines(result).filter((l) => l.startsWith("content/products/a.md"));
    expect(a).toHaveLength(51);
    expect(a[49]).toBe("content/products/a.md:57: YAML anchors (&a49) are not accepted");
    expect(a[50]).toBe("content/products/a.md:58: 30 more problems in this file from here on, not shown; fix the ones above and run check again");
    expect(lines(result).filter((l) => l.startsWith("content/products/b.md"))).toEqual(["content/products/b.md:8: velocity: expected a number from 0 to 10, found 11"]);
  });

  it("never throws for an unreadable root", async () => {
    const result = await loadRoot(join(tmpdir(), "versus-no-such-root-for-tests"));
    expect(lines(result)).toEqual(["data/site.json: required file is missing; expected the site settings (name, url, description)"]);
  });

  it("reports a folder where a record file should be", async () => {
    const root = await makeRoot({ files: { "content/products/folder.md/inner.txt": "x" } });
    const result = await loadRoot(root, { rethrowInternalErrors: true });
    expect(lines(result)).toEqual(["warning: content/products/folder.md: ignored: expected a .md or .json file, found a folder"]);
  });
});
