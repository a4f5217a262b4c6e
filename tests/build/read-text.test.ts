import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTextOr } from "../../src/build/read-text.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "versus-read-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readTextOr", () => {
  it("reads a file's text, and gives the fallback for a missing file or a folder", () => {
    writeFileSync(path.join(dir, "lock"), "4242");
    expect(readTextOr(path.join(dir, "lock"), undefined)).toBe("4242");
    expect(readTextOr(path.join(dir, "gone"), undefined)).toBeUndefined();
    expect(readTextOr(dir, "")).toBe("");
  });
});
