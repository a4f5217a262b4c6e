import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digest } from "../../src/build/digest.js";

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
