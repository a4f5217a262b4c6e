import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import matter from "gray-matter";
import { afterEach, describe, expect, it } from "vitest";
import { parseFrontMatter, safeMatterOptions } from "../../../src/content/parse/front-matter.js";

const MARKER = join(tmpdir(), "versus-front-matter-unit-ran");
const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  rmSync(MARKER, { force: true });
  delete globals.__versusProbe;
  delete globals.__versusUnitRan;
});

describe("parseFrontMatter", () => {
  it("splits fields and body and locates the body", () => {
    const parsed = parseFrontMatter("---\nname: Kafka\nsector: streaming\n---\nBody line\n");
    expect(parsed).toMatchObject({ ok: true, value: { data: { name: "Kafka", sector: "streaming" }, body: "Body line\n", bodyLine: 5 } });
    if (parsed.ok) expect(parsed.value.lines.get(["sector"])).toBe(3);
  });

  it("accepts an explicit yaml language and an empty block", () => {
    expect(parseFrontMatter("---yaml\nname: x\n---\n")).toMatchObject({ ok: true, value: { data: { name: "x" } } });
    expect(parseFrontMatter("---\n---\nbody\n")).toMatchObject({ ok: true, value: { data: {}, body: "body\n", bodyLine: 3 } });
    expect(parseFrontMatter("---\n# only a comment\n---\n")).toMatchObject({ ok: true, value: { data: {} } });
  });

  it("refuses a missing fence, an unclosed fence and a horizontal rule", () => {
    expect(parseFrontMatter("name: x\n")).toEqual({ ok: false, issues: [{ message: 'missing front matter: expected the file to start with a "---" line', line: 1 }] });
    expect(parseFrontMatter("----\nname: x\n----\n")).toMatchObject({ ok: false, issues: [{ line: 1, message: expect.stringContaining("missing front matter") }] });
    expect(parseFrontMatter("---\nname: x\n")).toEqual({ ok: false, issues: [{ message: 'front matter is not closed: expected a "---" line after the fields', line: 1 }] });
    expect(parseFrontMatter("---")).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining("not closed") }] });
  });

  // Regression: "--- extra text" closed the fields and its text was dropped without a word.
  it("refuses text after the closing fence, on its line, and takes a closing fence with trailing spaces", () => {
    expect(parseFrontMatter("---\nname: x\n--- extra text\n## Body\n")).toEqual({
      ok: false,
      issues: [{ message: 'text after the closing "---" is not accepted ("extra text"); end the fields with a line of only "---"', line: 3 }],
    });
    expect(parseFrontMatter("---\nname: x\n----\n")).toMatchObject({ ok: false, issues: [{ line: 3, message: expect.stringContaining('("-")') }] });
    expect(parseFrontMatter("---\nname: x\n---  \nBody\n")).toMatchObject({ ok: true, value: { data: { name: "x" } } });
  });

  it("refuses front matter that is not a mapping", () => {
    expect(parseFrontMatter("---\n\n- a\n---\n")).toEqual({
      ok: false,
      issues: [{ message: "expected the front matter to be a mapping of fields (key: value lines), found a list", line: 3 }],
    });
  });

  it("reports YAML errors at file lines", () => {
    expect(parseFrontMatter("---\na: 1\nb: 'open\n---\n")).toMatchObject({ ok: false, issues: [{ line: 3, message: expect.stringContaining("invalid YAML") }] });
  });

  for (const language of ["js", "javascript", "JS ", "coffee", "cson", "toml", "json", "constructor", "__proto__"]) {
    it(`refuses ---${language} front matter without running it`, () => {
      const text = `---${language}\n{ name: (require("fs").writeFileSync(${JSON.stringify(MARKER)}, "x"), globalThis.__versusUnitRan = true, "x") }\n---\n`;
      expect(parseFrontMatter(text)).toEqual({
        ok: false,
        issues: [{ message: `front matter in ${JSON.stringify(language.trim())} is not accepted; expected YAML between "---" lines`, line: 1 }],
      });
      expect(globals.__versusUnitRan).toBeUndefined();
      expect(existsSync(MARKER)).toBe(false);
    });
  }

  it("also refuses JS in gray-matter itself (defence in depth), where the default would eval it", () => {
    // Proof that the payload style is live: plain gray-matter evaluates it.
    matter(`---js\n{ probe: (globalThis.__versusProbe = true, 1) }\n---\nunique ${Math.random()}\n`);
    expect(globals.__versusProbe).toBe(true);

    const payload = `---js\n{ x: (require("fs").writeFileSync(${JSON.stringify(MARKER)}, "x"), globalThis.__versusUnitRan = true, 1) }\n---\n`;
    for (const language of ["js", "javascript", "coffee", "json", "toml"]) {
      expect(() => matter(payload.replace("---js", `---${language}`), safeMatterOptions(() => {}))).toThrow();
    }
    expect(globals.__versusUnitRan).toBeUndefined();
    expect(existsSync(MARKER)).toBe(false);
  });
});
