import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { digest } from "../../src/build/digest.js";
import { writeChangedFiles } from "../../src/build/write-changed-files.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "versus-write-changed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeChangedFiles", () => {
  it("writes new and changed files, in folders it makes, and leaves files with the last digest alone", () => {
    writeFileSync(path.join(dir, "same.txt"), "kept");
    utimesSync(path.join(dir, "same.txt"), 1_000_000, 1_000_000);
    const previous = new Map([
      ["same.txt", digest("kept")],
      ["changed.txt", digest("old")],
    ]);
    const bytes = new TextEncoder().encode("binary");
    const result = writeChangedFiles(
      [
        { file: "same.txt", bytes: "kept" },
        { file: "changed.txt", bytes: "new" },
        { file: "api/new.json", bytes },
      ],
      dir,
      { digests: previous, dir },
    );
    expect(result.written).toEqual(["changed.txt", "api/new.json"]);
    expect(result.digests).toEqual(new Map([["same.txt", digest("kept")], ["changed.txt", digest("new")], ["api/new.json", digest(bytes)]]));
    expect(readFileSync(path.join(dir, "changed.txt"), "utf8")).toBe("new");
    expect(readFileSync(path.join(dir, "api/new.json"), "utf8")).toBe("binary");
    expect(statSync(path.join(dir, "same.txt")).mtimeMs).toBe(1_000_000_000);
  });

  it("writes a file with the last digest again when its copy in the last build's folder is gone", () => {
    const last = mkdtempSync(path.join(os.tmpdir(), "versus-write-changed-last-"));
    try {
      writeFileSync(path.join(last, "kept.txt"), "k");
      const previous = new Map([["kept.txt", digest("k")], ["deleted.txt", digest("d")]]);
      const result = writeChangedFiles([{ file: "kept.txt", bytes: "k" }, { file: "deleted.txt", bytes: "d" }], dir, { digests: previous, dir: last });
      expect(result.written).toEqual(["deleted.txt"]);
      expect(readFileSync(path.join(dir, "deleted.txt"), "utf8")).toBe("d");
    } finally {
      rmSync(last, { recursive: true, force: true });
    }
  });

  it("writes every file when there is no last build", () => {
    const result = writeChangedFiles([{ file: "fresh.txt", bytes: "a" }], dir, undefined);
    expect(result.written).toEqual(["fresh.txt"]);
    expect(readFileSync(path.join(dir, "fresh.txt"), "utf8")).toBe("a");
  });
});
