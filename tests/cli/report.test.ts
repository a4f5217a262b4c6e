/** reportProblems: one line per problem on stderr, then the count, and whether any is an error. */
import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../../src/cli/args.js";
import { problemAnnotations, reportProblems } from "../../src/cli/report.js";
import { error, limitPerFile, warning } from "../../src/content/problems.js";

function report(problems: Parameters<typeof reportProblems>[0]): { errors: boolean; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const errors = reportProblems(problems, { out: (l) => out.push(l), err: (l) => err.push(l) }, "nothing was built");
  return { errors, out, err };
}

describe("reportProblems", () => {
  it("prints every problem, then the errors and warnings counted, and says an error was found", () => {
    const result = report([
      error("content/products/a.md", 'unknown field "taglin"; did you mean "tagline"?', { line: 5, field: "taglin" }),
      error("content/products/b.md", "file is empty"),
      warning("content/products/notes.txt", "ignored: expected a .md or .json file"),
    ]);
    expect(result).toEqual({
      errors: true,
      out: [],
      err: [
        'content/products/a.md:5: taglin: unknown field "taglin"; did you mean "tagline"?',
        "content/products/b.md: file is empty",
        "warning: content/products/notes.txt: ignored: expected a .md or .json file",
        "2 errors, 1 warning: nothing was built",
      ],
    });
  });

  // Regression: 60 problems in one file printed 50 lines, a "10 more" line, then "51 errors".
  it("counts the problems a file's 'more problems' line stands for, not the line", () => {
    const many = Array.from({ length: 60 }, (_, i) => (i % 4 === 3 ? warning : error)("content/products/a.md", `m${i}`, { line: i + 1 }));
    const result = report(limitPerFile(many, 50));
    expect(result.err).toHaveLength(52);
    expect(result.err[50]).toBe("content/products/a.md:51: 10 more problems in this file from here on, not shown; fix the ones above and run check again");
    expect(result.err[51]).toBe("45 errors, 15 warnings: nothing was built");
  });

  it("prints warnings alone without a count line, and says no error was found", () => {
    expect(report([warning("content/products/a.md", "updated: 400 days ago", { line: 7 })])).toEqual({
      errors: false,
      out: [],
      err: ["warning: content/products/a.md:7: updated: 400 days ago"],
    });
    expect(report([])).toEqual({ errors: false, out: [], err: [] });
  });

  it("counts a single error in the singular", () => {
    expect(report([error("data/site.json", "required file is missing")]).err.at(-1)).toBe("1 error: nothing was built");
  });
});

describe("reportProblems with annotations", () => {
  const problems = [error("content/products/a.md", "file is empty"), warning("content/products/b.md", "400 days ago", { line: 7, field: "updated" })];

  it("prints each problem's annotation to stdout, and the same lines as without to stderr", () => {
    const out: string[] = [];
    const err: string[] = [];
    const annotate = problemAnnotations(parseArgs(["--reporter", "github"], ["reporter"]), "/work/repo/site", { GITHUB_WORKSPACE: "/work/repo" })!;
    expect(reportProblems(problems, { out: (l) => out.push(l), err: (l) => err.push(l) }, "nothing was built", annotate)).toBe(true);
    expect(out).toEqual([
      "::error file=site/content/products/a.md,title=versus::file is empty",
      "::warning file=site/content/products/b.md,line=7,title=versus::updated: 400 days ago",
    ]);
    expect(err).toEqual(report(problems).err);
  });

  it("annotates nothing for --reporter text or none, and refuses another reporter", () => {
    expect(problemAnnotations(parseArgs([], ["reporter"]), "/r")).toBeUndefined();
    expect(problemAnnotations(parseArgs(["--reporter=text"], ["reporter"]), "/r")).toBeUndefined();
    expect(() => problemAnnotations(parseArgs(["--reporter", "json"], ["reporter"]), "/r")).toThrow(new UsageError('--reporter: expected text or github, found "json"'));
  });
});
