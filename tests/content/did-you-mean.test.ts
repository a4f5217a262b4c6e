import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, listNames } from "../../src/content/did-you-mean.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and transpositions", () => {
    expect(editDistance("taglin", "tagline")).toBe(1);
    expect(editDistance("devopz", "devops")).toBe(1);
    expect(editDistance("taglien", "tagline")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("didYouMean", () => {
  const keys = ["name", "sector", "tagline", "timeline", "themes"];
  it("suggests a close key", () => {
    expect(didYouMean("taglin", keys)).toBe("tagline");
    expect(didYouMean("Name", keys)).toBe("name");
    expect(didYouMean("secotr", keys)).toBe("sector");
  });
  it("stays quiet when nothing is close", () => {
    expect(didYouMean("colour", keys)).toBeUndefined();
    expect(didYouMean("x".repeat(500), keys)).toBeUndefined();
  });
  it("allows only one edit on short words", () => {
    expect(didYouMean("nam", keys)).toBe("name");
    expect(didYouMean("nm", keys)).toBeUndefined();
  });
  it("breaks ties alphabetically", () => {
    expect(didYouMean("cat", ["hat", "bat"])).toBe("bat");
  });
  // Regression: "capability" and "last_updated" got no suggestion, being 3 and 5 edits away.
  it("suggests another form of the word, or the key inside a longer one, when no typo is close", () => {
    const fields = ["capabilities", "choose_if", "name", "updated", "velocity"];
    expect(didYouMean("capability", fields)).toBe("capabilities");
    expect(didYouMean("last_updated", fields)).toBe("updated");
    expect(didYouMean("velocity_score", fields)).toBe("velocity");
    expect(didYouMean("apache-kafka-2", ["apache-kafka", "redpanda"])).toBe("apache-kafka");
    expect(didYouMean("updates", fields)).toBe("updated");
    expect(didYouMean("capable", fields)).toBeUndefined();
    expect(didYouMean("nickname", fields)).toBeUndefined();
  });
});

describe("listNames", () => {
  it("sorts and shortens", () => {
    expect(listNames(["b", "a"])).toBe("a, b");
    expect(listNames(["a", "b", "c"], 2)).toBe("a, b, … (1 more)");
  });
});
