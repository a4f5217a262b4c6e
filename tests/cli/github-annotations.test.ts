import { describe, expect, it } from "vitest";
import { githubAnnotation } from "../../src/cli/github-annotations.js";
import { error, warning } from "../../src/content/problems.js";

describe("githubAnnotation", () => {
  it("names the file, the line when known, and the field before the message", () => {
    expect(githubAnnotation(error("content/products/a.md", 'unknown field "taglin"', { line: 5, field: "taglin" }), "site/content/products/a.md")).toBe(
      '::error file=site/content/products/a.md,line=5,title=versus::taglin: unknown field "taglin"',
    );
    expect(githubAnnotation(error("content/products/b.md", "file is empty"), "content/products/b.md")).toBe("::error file=content/products/b.md,title=versus::file is empty");
    expect(githubAnnotation(warning("content/products/c.md", "400 days ago", { line: 7, field: "updated" }), "content/products/c.md")).toBe(
      "::warning file=content/products/c.md,line=7,title=versus::updated: 400 days ago",
    );
  });

  it("escapes what would end the command or start another", () => {
    expect(githubAnnotation(error("a,b:c.md", "100% sure\nline two\r"), "dir/a,b:c.md")).toBe("::error file=dir/a%2Cb%3Ac.md,title=versus::100%25 sure%0Aline two%0D");
  });
});
