/**
 * Logos given as a site path name a file of the site root's assets/ folder: `versus check`
 * reports one that is missing, a folder, a link out of the folder, too big or an SVG that is
 * more than a picture, with file, line and field.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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

  it.each([
    ["a script", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"],
    ["an event handler", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"],
    ["a javascript: link", "<svg xmlns='http://www.w3.org/2000/svg'><a href='javascript:alert(1)'><rect width='1' height='1'/></a></svg>"],
    ["embedded HTML", "<svg xmlns='http://www.w3.org/2000/svg'><foreignObject><p>x</p></foreignObject></svg>"],
  ])("refuses an SVG with %s, which would run as the site when opened on its own", async (_, svg) => {
    const result = await load({ files: { [P]: product("logo: /assets/logos/bad.svg"), "assets/logos/bad.svg": svg } });
    expect(lines(result)).toEqual([`${P}:8: logo: assets/logos/bad.svg holds a script, an event handler or embedded HTML; expected a plain SVG picture`]);
  });

  it("refuses a file over 512 KB", async () => {
    const root = await makeRoot({ files: { [P]: product("logo: /assets/logos/huge.png") } });
    await mkdir(join(root, "assets/logos"), { recursive: true });
    await writeFile(join(root, "assets/logos/huge.png"), new Uint8Array(MAX_LOGO_BYTES + 1));
    const result = await loadRoot(root, { rethrowInternalErrors: true });
    expect(lines(result)).toEqual([`${P}:8: logo: assets/logos/huge.png is 513 KB; expected at most 512 KB for a logo shown at 40 pixels`]);
  });
});
