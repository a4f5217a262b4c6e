import { describe, expect, it } from "vitest";
import { hasCardGlyph, parseUnicodeRange } from "../../src/social-cards/font-coverage.js";

describe("parseUnicodeRange", () => {
  it("reads single code points and ranges", () => {
    expect(parseUnicodeRange("U+0000-00FF,U+0131, U+2000-206F")).toEqual([[0, 255], [0x131, 0x131], [0x2000, 0x206f]]);
  });
});

describe("hasCardGlyph", () => {
  it("covers Latin, Greek, Cyrillic and Vietnamese letters, and not CJK or emoji", () => {
    const cp = (ch: string): number => ch.codePointAt(0)!;
    expect(["K", "ł", "Ω", "Ж", "ệ", "—"].map((ch) => hasCardGlyph(cp(ch)))).toEqual([true, true, true, true, true, true]);
    expect(["東", "한", "⚡", "😀", "א"].map((ch) => hasCardGlyph(cp(ch)))).toEqual([false, false, false, false, false]);
  });
});
