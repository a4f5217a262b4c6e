import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { outputFolderProblem } from "../../src/build/output-folder.js";
import { cleanupTemps, tempDir } from "./build-helpers.js";

let base: string;
let root: string;
let templatesDir: string;
const problem = (output: string): string | undefined => outputFolderProblem(output, { root, templatesDir });

beforeEach(async () => {
  base = await tempDir();
  root = join(base, "site");
  templatesDir = join(base, "versus", "templates");
  for (const dir of ["content/products", "data", "../versus/templates"]) mkdirSync(join(root, dir), { recursive: true });
});

afterAll(cleanupTemps);

describe("outputFolderProblem", () => {
  it("accepts the default _site, a new folder, an empty folder and a folder a build wrote", () => {
    mkdirSync(join(root, "_site"));
    writeFileSync(join(root, "_site", "index.html"), "from the dev server, no manifest");
    mkdirSync(join(base, "empty"));
    mkdirSync(join(base, "built"));
    writeFileSync(join(base, "built", "index.html"), "");
    writeFileSync(join(base, "built.versus-manifest.json"), "{}");
    for (const output of [join(root, "_site"), join(root, "public"), join(base, "new", "deeper"), join(base, "empty"), join(base, "built")]) {
      expect(problem(output)).toBeUndefined();
    }
  });

  it("refuses the site root and every folder that holds it", () => {
    const instead = `choose a folder of its own, such as ${join(root, "_site")}`;
    expect(problem(root)).toBe(`the output folder ${root} is or holds the site root (${root}), and a build replaces its output folder whole; ${instead}`);
    expect(problem(base)).toBe(`the output folder ${base} is or holds the site root (${root}), and a build replaces its output folder whole; ${instead}`);
    expect(problem("/")).toMatch(/^the output folder \/ is or holds the site root/);
  });

  it("refuses the content, data, cache and templates folders, and anything inside them", () => {
    const instead = `choose a folder of its own, such as ${join(root, "_site")}`;
    expect(problem(join(root, "content"))).toBe(
      `the output folder ${join(root, "content")} is or holds the content folder (${join(root, "content")}), and a build replaces its output folder whole; ${instead}`,
    );
    expect(problem(join(root, "data", "out"))).toBe(`the output folder ${join(root, "data", "out")} is inside the data folder (${join(root, "data")}), which the build reads; ${instead}`);
    expect(problem(join(root, ".versus-cache"))).toMatch(/is or holds the cache folder/);
    // The logos editors keep there would go with the folder.
    expect(problem(join(root, "assets"))).toMatch(/is or holds the assets folder/);
    expect(problem(join(base, "versus"))).toMatch(/is or holds the templates folder/);
    expect(problem(join(templatesDir, "pages"))).toMatch(/is inside the templates folder/);
  });

  it("refuses a file", () => {
    writeFileSync(join(base, "notes.txt"), "");
    expect(problem(join(base, "notes.txt"))).toBe(`the output ${join(base, "notes.txt")} is a file, not a folder; choose a folder of its own, such as ${join(root, "_site")}`);
  });

  it("refuses an existing folder with files no build wrote", () => {
    mkdirSync(join(base, "documents"));
    writeFileSync(join(base, "documents", "letter.txt"), "keep me");
    expect(problem(join(base, "documents"))).toBe(
      `the output folder ${join(base, "documents")} already has files that versus build did not write, and a build replaces its output folder whole; empty or remove it first, or choose another folder`,
    );
  });

  it("sees through symbolic links", () => {
    symlinkSync(root, join(base, "link-to-site"));
    symlinkSync(join(root, "content"), join(base, "link-to-content"));
    expect(problem(join(base, "link-to-site"))).toMatch(/is or holds the site root/);
    expect(problem(join(base, "link-to-content", "new"))).toMatch(/is inside the content folder/);
  });
});
