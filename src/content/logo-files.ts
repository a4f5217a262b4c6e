import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ioReason } from "./parse/text-file.js";
import { error } from "./problems.js";
import type { Problem } from "./types.js";

/** The folder of a site root that holds the files content names by a `/assets/…` path (logos). */
export const CONTENT_ASSETS_DIR = "assets";

/** A logo is shown at 40 px: no file needs more, and every page that shows it waits for it. */
export const MAX_LOGO_BYTES = 512 * 1024;

/**
 * The file in the site root that a logo's site path names; undefined for an https address.
 * @example logoSourcePath("/assets/logos/redpanda.svg") // "assets/logos/redpanda.svg"
 * @example logoSourcePath("https://cdn.example/redpanda.svg") // undefined
 */
export function logoSourcePath(logo: string): string | undefined {
  return logo.startsWith(`/${CONTENT_ASSETS_DIR}/`) ? logo.slice(1) : undefined;
}

/** A product record that names a logo: its file, the logo as written, and the `logo` field's line. */
export interface LogoReference {
  file: string;
  logo: string;
  line?: number | undefined;
}

/**
 * Checks that each logo given as a site path is a file of the root's `assets/` folder, a real
 * one (not a link out of it, which would publish whatever it points at), at most 512 KB and,
 * for an SVG, a plain picture: content is untrusted, and the site serves the file as it is.
 * @example await logoFileProblems("/site", [{ file: "content/products/redpanda.md", logo: "/assets/logos/redpanda.svg", line: 5 }])
 * // [{ file: "content/products/redpanda.md", line: 5, field: "logo", message: "no file assets/logos/redpanda.svg in the site root; …" }]
 */
export async function logoFileProblems(root: string, references: readonly LogoReference[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  let assetsDir: string | undefined;
  for (const ref of references) {
    const source = logoSourcePath(ref.logo);
    if (source === undefined) continue;
    const where = { line: ref.line, field: "logo" };
    const full = path.join(root, source);
    let info;
    try {
      info = await stat(full);
    } catch (err) {
      const reason = ioReason(err);
      const message = reason === "ENOENT" || reason === "ENOTDIR"
        ? `no file ${source} in the site root; add it there, or give an https:// address`
        : `could not read ${source} (${reason})`;
      problems.push(error(ref.file, message, where));
      continue;
    }
    if (!info.isFile()) {
      problems.push(error(ref.file, `${source} is a folder; expected an image file`, where));
      continue;
    }
    assetsDir ??= await realpath(path.join(root, CONTENT_ASSETS_DIR));
    const real = await realpath(full);
    if (!real.startsWith(assetsDir + path.sep)) {
      problems.push(error(ref.file, `${source} links to a file outside the site's ${CONTENT_ASSETS_DIR}/ folder; copy the image into it`, where));
      continue;
    }
    if (info.size > MAX_LOGO_BYTES) {
      problems.push(error(ref.file, `${source} is ${Math.ceil(info.size / 1024)} KB; expected at most ${MAX_LOGO_BYTES / 1024} KB for a logo shown at 40 pixels`, where));
    } else if (source.endsWith(".svg")) {
      let active: string | undefined;
      try {
        // Loaded only for a site with SVG logos: the parser is a tenth of check's start-up.
        const { activeSvgContent } = await import("./svg-safety.js");
        active = activeSvgContent(await readFile(full));
      } catch (err) {
        problems.push(error(ref.file, `could not read ${source} (${ioReason(err)})`, where));
        continue;
      }
      if (active !== undefined) problems.push(error(ref.file, `${source} holds ${active}; expected a plain SVG picture`, where));
    }
  }
  return problems;
}
