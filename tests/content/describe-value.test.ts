/** describeValue: how a message names the value it found, without dumping a structure. */
import { describe, expect, it } from "vitest";
import { describeValue } from "../../src/content/describe-value.js";

describe("describeValue", () => {
  it.each([
    [undefined, "nothing"],
    [null, "an empty value"],
    ["relase", '"relase"'],
    ['say "hi"\n', '"say \\"hi\\"\\n"'],
    [42, "42"],
    [false, "false"],
    [[], "an empty list"],
    [[1, 2], "a list"],
    [{ a: 1 }, "a mapping"],
  ])("%j → %s", (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it("shortens a long string to 59 characters and an ellipsis, so a message stays one readable line", () => {
    expect(describeValue("x".repeat(61))).toBe(`"${"x".repeat(59)}…"`);
    expect(describeValue("x".repeat(60))).toBe(`"${"x".repeat(60)}"`);
  });
});
