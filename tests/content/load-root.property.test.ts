/**
 * Property tests: whatever bytes an editor (or a tool) writes, loadRoot resolves with either
 * content or at least one error, never rejects, never pollutes Object.prototype, and prints
 * every problem on one line. Internal errors are rethrown here, so a loader bug fails the test.
 */
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoot } from "../../src/content/load-root.js";
import { formatProblem } from "../../src/content/problems.js";
import { cleanupRoots, makeRoot, product, writeFiles, type Files } from "./helpers.js";

/** Raise with VERSUS_FUZZ_RUNS=2000 for a longer local hunt; the default keeps the suite fast. */
const RUNS = Number(process.env.VERSUS_FUZZ_RUNS ?? 60);
let root: string;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  root = await makeRoot();
});
afterAll(async () => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  await cleanupRoots();
});

const FUZZ_FILES = ["content/products/fuzz.md", "content/products/fuzz.json", "content/sectors/fuzz.md", "content/comparisons/apache-kafka-vs-fuzz.md", "content/matrices/fuzz.md", "data/site.json", "data/metrics/fuzz.json"];
const ORIGINAL_SITE = '{ "name": "Versus Test", "url": "https://versus.example", "description": "d" }';

/** Writes the files (clearing earlier fuzz files), loads, and checks the invariants. */
async function check(files: Files): Promise<void> {
  const reset: Files = Object.fromEntries(FUZZ_FILES.map((f) => [f, null]));
  reset["data/site.json"] = ORIGINAL_SITE;
  await writeFiles(root, { ...reset, ...files });
  const result = await loadRoot(root, { rethrowInternalErrors: true });
  const hasError = result.problems.some((p) => p.severity === "error");
  expect(hasError).toBe(result.content === undefined);
  for (const p of result.problems) {
    expect(formatProblem(p)).not.toMatch(/[\n\r]/);
    expect(p.file).not.toMatch(/^\/|\\/);
    if (p.line !== undefined) expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    expect(p.message).not.toMatch(/\n\s+at /);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const FIELD_NAMES = ["name", "sector", "website", "tagline", "summary", "updated", "timeline", "metrics", "facts", "capabilities", "aliases", "themes", "velocity", "body", "verdict", "rows", "columns", "sections", "cells", "as_of"];
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "<<", "toString", "hasOwnProperty", ""];
const key = fc.oneof(fc.constantFrom(...FIELD_NAMES, ...HOSTILE_KEYS), fc.string({ maxLength: 12 }));
const leaf = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("streaming", "2026-01-01", "2026-13-01", "https://x.example", "TODO: x", "yes", "apache-kafka", "redpanda"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("node"), { maxKeys: 6 }),
})).map;

describe("loadRoot never rejects", () => {
  it("arbitrary front matter text and bodies", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), async (frontMatter, body) => {
        await check({ "content/products/fuzz.md": `---\n${frontMatter}\n---\n${body}` });
      }),
      { numRuns: RUNS },
    );
  });

  it("YAML-looking front matter built from fragments", async () => {
    const fragment = fc.constantFrom("name: X", "  - a", "- b", "<<: *a", "&a", "*a", "!!js/function x", "!tag", "? [a]", ": b", "__proto__: {}", "key: [1, {a: 2", "'", '"', "---", "...", "%YAML 1.1", "\t", "#", "timeline:", "  - date: 2026-01-01", "    title: T", "facts:", "  constructor: x");
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { maxLength: 12 }), fc.constantFrom("md", "json"), async (parts, ext) => {
        const text = parts.join("\n");
        await check({ [`content/products/fuzz.${ext}`]: ext === "md" ? `---\n${text}\n---\n` : text });
      }),
      { numRuns: RUNS },
    );
  });

  it("arbitrary objects serialized as YAML front matter and as JSON records", async () => {
    await fc.assert(
      fc.asyncProperty(value, fc.constantFrom(...FUZZ_FILES), async (data, file) => {
        const json = JSON.stringify(data) ?? "null";
        let yaml: string;
        try {
          yaml = stringify(data);
        } catch {
          yaml = json;
        }
        await check({ [file]: file.endsWith(".json") ? json : `---\n${yaml}---\n## Current state\n` });
      }),
      { numRuns: RUNS },
    );
  });

  it("arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...FUZZ_FILES), async (bytes, file) => {
        await check({ [file]: bytes });
      }),
      { numRuns: RUNS },
    );
  });

  it("a valid product with one line replaced", async () => {
    const lines = product("timeline:\n  - date: 2026-01-01\n    title: T\naliases: [old]").split("\n");
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: lines.length - 1 }), fc.string({ maxLength: 40 }), async (i, replacement) => {
        const copy = [...lines];
        copy[i] = replacement;
        await check({ "content/products/fuzz.md": copy.join("\n") });
      }),
      { numRuns: RUNS },
    );
  });
});
