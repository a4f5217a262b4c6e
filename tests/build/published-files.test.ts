/**
 * socialCardFiles: which cards a build (or a shard of it) renders, and the progress it reports.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { socialCardFiles } from "../../src/build/published-files.js";
import type { Progress } from "../../src/build/progress.js";
import { loadRoot } from "../../src/content/load-root.js";
import { buildSiteModel } from "../../src/site/site-model.js";
import { isPng } from "../../src/social-cards/card-cache.js";
import { cleanupRoots } from "../content/helpers.js";
import { AS_OF_MS, cleanupTemps, smallRoot, tempDir } from "./build-helpers.js";

afterAll(async () => {
  await cleanupRoots();
  await cleanupTemps();
});

const ASSETS = { css: "/site.css", js: "/site.js", search: "/search.js", icon: "/icon.svg" };

describe("socialCardFiles", () => {
  it("renders a card per product and curated comparison, reports each to a progress line made for their number, and splits them among shards", async () => {
    const loaded = await loadRoot(await smallRoot());
    const content = loaded.content!;
    const model = buildSiteModel(content, { asOfMs: AS_OF_MS, assets: ASSETS, search: false });
    const cacheDir = join(await tempDir(), "og");
    const expected = [...content.products.map((p) => `og/products/${p.slug}.png`), ...content.comparisons.map((c) => `og/compare/${c.slug}.png`)].sort();

    const reported: string[] = [];
    const progress = (total: number): Progress => {
      reported.push(`total ${total}`);
      return { add: (n) => reported.push(`add ${n}`), finish: () => reported.push("finish") };
    };
    const whole = await socialCardFiles(content, model, { cacheDir, fingerprint: "test", progress });
    expect(whole.map((c) => c.file).sort()).toEqual(expected);
    expect(whole.every((c) => typeof c.bytes !== "string" && isPng(c.bytes))).toBe(true);
    expect(reported).toEqual([`total ${expected.length}`, ...expected.map(() => "add 1"), "finish"]);

    const shards = await Promise.all([1, 2, 3].map((index) => socialCardFiles(content, model, { cacheDir, fingerprint: "test", shard: { index, count: 3 } })));
    expect(shards.flat().map((c) => c.file).sort()).toEqual(expected);
    expect(shards.filter((cards) => cards.length > 0).length).toBeGreaterThan(1);
  });
});
