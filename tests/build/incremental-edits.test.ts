/**
 * An incremental build must give the bytes a fresh build gives, whatever the edit: each kind of
 * change an editor makes reaches the pages through different inputs (a product's own fields, the
 * rankings, the pairs, the site settings, a logo), and a digest that missed one of them would
 * leave stale pages behind. Each case starts from a copy of one first build, makes one edit,
 * builds into the copy, and compares it with a fresh build of the edited root, made without the
 * parses and rendered markdown the first build kept. Also checked: only files whose bytes changed
 * were rewritten (the others keep their modification time).
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanupRoots, writeFiles, type Files } from "../content/helpers.js";
import {
  build, changedBytes, changedMtimes, cleanupTemps, diffTrees, smallRoot, snapshot, tempDir,
} from "./build-helpers.js";
import { manifestPath } from "../../src/build/output-manifest.js";

let firstRoot: string;
let firstOutput: string;

beforeAll(async () => {
  firstRoot = await smallRoot();
  firstOutput = join(await tempDir(), "site");
  await build(firstRoot, firstOutput);
});

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

/** Replaces `from` with `to` in a root's file; throws when `from` is not there, so no case can edit nothing. */
function replaceIn(file: string, from: string, to: string): (root: string) => Promise<void> {
  return async (root) => {
    const path = join(root, file);
    const text = await readFile(path, "utf8");
    if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
    await writeFile(path, text.replace(from, to));
  };
}

function files(changes: Files): (root: string) => Promise<void> {
  return (root) => writeFiles(root, changes);
}

const NEW_PRODUCT = `---
name: KafScale
sector: streaming
website: https://kafscale.io
tagline: Kafka-compatible streaming on object storage.
summary: A stateless broker that keeps every segment in object storage.
updated: 2026-05-01
timeline:
  - date: 2026-04-20
    title: KafScale 1.0 released
---
## Current state

New and small.

## Where it's heading

Towards managed offerings.

## Prediction

A niche for cost-sensitive teams.
`;

const EDITS: [string, (root: string) => Promise<void>][] = [
  ["a product moves to another sector", replaceIn("content/products/duckdb.md", "sector: databases", "sector: streaming")],
  ["a product is added", files({ "content/products/kafscale.md": NEW_PRODUCT })],
  [
    "a product's file is renamed (its slug changes)",
    async (root) => {
      const text = await readFile(join(root, "content/products/duckdb.md"), "utf8");
      await writeFiles(root, { "content/products/duckdb.md": null, "content/products/duckdb-engine.md": text });
    },
  ],
  ["a timeline entry changes a velocity and the rankings", replaceIn("content/products/nats.md", "updated: 2026-03-01\n", "updated: 2026-03-01\ntimeline:\n  - date: 2026-05-20\n    title: NATS 2.12 released\n    spark: true\n")],
  ["a product's tagline changes", replaceIn("content/products/nats.md", "Lightweight messaging", "Tiny messaging")],
  ["a product's body changes", replaceIn("content/products/nats.md", "JetStream keeps growing.", "JetStream keeps growing, with *key-value* buckets.")],
  ["a sector is renamed", replaceIn("content/sectors/streaming.md", "name: Streaming", "name: Event streaming")],
  ["the site's name changes", replaceIn("data/site.json", '"name": "Versus Small"', '"name": "Versus Smaller"')],
  ["fewer alternatives are listed", replaceIn("data/site.json", '"name":', '"alternatives_limit": 1,\n  "name":')],
  ["reverse-order redirect pages are turned off", replaceIn("data/site.json", '"name":', '"reverse_pair_pages": false,\n  "name":')],
  ["every pair gets a page, across sectors", replaceIn("data/site.json", '"name":', '"pairs": "all",\n  "name":')],
  ["the site moves under a path", replaceIn("data/site.json", '"https://small.example"', '"https://small.example/docs"')],
  ["a curated comparison's text changes", replaceIn("content/comparisons/apache-kafka-vs-postgres.md", "It works up to a point.", "It works, up to a point.")],
  ["a matrix changes", replaceIn("content/matrices/streaming-brokers.md", "Checked May 2026.", "Checked June 2026.")],
  ["a logo changes", replaceIn("assets/logos/redpanda.svg", 'fill="#e2401b"', 'fill="#c7361a"')],
];

describe("an incremental build after one edit", () => {
  it.each(EDITS)("equals a fresh build when %s, rewriting only changed files", async (_name, edit) => {
    const root = await smallRoot();
    // The first build's cache comes along, so its social cards are not drawn again.
    await cp(join(firstRoot, ".versus-cache"), join(root, ".versus-cache"), { recursive: true });
    const output = join(await tempDir(), "site");
    await cp(firstOutput, output, { recursive: true, preserveTimestamps: true });
    await cp(manifestPath(firstOutput), manifestPath(output), { preserveTimestamps: true });
    const before = snapshot(output);

    await edit(root);
    await build(root, output);
    // Social cards stay cached: drawing them again would only make the test slower.
    for (const kept of ["records.bin", "markdown.bin"]) await rm(join(root, ".versus-cache", kept), { force: true });
    const fresh = join(await tempDir(), "fresh");
    await build(root, fresh);

    expect(diffTrees(output, fresh)).toEqual({ onlyA: [], onlyB: [], differ: [] });
    const after = snapshot(output);
    // The edit changed the site (or the case would prove nothing), and nothing else was touched.
    expect(changedBytes(before, after)).not.toEqual([]);
    expect(changedMtimes(before, after)).toEqual(changedBytes(before, after));
  });
});
