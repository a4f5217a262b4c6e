import { describe, expect, it } from "vitest";
import { parseArgs, stringFlag } from "../../src/cli/args.js";

const BUILD = [["root", "output", "shard"], ["no-search", "no-social-cards"]] as const;
const build = (argv: string[]) => parseArgs(argv, BUILD[0], BUILD[1]);

describe("parseArgs", () => {
  it("reads valued options in both forms and switches", () => {
    const args = build(["--root", "site", "--output=out", "--no-search"]);
    expect([...args.flags]).toEqual([
      ["root", "site"],
      ["output", "out"],
      ["no-search", true],
    ]);
    expect(stringFlag(args, "root", ".")).toBe("site");
    expect(stringFlag(args, "shard", "1/1")).toBe("1/1");
  });

  // A mistyped switch used to be accepted and ignored: the build ran with search on.
  it("refuses an unknown option, naming the closest known one", () => {
    expect(() => build(["--no-serach"])).toThrow("unknown option --no-serach; did you mean --no-search?");
    expect(() => build(["--verbose"])).toThrow("unknown option --verbose; expected one of --root, --output, --shard, --no-search, --no-social-cards");
    expect(() => parseArgs(["--x"], [], [])).toThrow("unknown option --x; this command takes no options");
  });

  it("refuses positional arguments, missing or empty values and values on switches", () => {
    expect(() => build(["site"])).toThrow('unexpected argument "site"');
    expect(() => build(["--root"])).toThrow("--root needs a value");
    expect(() => build(["--root", "--no-search"])).toThrow("--root needs a value");
    // An empty --output used to mean the working directory.
    expect(() => build(["--output="])).toThrow("--output needs a value");
    expect(() => build(["--no-search=yes"])).toThrow("--no-search takes no value");
  });

  // Regression: "--root=a --root=b" used the last one without a word.
  it("refuses a valued option given twice, and takes a switch given twice", () => {
    expect(() => build(["--root=a", "--root=b"])).toThrow("--root is given twice; give it once");
    expect(() => build(["--output", "a", "--output=a"])).toThrow("--output is given twice; give it once");
    expect(build(["--no-search", "--no-search"]).flags.get("no-search")).toBe(true);
  });
});
