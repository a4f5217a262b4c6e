/**
 * Regression: a timeline title holding Word's soft line break (U+000B) passed check and made
 * feed.xml malformed, so feed readers refused the whole feed; a JSON "\u0001" did the same.
 */
import { afterAll, describe, expect, it } from "vitest";
import { findControlCharacters } from "../../src/content/control-characters.js";
import { LineMap } from "../../src/content/paths.js";
import { cleanupRoots, lines, load, product, SECTIONS } from "./helpers.js";

afterAll(cleanupRoots);

const P = "content/products/test-product.md";
const CARRY = "which pages and feeds cannot carry; delete it, or put a space in its place";

describe("findControlCharacters", () => {
  it("finds control characters and noncharacters in any string value and body line, and lets tabs and line breaks be", () => {
    const data = { name: "a\tb", timeline: [{ title: "one\u000Btwo" }], facts: { x: "\uFFFF", y: "\u0085" } };
    const found = findControlCharacters(data, new LineMap(undefined), "ok\r\nfine\n\u001Bbad", 20);
    expect(found.map((c) => [c.field, c.line, c.message])).toEqual([
      ["timeline[0].title", undefined, `holds the control character U+000B, ${CARRY}`],
      ["facts.x", undefined, `holds the noncharacter U+FFFF, ${CARRY}`],
      ["facts.y", undefined, `holds the control character U+0085, ${CARRY}`],
      ["body", 22, `holds the control character U+001B, ${CARRY}`],
    ]);
  });

  it("finds half a surrogate pair but not a whole one", () => {
    expect(findControlCharacters({ a: "😀", b: "x\uD83D", c: "\uDE00y" }, new LineMap(undefined), "", undefined).map((c) => c.field)).toEqual(["b", "c"]);
  });
});

describe("loading a root", () => {
  it("reports each control character on its field's line, in YAML and JSON records", async () => {
    const result = await load({
      files: {
        [P]: product('timeline:\n  - date: 2026-01-02\n    title: "Ships\u000Btoday"\n    kind: release', `${SECTIONS}\nA \u0007 bell.\n`),
        "content/sectors/streaming.md": null,
        "content/sectors/streaming.json": '{\n  "name": "Streaming",\n  "description": "Logs \\u0001 and queues."\n}\n',
      },
    });
    expect(lines(result)).toEqual([
      `content/products/test-product.md:10: timeline[0].title: holds the control character U+000B, ${CARRY}`,
      `content/products/test-product.md:25: body: holds the control character U+0007, ${CARRY}`,
      `content/sectors/streaming.json:3: description: holds the control character U+0001, ${CARRY}`,
    ]);
  });
});
