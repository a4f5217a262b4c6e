import { describe, expect, it } from "vitest";
import { flatString } from "../../src/compute/flat-string.js";

describe("flatString", () => {
  it("returns a string built piece by piece with exactly the same text, lone surrogates included", () => {
    let html = "";
    for (let i = 0; i < 200; i++) html += `<rect x="${i}"/>→\uD800`;
    const expected = Array.from({ length: 200 }, (_, i) => `<rect x="${i}"/>→\uD800`).join("");
    expect(flatString(html)).toBe(expected);
    expect(flatString(html).length).toBe(expected.length);
  });
});
