import matter from "gray-matter";
import { LineMap } from "../paths.js";
import { describeValue } from "../describe-value.js";
import { fail, lineAt, lineCounter, type Parsed } from "./result.js";
import { readYaml, type YamlRead } from "./safe-yaml.js";

/** A markdown record split into its fields and body, with lines for both. */
export interface FrontMatter {
  data: Record<string, unknown>;
  lines: LineMap;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

/** Languages accepted after the opening fence; anything else could be code to evaluate. */
const YAML_LANGUAGES = new Set(["", "yaml", "yml"]);

/**
 * Every engine gray-matter knows, and the aliases it maps to them, replaced by one that
 * refuses: gray-matter ships an `eval`-based JavaScript engine that runs `---js` blocks.
 */
const REFUSED_ENGINES = ["javascript", "js", "json", "coffee", "coffeescript", "cson", "toml"];

/**
 * gray-matter options whose only working engine is our safe YAML reader (it receives the raw
 * block; gray-matter's own data is always `{}`). Every other engine throws, including the
 * `eval`-based JavaScript one gray-matter registers by default.
 * @example matter("---js\n{}\n---\n", safeMatterOptions(() => {})) // throws
 */
export function safeMatterOptions(onYaml: (block: string) => void): { language: string; engines: Record<string, (input: string) => object> } {
  const readBlock = (block: string): object => {
    onYaml(block);
    return {};
  };
  const refuse = (): object => {
    throw new Error("front matter language not accepted");
  };
  const engines: Record<string, (input: string) => object> = { yaml: readBlock, yml: readBlock };
  for (const name of REFUSED_ENGINES) engines[name] = refuse;
  return { language: "yaml", engines };
}

/**
 * Splits `---` YAML front matter from the body and parses it safely. Expects text without a
 * BOM and with LF line endings (see readTextFile).
 * @example parseFrontMatter("---\nname: Kafka\n---\nBody\n")
 * // { ok: true, value: { data: { name: "Kafka" }, body: "Body\n", bodyLine: 4, lines } }
 */
export function parseFrontMatter(text: string): Parsed<FrontMatter> {
  const open = /^---([^\n]*)(\n|$)/.exec(text);
  if (!open || open[1]!.startsWith("-")) {
    return fail('missing front matter: expected the file to start with a "---" line', 1);
  }
  // Checked here, before gray-matter, which picks its engine from this text.
  const language = open[1]!.trim();
  if (!YAML_LANGUAGES.has(language.toLowerCase())) {
    return fail(`front matter in ${JSON.stringify(language)} is not accepted; expected YAML between "---" lines`, 1);
  }
  const close = open[2] === "" ? -1 : text.indexOf("\n---", open[0].length - 1);
  if (close === -1) {
    return fail('front matter is not closed: expected a "---" line after the fields', 1);
  }
  // gray-matter ends the fields at the first line starting "---" and would take the rest of
  // that line as the body's start, where a product's text before its first section is dropped.
  const end = text.indexOf("\n", close + 1);
  const after = text.slice(close + 4, end === -1 ? undefined : end).trim();
  if (after !== "") {
    const shown = after.length > 40 ? `${after.slice(0, 40)}…` : after;
    return fail(`text after the closing "---" is not accepted (${JSON.stringify(shown)}); end the fields with a line of only "---"`, lineAt(text, close + 1));
  }

  let yaml: YamlRead | undefined;
  let bug: { error: unknown } | undefined;
  let parsed;
  try {
    parsed = matter(text, safeMatterOptions((block) => {
      try {
        // The block starts on the fence line, so its line N is the file's line N.
        yaml = readYaml(block, lineCounter(block), 1);
      } catch (error) {
        bug = { error };
      }
    }));
  } catch {
    if (bug === undefined) return fail('front matter is not accepted; expected YAML between "---" lines', 1);
  }
  // A failure inside our own reader is a bug, not a content problem: let the caller see it.
  if (bug !== undefined) throw bug.error;
  if (parsed === undefined) return fail('front matter is not accepted; expected YAML between "---" lines', 1);

  const body = parsed.content;
  const bodyLine = lineAt(text, text.length - body.length);
  // gray-matter skips the engine for a block of only blanks and comments: no fields.
  if (yaml === undefined) {
    return { ok: true, value: { data: {}, lines: new LineMap(1), body, bodyLine } };
  }
  const issues = yaml.issues.map(({ message, line }) => ({ message, line }));
  // Without a syntax error the fields are known, and are validated beside these issues.
  if (yaml.issues.some((i) => i.kind === "syntax")) return { ok: false, issues };
  const value = yaml.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    if (issues.length > 0) return { ok: false, issues };
    return fail(`expected the front matter to be a mapping of fields (key: value lines), found ${describeValue(value)}`, yaml.valueLine);
  }
  return { ok: true, value: { data: value as Record<string, unknown>, lines: yaml.lines, body, bodyLine }, ...(issues.length > 0 ? { issues } : {}) };
}
