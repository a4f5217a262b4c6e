import { describe, expect, it } from "vitest";
import { drawableText, hasCardGlyph, parseUnicodeRange } from "../../src/social-cards/font-coverage.js";

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

describe("drawableText", () => {
  it("lists each missing character once, in order, and ignores spaces, controls and format characters", () => {
    expect(drawableText("Kafka 東京 ⚡ 東").missing).toEqual(["東", "京", "⚡"]);
    expect(drawableText("Łódź · Ωμέγα · Москва · Việt — “quoted”\t\u200b\u202e\u0007").missing).toEqual([]);
    expect(drawableText("🚀").missing).toEqual(["🚀"]);
  });

  it("keeps what a card draws: controls as spaces, format characters and missing glyphs out", () => {
    expect(drawableText("Kafka\u202E ⚡ 東京\n streams")).toEqual({ text: "Kafka    streams", missing: ["⚡", "東", "京"] });
  });
});
