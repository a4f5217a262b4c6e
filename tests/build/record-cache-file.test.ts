import { readFileSync } from "node:fs";
import path from "node:path";
import { deserialize } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { codeVersion } from "../../bin/bundle-cache.js";
import { openRecordCache } from "../../src/build/record-cache-file.js";
import { renderFingerprint } from "../../src/build/digest.js";
import { loadRoot } from "../../src/content/load-root.js";
import { cleanupRoots } from "../content/helpers.js";
import { smallRoot } from "./build-helpers.js";

afterAll(cleanupRoots);

describe("openRecordCache", () => {
  it("keeps the parses under .versus-cache/ for this version of the code, not of the templates, which a template edit changes", async () => {
    const root = await smallRoot();
    const loaded = await loadRoot(root, { recordCache: openRecordCache(root) });
    expect(loaded.content).toBeDefined();
    const stored = deserialize(readFileSync(path.join(root, ".versus-cache", "records.bin"))) as { version: string; entries: [string, unknown][] };
    expect(stored.version).toBe(codeVersion());
    expect(stored.version).not.toBe(renderFingerprint());
    expect(stored.entries.length).toBeGreaterThan(5);
  });
});
