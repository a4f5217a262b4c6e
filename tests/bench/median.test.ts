import { describe, expect, it } from "vitest";
import { median } from "../../bench/median.js";

describe("median", () => {
  it("is the middle value of an odd count, in any order", () => {
    expect(median([3, 1, 2])).toBe(2);
  });

  // Regression: bench:hugo took the upper of the two middle values, bench:serve the lower.
  it("is the mean of the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });
});
