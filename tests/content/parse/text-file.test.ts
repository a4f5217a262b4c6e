import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, decodeUtf8, readTextFile } from "../../../src/content/parse/text-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "versus-text-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe("readTextFile", () => {
  it("drops a BOM and turns CRLF and lone CR into LF", async () => {
    const path = await file("bom.md", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("---\r\nname: x\r\n---\r\n")]));
    expect(await readTextFile(path)).toEqual({ ok: true, value: "---\nname: x\n---\n" });
    expect(await readTextFile(await file("cr.md", "---\rname: x\r---\r\rBody\r"))).toEqual({ ok: true, value: "---\nname: x\n---\n\nBody\n" });
  });

  it("refuses empty and blank files", async () => {
    expect(await readTextFile(await file("empty.md", ""))).toEqual({ ok: false, issues: [{ message: "file is empty" }] });
    expect(await readTextFile(await file("blank.md", " \n\n"))).toEqual({ ok: false, issues: [{ message: "file is empty" }] });
  });

  it("refuses bytes that are not UTF-8, pointing at the line", async () => {
    const path = await file("latin1.md", Buffer.concat([Buffer.from("---\nname: caf"), Buffer.from([0xe9]), Buffer.from("\n---\n")]));
    expect(await readTextFile(path)).toEqual({
      ok: false,
      issues: [{ message: "expected UTF-8 text, found bytes that are not valid UTF-8; save the file as UTF-8", line: 2 }],
    });
    expect(decodeUtf8(new Uint8Array([0xc3, 0x28]))).toBeUndefined();
  });

  it("refuses files over 1 MB before reading them", async () => {
    const path = await file("big.md", Buffer.alloc(MAX_FILE_BYTES + 1, "a"));
    expect(await readTextFile(path)).toEqual({ ok: false, issues: [{ message: `file is ${MAX_FILE_BYTES + 1} bytes; expected at most 1 MB (${MAX_FILE_BYTES} bytes)` }] });
    const exact = await file("exact.md", Buffer.alloc(MAX_FILE_BYTES, "a"));
    expect((await readTextFile(exact)).ok).toBe(true);
  });

  it("reports folders and missing files without throwing", async () => {
    await mkdir(join(dir, "folder.md"));
    expect(await readTextFile(join(dir, "folder.md"))).toEqual({ ok: false, issues: [{ message: "expected a file, found a folder or special file" }] });
    expect(await readTextFile(join(dir, "nope.md"))).toEqual({ ok: false, issues: [{ message: "could not read the file (ENOENT)" }] });
  });
});
