import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/build/fs-atomic.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "versus-fs-atomic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("replaces a file with text or bytes, durable or not, and leaves no temporary file", () => {
    const file = path.join(dir, "manifest.json");
    writeFileSync(file, "old");
    writeFileAtomic(file, "new ✓");
    expect(readFileSync(file, "utf8")).toBe("new ✓");
    writeFileAtomic(file, new Uint8Array([104, 105]), { durable: false });
    expect(readFileSync(file, "utf8")).toBe("hi");
    expect(readdirSync(dir)).toEqual(["manifest.json"]);
  });

  it("throws when the folder is missing, and writes nothing", () => {
    const before = readdirSync(dir);
    expect(() => writeFileAtomic(path.join(dir, "missing", "file"), "x")).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(before);
  });
});
