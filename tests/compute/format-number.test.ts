import { describe, expect, it } from "vitest";
import { compactNumber, formatRating, groupDigits } from "../../src/compute/format-number.js";

describe("compactNumber", () => {
  it.each([
    [0, "0"],
    [83, "83"],
    [999, "999"],
    [999.4, "999"],
    [999.5, "1k"], // rounds to 1,000, which is 1k
    [1_000, "1k"],
    [1_049, "1k"], // 10.49 tenths → 10 → "1k" (".0" dropped)
    [1_050, "1.1k"], // halves round up
    [32_450, "32.5k"], // exact half, no float drift
    [32_500, "32.5k"],
    [999_949, "999.9k"],
    [999_950, "1M"], // would be 1000.0k: moves to the next unit
    [12_800_000, "12.8M"],
    [24_200_000, "24.2M"],
    [333_500_000, "333.5M"],
    [2_000_000, "2M"],
    [1_234_567_890, "1.2B"],
    [999_960_000_000, "1T"],
    [-32_450, "-32.5k"],
  ])("%d → %j", (value, text) => {
    expect(compactNumber(value)).toBe(text);
  });

  it("shows a dash for non-finite values", () => {
    expect(compactNumber(Number.NaN)).toBe("—");
  });
});

describe("groupDigits", () => {
  it("adds comma thousands separators", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(151)).toBe("151");
    expect(groupDigits(1_000)).toBe("1,000");
    expect(groupDigits(1_234_567)).toBe("1,234,567");
  });
});

describe("formatRating", () => {
  it("shows value/scale and the review count", () => {
    expect(formatRating({ value: 8.6, scale: 10, count: 151 })).toBe("8.6/10 (151 reviews)");
    expect(formatRating({ value: 4, scale: 5, count: 1 })).toBe("4.0/5 (1 review)");
    expect(formatRating({ value: 4.5, scale: 5, count: 0 })).toBe("4.5/5 (0 reviews)");
    expect(formatRating({ value: 4.5, scale: 5, count: 12_345 })).toBe("4.5/5 (12,345 reviews)");
    expect(formatRating({ value: 4.5, scale: 5 })).toBe("4.5/5");
  });
});
