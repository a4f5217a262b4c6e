/**
 * Logos given as a site path name a file of the site root's assets/ folder: `versus check`
 * reports one that is missing, a folder, a link out of the folder, too big or an SVG that is
 * more than a picture, with file, line and field.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

// A file named locked.svg cannot be read, as for a user without the right to (the tests run as
// root, who may read anything).
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const readFile = ((file: unknown, ...rest: unknown[]) =>
    String(file).endsWith("locked.svg")
      ? Promise.reject(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }))
      : (fs.readFile as (...a: unknown[]) => Promise<unknown>)(file, ...rest)) as typeof fs.readFile;
  return { ...fs, default: { ...fs, readFile }, readFile };
});
import { logoSourcePath, MAX_LOGO_BYTES } from "../../src/content/logo-files.js";
import { cleanupRoots, lines, load, makeRoot, product } from "./helpers.js";
import { loadRoot } from "../../src/content/load-root.js";

afterAll(cleanupRoots);

const P = "content/products/test-product.md";
const SVG = "<svg xmlns='http://www.w3.org/2000/svg'/>";

describe("logoSourcePath", () => {
  it("maps a site path under /assets/ to the root's assets/ folder, and an https address to nothing", () => {
    expect(logoSourcePath("/assets/logos/redpanda.svg")).toBe("assets/logos/redpanda.svg");
    expect(logoSourcePath("https://cdn.example/assets/logos/redpanda.svg")).toBeUndefined();
  });
});

describe("logo files in check", () => {
  it("accepts a logo file of the assets/ folder, and an https address without looking for a file", async () => {
    const result = await load({
      files: {
        [P]: product("logo: /assets/logos/test.svg"),
        "assets/logos/test.svg": SVG,
        "content/products/other.md": product("logo: https://cdn.example/other.svg").replace("Test Product", "Other"),
      },
    });
    expect(lines(result)).toEqual([]);
  });

  it("reports a missing file on the logo line", async () => {
    const result = await load({ files: { [P]: product("logo: /assets/logos/missing.svg") } });
    expect(lines(result)).toEqual([`${P}:8: logo: no file assets/logos/missing.svg in the site root; add it there, or give an https:// address`]);
  });

  it("reports a missing file with the record's other errors, not once they are fixed", async () => {
    const result = await load({ files: { [P]: product("logo: /assets/logos/missing.svg").replace("website: https://", "website: ftp://") } });
    expect(lines(result)).toEqual([
      `${P}:4: website: expected an absolute http(s) URL, found "ftp://example.com"`,
      `${P}:8: logo: no file assets/logos/missing.svg in the site root; add it there, or give an https:// address`,
    ]);
  });

  it("reports a folder where the file should be", async () => {
    const root = await makeRoot({ files: { [P]: product("logo: /assets/logos/dir.svg") } });
    await mkdir(join(root, "assets/logos/dir.svg"), { recursive: true });
    const result = await loadRoot(root, { rethrowInternalErrors: true });
    expect(lines(result)).toEqual([`${P}:8: logo: assets/logos/dir.svg is a folder; expected an image file`]);
  });

  it("refuses a link that leads out of the assets/ folder, which would publish what it points at", async () => {
    const root = await makeRoot({ files: { [P]: product("logo: /assets/logos/leak.svg"), "secret.svg": SVG } });
    await mkdir(join(root, "assets/logos"), { recursive: true });
    await symlink(join(root, "secret.svg"), join(root, "assets/logos/leak.svg"));
    const result = await loadRoot(root, { rethrowInternalErrors: true });
    expect(lines(result)).toEqual([`${P}:8: logo: assets/logos/leak.svg links to a file outside the site's assets/ folder; copy the image into it`]);
  });

  it("refuses an SVG that is more than a picture, naming what it holds (see svg-safety.test.ts)", async () => {
    const svg = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:s='http://www.w3.org/2000/svg'><s:script>alert(1)</s:script></svg>";
    const result = await load({ files: { [P]: product("logo: /assets/logos/bad.svg"), "assets/logos/bad.svg": svg } });
    expect(lines(result)).toEqual([`${P}:8: logo: assets/logos/bad.svg holds a <s:script> element; expected a plain SVG picture`]);
  });

  it("reports an SVG it cannot read on the logo line, with the other problems, instead of stopping", async () => {
    const result = await load({ files: { [P]: product("logo: /assets/logos/locked.svg").replace("website: https://", "website: ftp://"), "assets/logos/locked.svg": SVG } });
    expect(lines(result)).toEqual([
      `${P}:4: website: expected an absolute http(s) URL, found "ftp://example.com"`,
      `${P}:8: logo: could not read assets/logos/locked.svg (EACCES)`,
    ]);
  });

  it("refuses a file over 512 KB", async () => {
    const root = await makeRoot({ files: { [P]: product("logo: /assets/logos/huge.png") } });
    await mkdir(join(root, "assets/logos"), { recursive: true });
    await writeFile(join(root, "assets/logos/huge.png"), new Uint8Array(MAX_LOGO_BYTES + 1));
    const result = await loadRoot(root, { rethrowInternalErrors: true });
    expect(lines(result)).toEqual([`${P}:8: logo: assets/logos/huge.png is 513 KB; expected at most 512 KB for a logo shown at 40 pixels`]);
  });
});
