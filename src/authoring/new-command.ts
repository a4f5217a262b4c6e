/**
 * `versus new`: creates a starter record file under a site root and never overwrites one.
 * Exit codes: 0 created, 1 the file (or its other form) already exists, 2 bad arguments.
 * References to other records (sector, products) are not validated here, `versus check` does
 * that; a missing one only adds a `warning:` line, since creating them in any order is fine.
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isFolder } from "../cli/args.js";
import { orderPair, pairSlug } from "../compute/pairs.js";
import { SLUG_PATTERN } from "../content/schema/index.js";
import { comparisonTemplate, matrixTemplate, productTemplate, sectorTemplate } from "./scaffold.js";

export const NEW_USAGE =
  'usage: versus new product <slug> --sector <sector> --name "<name>" | sector <slug> --name "<name>" | comparison <a> <b> | matrix <slug> --columns <a>,<b>[,…]';

interface Result {
  exitCode: number;
  lines: string[];
}

/** A file to create, relative to the root, and the other forms whose existence blocks it. */
interface Plan {
  file: string;
  text: string;
  blockers: string[];
  /** Records the new one refers to, as their two possible files; a missing record adds a warning. */
  references: { files: string[]; hint: string }[];
}

class UsageError extends Error {}

/** Both forms of a record: a slug may have a `.md` or a `.json`, never both. */
function forms(folder: string, slug: string): string[] {
  return [`content/${folder}/${slug}.md`, `content/${folder}/${slug}.json`];
}

function checkSlug(value: string | undefined, what: string): string {
  if (value === undefined || value === "") throw new UsageError(NEW_USAGE);
  if (value.length > 64 || !SLUG_PATTERN.test(value)) {
    throw new UsageError(
      `versus new: ${what} "${value}" is not a valid slug; expected lowercase letters, digits and single hyphens, at most 64 characters, e.g. apache-kafka`,
    );
  }
  return value;
}

function checkName(value: string | undefined, max: number): string {
  if (value === undefined) throw new UsageError(NEW_USAGE);
  const name = value.trim();
  if (name === "" || name.length > max) throw new UsageError(`versus new: --name must be 1 to ${max} characters, found ${name.length}`);
  return name;
}

/** Only the options a kind uses are accepted, so a typo is not silently ignored. */
function onlyOptions(values: Record<string, unknown>, allowed: string[]): void {
  const extra = Object.keys(values).filter((k) => k !== "root" && !allowed.includes(k) && values[k] !== undefined);
  if (extra.length > 0) {
    const takes = allowed.length === 0 ? "takes no options" : `takes ${allowed.map((o) => `--${o}`).join(" and ")}`;
    throw new UsageError(`versus new: --${extra[0]} is not an option of this kind, which ${takes}\n${NEW_USAGE}`);
  }
}

function plan(argv: string[], today: string): { plan: Plan; root?: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      // --root is accepted in case the caller forwards the whole command line.
      options: { sector: { type: "string" }, name: { type: "string" }, columns: { type: "string" }, root: { type: "string" } },
    });
  } catch {
    throw new UsageError(NEW_USAGE);
  }
  const { values, positionals } = parsed;
  const [kind, ...rest] = positionals;
  const root = values.root;
  switch (kind) {
    case "product": {
      onlyOptions(values, ["sector", "name"]);
      if (rest.length !== 1) throw new UsageError(NEW_USAGE);
      const slug = checkSlug(rest[0], "product");
      const sector = checkSlug(values.sector, "sector");
      const name = checkName(values.name, 80);
      const [file, other] = forms("products", slug) as [string, string];
      return {
        root,
        plan: {
          file,
          text: productTemplate({ slug, sector, name, today }),
          blockers: [file, other],
          references: [{ files: forms("sectors", sector), hint: `npx versus new sector ${sector} --name "…"` }],
        },
      };
    }
    case "sector": {
      onlyOptions(values, ["name"]);
      if (rest.length !== 1) throw new UsageError(NEW_USAGE);
      const slug = checkSlug(rest[0], "sector");
      const name = checkName(values.name, 60);
      const [file, other] = forms("sectors", slug) as [string, string];
      return { root, plan: { file, text: sectorTemplate({ slug, name }), blockers: [file, other], references: [] } };
    }
    case "comparison": {
      onlyOptions(values, []);
      if (rest.length !== 2) throw new UsageError(NEW_USAGE);
      const a = checkSlug(rest[0], "product");
      const b = checkSlug(rest[1], "product");
      if (a === b) throw new UsageError(`versus new: a comparison needs two different products, found "${a}" twice`);
      const name = pairSlug(a, b);
      const [file, other] = forms("comparisons", name) as [string, string];
      // A file named in the reverse order is the same pair (and an error of its own). The two
      // slugs as given, not split from the name: a slug may itself hold "-vs-".
      const [first, second] = orderPair(a, b);
      const reversed = forms("comparisons", `${second}-vs-${first}`);
      return {
        root,
        plan: {
          file,
          text: comparisonTemplate({ a, b }),
          blockers: [file, other, ...reversed],
          references: productReferences([first, second]),
        },
      };
    }
    case "matrix": {
      onlyOptions(values, ["columns"]);
      if (rest.length !== 1) throw new UsageError(NEW_USAGE);
      const slug = checkSlug(rest[0], "matrix");
      if (values.columns === undefined) throw new UsageError(NEW_USAGE);
      const columns = values.columns.split(",").map((c) => c.trim()).filter((c) => c !== "");
      columns.forEach((c) => checkSlug(c, "column"));
      if (columns.length < 2 || columns.length > 12) {
        throw new UsageError(`versus new: --columns needs 2 to 12 product slugs, found ${columns.length}`);
      }
      const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
      if (repeated !== undefined) throw new UsageError(`versus new: --columns lists "${repeated}" twice`);
      const [file, other] = forms("matrices", slug) as [string, string];
      return {
        root,
        plan: { file, text: matrixTemplate({ slug, columns }), blockers: [file, other], references: productReferences(columns) },
      };
    }
    default:
      throw new UsageError(NEW_USAGE);
  }
}

function productReferences(slugs: string[]): Plan["references"] {
  return slugs.map((s) => ({ files: forms("products", s), hint: `npx versus new product ${s} --sector … --name "…"` }));
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Runs `versus new` with the arguments after `new`.
 * @example await newCommand(["comparison", "redpanda", "apache-kafka"], { root: ".", today: "2026-05-04" })
 * // { exitCode: 0, lines: ["created content/comparisons/apache-kafka-vs-redpanda.md"] }
 */
export async function newCommand(argv: string[], opts: { root: string; today: string }): Promise<Result> {
  let planned;
  try {
    planned = plan(argv, opts.today);
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: 2, lines: error.message.split("\n") };
    throw error;
  }
  const { plan: p } = planned;
  const root = planned.root === undefined ? opts.root : resolve(opts.root, planned.root);
  // A new record goes into a site that is there (a new site's content/ folder is made), never into a mistyped path's new folders.
  if (!isFolder(root)) return { exitCode: 2, lines: [`--root: no folder ${root}`] };
  for (const blocker of p.blockers) {
    if (await exists(join(root, blocker))) {
      return { exitCode: 1, lines: [`${blocker}: already exists; choose another slug or edit the file`] };
    }
  }
  const target = join(root, p.file);
  await mkdir(dirname(target), { recursive: true });
  try {
    // "wx" fails instead of overwriting if the file appeared since the check above.
    await writeFile(target, p.text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return { exitCode: 1, lines: [`${p.file}: already exists; choose another slug or edit the file`] };
    }
    throw error;
  }
  const lines = [`created ${p.file}`];
  for (const ref of p.references) {
    const found = await Promise.all(ref.files.map((f) => exists(join(root, f))));
    if (!found.includes(true)) lines.push(`warning: ${ref.files[0]} does not exist yet; create it with: ${ref.hint}`);
  }
  return { exitCode: 0, lines };
}
