import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { readYaml } from "../../../src/content/parse/safe-yaml.js";
import { lineCounter } from "../../../src/content/parse/result.js";

const read = (source: string) => readYaml(source, lineCounter(source), 1);

describe("readYaml", () => {
  it("uses the YAML 1.2 core schema: dates and yes/no stay strings", () => {
    const { value, issues } = read("\nupdated: 2026-05-04\nflag: yes\noff: no\nn: 0x10\nt: true\nempty:\n");
    expect(issues).toEqual([]);
    expect(value).toEqual({ updated: "2026-05-04", flag: "yes", off: "no", n: 16, t: true, empty: null });
  });

  it("maps keys and list items to lines", () => {
    const { lines } = read("\nname: x\ntimeline:\n  - date: 2026-01-01\n    title: t\n  - date: x\n");
    expect(lines.get(["name"])).toBe(2);
    expect(lines.get(["timeline"])).toBe(3);
    expect(lines.get(["timeline", 0])).toBe(4);
    expect(lines.get(["timeline", 0, "title"])).toBe(5);
    expect(lines.get(["timeline", 1, "date"])).toBe(6);
  });

  it("reports syntax errors with the line", () => {
    const { issues } = read("\na:\n  - b: 1\n   c: 2\n");
    expect(issues).toEqual([{ kind: "syntax", message: "invalid YAML: Sequence item without - indicator", line: 4 }]);
  });

  it("refuses duplicate keys, naming the key", () => {
    expect(read("\nname: a\nx: 1\nname: b\n").issues).toEqual([
      { kind: "duplicate", message: 'duplicate key "name"; each key may appear once', line: 4 },
    ]);
  });

  it("refuses anchors, aliases, merge keys and tags without resolving them", () => {
    const { issues } = read("\na: &x 1\nb: *x\n<<: {c: 1}\nd: !!js/function 'function(){}'\ne: !custom v\nf: !!str 5\ng: !!binary aGk=\n");
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [2, "YAML anchors (&x) are not accepted"],
      [3, "YAML aliases (*x) are not accepted; write the value out in full"],
      [4, "YAML merge keys (<<) are not accepted; write the fields out in full"],
      [5, "YAML tags (!!js/function) are not accepted"],
      [6, "YAML tags (!custom) are not accepted"],
      [7, "YAML tags (!!str) are not accepted"],
      [8, "YAML tags (!!binary) are not accepted"],
    ]);
  });

  it("refuses reserved keys at any depth and never assigns them", () => {
    const { issues, value } = read("\n__proto__: {polluted: 1}\na:\n  - constructor: x\n  - b: {prototype: 1}\n");
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [2, 'key "__proto__" is not accepted (reserved name)'],
      [4, 'key "constructor" is not accepted (reserved name)'],
      [5, 'key "prototype" is not accepted (reserved name)'],
    ]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses keys that are collections", () => {
    expect(read("\n? [a, b]\n: c\n").issues[0]).toMatchObject({ kind: "refused", line: 2, message: "expected a plain key, found a list or mapping as a key" });
  });

  // Regression: a megabyte of tiny nested lists took 5 s and 800 MB to validate, one problem
  // per value (70,000 of them), before it was refused.
  it("refuses more than 100,000 values, on the line of the first value past the limit", () => {
    // The mapping, the list and its items: n + 2 values.
    const list = (n: number) => `x:\n${"- 1\n".repeat(n)}`;
    expect(read(list(99_998)).issues).toEqual([]);
    expect(read(list(99_999)).issues).toEqual([{ kind: "refused", message: "holds more than 100,000 values; expected a record of the size an editor writes", line: 100_000 }]);
  });

  // Regression: 200,000 empty items ("-" alone) were not counted, and check stopped on an
  // internal error (the call stack) instead of one line.
  it("counts empty items and empty values as values", () => {
    expect(read(`x:\n${"-\n".repeat(100_000)}`).issues.map((i) => i.message)).toEqual(["holds more than 100,000 values; expected a record of the size an editor writes"]);
    expect(read(`x:\n${Array.from({ length: 100_000 }, (_, i) => `  k${i}:\n`).join("")}`).issues.map((i) => i.message)).toEqual(["holds more than 100,000 values; expected a record of the size an editor writes"]);
  });

  it("refuses nesting deeper than the limit", () => {
    const deep = `a: ${"[".repeat(100)}${"]".repeat(100)}`;
    expect(read(deep).issues[0]?.message).toMatch(/nesting is deeper than 64 levels/);
  });

  it("refuses at the first collection past the limit, in flow lists and block mappings", () => {
    expect(read(`a: ${"[".repeat(64)}${"]".repeat(64)}`).issues).toEqual([]);
    // Line n opens a mapping n - 1 levels deep.
    const blocks = `${Array.from({ length: 70 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} 1\n`;
    expect(read(blocks).issues).toEqual([{ kind: "refused", message: "nesting is deeper than 64 levels; expected a flatter structure", line: 66 }]);
  });

  it("counts the mapping a flow pair adds inside a list", () => {
    // 33 lists each holding a one-pair mapping: 66 levels once composed, 33 in the syntax tree.
    expect(read(`a: ${"[x: ".repeat(33)}1${"]".repeat(33)}`).issues.map((i) => i.message)).toEqual(["nesting is deeper than 64 levels; expected a flatter structure"]);
  });

  // Regression: vitest's fork died with "RegExpCompiler Allocation failed - process out of
  // memory". yaml's composer recursed until the stack overflowed, and V8 aborted compiling a
  // regex that close to the limit. Depth is now checked on the parser's tree, without recursion.
  it("refuses pathological nesting without deep recursion, naming the line", () => {
    for (const depth of [20_000, 200_000]) {
      expect(read(`a: ${"[".repeat(depth)}${"]".repeat(depth)}`).issues).toEqual([{ kind: "refused", message: "nesting is deeper than 64 levels; expected a flatter structure", line: 1 }]);
    }
    const lines = `a:\n${"  [\n".repeat(20_000)}${"  ]\n".repeat(20_000)}`;
    expect(read(lines).issues).toEqual([{ kind: "refused", message: "nesting is deeper than 64 levels; expected a flatter structure", line: 66 }]);
  });

  it.each([
    ["a tab before a field", "name: x\n\tsector: y\n", 2, "invalid YAML: Tabs are not allowed as indentation; indent with spaces"],
    ["a value starting with @", "name: @x\n", 1, "invalid YAML: Plain value cannot start with reserved character @; put the value in quotes"],
    ["an unquoted URL followed by a colon", "website: https://x.org: y\n", 1, 'invalid YAML: Nested mappings are not allowed in compact mappings; a value that contains ": " needs quotes'],
    ["a missing colon", 'name: x\nsector "y"\nz: 1\n', 2, 'invalid YAML: Implicit keys need to be on a single line; write each field as "name: value" on one line'],
    // yaml reports these where the value ends, here the last line; the line is where it opens.
    ["an unclosed double quote", 'name: x\ntag: "abc\nsector: y\nz: 1\n', 2, 'invalid YAML: Missing closing "quote; end the value with the quote it starts with'],
    ["an unclosed single quote", "name: x\nlist:\n  - 'abc\n  - d\nz: 1\n", 3, "invalid YAML: Missing closing 'quote; end the value with the quote it starts with"],
    ["an unclosed [", "name: x\nthemes: [kafka-api, tiered-storage\nupdated: 2026-01-01\n", 2, "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; close it after its last item, indenting any lines inside it"],
    ["an unclosed [ above a block list", "name: x\nthemes: [kafka-api\n  - a\n  - b\nupdated: 2026-01-01\n", 2, "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; close it after its last item, indenting any lines inside it"],
    ["an unclosed {", "name: x\nfacts: {a: 1, b: 2\nupdated: 2026-01-01\n", 2, "invalid YAML: Flow map in block collection must be sufficiently indented and end with a }; close it after its last item, indenting any lines inside it"],
  ])("names the usual fix for %s, on its line", (_, source, line, message) => {
    expect(read(source).issues[0]).toEqual({ kind: "syntax", message, line });
  });

  it("reports a syntax error once per line, however often the parser's recovery repeats it", () => {
    const { issues } = read(`a:\n${"  [\n".repeat(30)}b: 1\n`);
    expect(issues).toEqual([{ kind: "syntax", message: "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; close it after its last item, indenting any lines inside it", line: 31 }]);
  });

  it("shows the first ten syntax errors and counts the rest in one line, from the line where they start", () => {
    const source = `a:\n${"  x: y: z\n".repeat(25)}`;
    // What yaml itself reports, one entry per line and message, in its order.
    const all = [...new Map(parseDocument(source).errors.map((e) => [`${lineCounter(source)(e.pos[0])}:${e.message.split("\n")[0]}`, lineCounter(source)(e.pos[0])])).values()];
    expect(all.length).toBeGreaterThan(20);
    const { issues } = read(source);
    expect(issues).toHaveLength(11);
    expect(issues.slice(0, 10).map((i) => i.line)).toEqual(all.slice(0, 10));
    expect(issues.slice(0, 10).every((i) => i.kind === "syntax" && i.message.startsWith("invalid YAML: "))).toBe(true);
    expect(issues[10]).toEqual({
      kind: "syntax",
      message: `${all.length - 10} more YAML syntax errors from here on, not shown; fix the ones above first, as later ones often follow from them`,
      line: all[10],
    });
  });

  it("leaves Error.stackTraceLimit as it found it after switching stacks off for yaml's errors", () => {
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = 17;
    try {
      expect(read(`a:\n${"  x: [\n  y: ]\n".repeat(3)}`).issues.length).toBeGreaterThan(0);
      expect(read("a: 1\n").issues).toEqual([]);
      expect(Error.stackTraceLimit).toBe(17);
    } finally {
      Error.stackTraceLimit = before;
    }
  });

  it("reports each construct once per line", () => {
    const { issues } = read("\na: &a [1]\nb: [*a, *a, *a, *a]\n");
    expect(issues.map((i) => i.line)).toEqual([2, 3]);
  });
});
