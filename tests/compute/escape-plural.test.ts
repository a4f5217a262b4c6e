import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/compute/escape-html.js";
import { joinAnd, plural } from "../../src/compute/plural.js";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml("AT&T's")).toBe("AT&amp;T&#39;s");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
    expect(escapeHtml("plain text")).toBe("plain text");
  });
});

describe("plural and joinAnd", () => {
  it("count nouns in English", () => {
    expect(plural(0, "spark")).toBe("0 sparks");
    expect(plural(1, "spark")).toBe("1 spark");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });

  it("join lists with 'and'", () => {
    expect(joinAnd([])).toBe("");
    expect(joinAnd(["X"])).toBe("X");
    expect(joinAnd(["X", "Y"])).toBe("X and Y");
    expect(joinAnd(["X", "Y", "Z"])).toBe("X, Y and Z");
  });
});
