import { readdir, realpath } from "node:fs/promises";
import { join, sep } from "node:path";
import { FORBIDDEN_KEYS } from "./parse/forbidden-keys.js";
import { ioReason } from "./parse/text-file.js";
import { didYouMean, listNames } from "./did-you-mean.js";
import { error, warning } from "./problems.js";
import { SLUG_PATTERN } from "./schema/index.js";
import type { Problem } from "./types.js";

export const KINDS = ["sectors", "products", "comparisons", "matrices"] as const;
export type Kind = (typeof KINDS)[number];

/** One record file found in a content folder, with a valid slug. */
export interface FoundFile {
  slug: string;
  /** Path relative to the root, forward slashes. */
  file: string;
  abs: string;
  format: "md" | "json";
}

export interface Discovery {
  records: Record<Kind, FoundFile[]>;
  metrics: FoundFile[];
  /**
   * Slugs of record files found but refused (a link out of the root, a name in capitals): their
   * own error says so, and other files naming them need not also say they do not exist.
   */
  refused: Record<Kind, string[]>;
  problems: Problem[];
}

const MAX_SLUG = 64;
/** A README beside the content folders, in any case and with any extension: notes for people. */
const NOTES = /^readme\b/i;

/**
 * Lists the record files of a root: `content/<kind>/*.md|*.json` and `data/metrics/*.json`.
 * Files with a bad slug, or a slug already taken by the other format, are reported and left
 * out; other files are a warning. Missing folders are simply empty. Sorted by slug.
 * @example (await discover("/site")).records.products.map((f) => f.file)
 * // ["content/products/apache-kafka.md", "content/products/redpanda.json"]
 */
export async function discover(root: string): Promise<Discovery> {
  const problems: Problem[] = [];
  const records = {} as Record<Kind, FoundFile[]>;
  const refused = {} as Record<Kind, string[]>;
  for (const kind of KINDS) records[kind] = await listFolder(root, `content/${kind}`, ["md", "json"], problems, (refused[kind] = []));
  const metrics = await listFolder(root, "data/metrics", ["json"], problems, []);
  problems.push(...(await strayEntries(root, "content", KINDS)), ...(await strayEntries(root, "data", ["site.json", "metrics"])));
  return { records, metrics, refused, problems };
}

/**
 * A warning for each entry of `folder` that Versus does not read, such as `content/product/`:
 * its records would otherwise be left out without a word. Dotfiles and READMEs are let be.
 */
async function strayEntries(root: string, folder: string, known: readonly string[]): Promise<Problem[]> {
  const names = await readdir(join(root, folder)).catch(() => [] as string[]);
  const expected = listNames(known.map((k) => `${folder}/${k}`));
  return names
    .filter((name) => !known.includes(name) && !name.startsWith(".") && !NOTES.test(name))
    .sort()
    .map((name) => {
      const near = didYouMean(name, known);
      return warning(`${folder}/${name}`, `ignored: Versus reads only ${expected} here${near === undefined ? "" : `; did you mean ${folder}/${near}?`}`);
    });
}

async function listFolder(root: string, folder: string, formats: readonly ("md" | "json")[], problems: Problem[], refused: string[]): Promise<FoundFile[]> {
  let entries;
  try {
    entries = await readdir(join(root, folder), { withFileTypes: true });
  } catch (err) {
    const code = ioReason(err);
    if (code !== "ENOENT") problems.push(error(folder, `could not read the folder (${code})`));
    return [];
  }
  const bySlug = new Map<string, FoundFile>();
  const names = entries.map((e) => ({ name: e.name, isFile: e.isFile() || e.isSymbolicLink(), link: e.isSymbolicLink() })).sort((x, y) => (x.name < y.name ? -1 : 1));
  // .md before .json, so the markdown file is the one kept when both exist.
  names.sort((x, y) => rank(x.name) - rank(y.name));
  let realRoot: string | undefined;
  for (const { name, isFile, link } of names) {
    // Dotfiles (.gitkeep, .DS_Store) are tooling and READMEs notes for people, not content;
    // only in capitals, which no slug has: "readme" is a product's slug (ReadMe, the docs host).
    if (name.startsWith(".") || /^README(\.|$)/.test(name)) continue;
    const file = `${folder}/${name}`;
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 ? name.slice(dot + 1) : "";
    const format = formats.find((f) => f === ext);
    if (!isFile || format === undefined) {
      const expected = formats.map((f) => `.${f}`).join(" or ");
      problems.push(warning(file, `ignored: expected a ${expected} file${isFile ? "" : ", found a folder"}`));
      continue;
    }
    const slug = name.slice(0, dot);
    if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG) {
      problems.push(error(file, `file name "${slug}" is not a valid slug; expected lowercase letters, digits and single hyphens, at most ${MAX_SLUG} characters`));
      refused.push(slug.toLowerCase());
      continue;
    }
    // A slug becomes a key: of matrix cells, of the build's maps of records. These two are
    // refused as keys in every record (see FORBIDDEN_KEYS), so no record could name this one.
    if (FORBIDDEN_KEYS.has(slug)) {
      problems.push(error(file, `file name "${slug}" is reserved (no record may use it as a key); choose another slug`));
      refused.push(slug);
      continue;
    }
    // As for logos: a link out of the root would read, and echo into problems, whatever it points at.
    if (link) {
      realRoot ??= await realpath(root);
      const target = await realpath(join(root, folder, name)).catch(() => undefined);
      if (target !== undefined && !target.startsWith(realRoot + sep)) {
        problems.push(error(file, "links to a file outside the site root; copy the file into it"));
        refused.push(slug);
        continue;
      }
    }
    const taken = bySlug.get(slug);
    if (taken) {
      problems.push(error(file, `slug "${slug}" also has ${taken.file}; keep one of the two files`));
      continue;
    }
    bySlug.set(slug, { slug, file, abs: join(root, folder, name), format });
  }
  return [...bySlug.values()].sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
}

function rank(name: string): number {
  return name.endsWith(".md") ? 0 : 1;
}
