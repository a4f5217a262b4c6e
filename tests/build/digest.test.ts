import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { digest, renderFingerprint } from "../../src/build/digest.js";

/** The definition: SHA-256 over each part followed by a NUL, base64url, first 22 characters. */
function reference(...parts: (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("base64url").slice(0, 22);
}

describe("digest", () => {
  // A changed definition would silently re-render every page of every site's next build.
  it.each([[[]], [[""]], [["a", "b"]], [["a\0b"]], [["é→⇄", "x"]], [[Buffer.from([0, 255, 7])]], [["kafka", Buffer.from("é"), ""]]] as (string | Uint8Array)[][][])(
    "is SHA-256 of each part and a NUL: %j",
    (parts) => {
      expect(digest(...parts)).toBe(reference(...parts));
    },
  );

  it("gives the same digest for a string and its UTF-8 bytes, and tells part boundaries apart", () => {
    expect(digest("é→", "x")).toBe(digest(Buffer.from("é→"), "x"));
    expect(digest("ab", "c")).not.toBe(digest("a", "bc"));
    expect(digest("a")).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("renderFingerprint", () => {
  const made: string[] = [];
  afterAll(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const project = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), "versus-fingerprint-"));
    made.push(dir);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return dir;
  };
  const base = { "src/a.ts": "export {}", "templates/pages/pair.njk": "<p>{{ a }}</p>", ".eleventy.ts": "", "package.json": '{"dependencies":{"nunjucks":"3.2.4"}}' };

  // An installed package has no package-lock.json: check and build used to crash on ENOENT.
  it("works without package-lock.json, as in an installed package", () => {
    expect(renderFingerprint(project(base))).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("changes with a template, the code, the dependencies or the lock file, and only then", () => {
    const fingerprint = renderFingerprint(project(base));
    expect(renderFingerprint(project(base))).toBe(fingerprint);
    expect(renderFingerprint(project({ ...base, "templates/pages/pair.njk": "<p>{{ b }}</p>" }))).not.toBe(fingerprint);
    expect(renderFingerprint(project({ ...base, "src/b.ts": "" }))).not.toBe(fingerprint);
    expect(renderFingerprint(project({ ...base, "bin/versus.js": "" }))).not.toBe(fingerprint);
    expect(renderFingerprint(project({ ...base, "tsconfig.json": "{}" }))).not.toBe(fingerprint);
    expect(renderFingerprint(project({ ...base, "package.json": '{"dependencies":{"nunjucks":"3.2.5"}}' }))).not.toBe(fingerprint);
    expect(renderFingerprint(project({ ...base, "package-lock.json": "{}" }))).not.toBe(fingerprint);
    expect(renderFingerprint(project({ ...base, "content/products/x.md": "data is not code" }))).toBe(fingerprint);
  });

  // The launcher hashes the code to find its bundle; the fingerprint reuses that hash.
  it("reads the code once per process, the templates each time", () => {
    const dir = project(base);
    const fingerprint = renderFingerprint(dir);
    writeFileSync(join(dir, "src/a.ts"), "export const changed = 1;");
    expect(renderFingerprint(dir)).toBe(fingerprint);
    writeFileSync(join(dir, "templates/pages/pair.njk"), "<p>{{ c }}</p>");
    expect(renderFingerprint(dir)).not.toBe(fingerprint);
  });
});
