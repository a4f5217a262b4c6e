import type { Problem } from "../content/types.js";

/**
 * A problem as a GitHub Actions workflow command: the runner shows it as an annotation on the
 * file and line, in a pull request's diff too, instead of printing it. `file` is the problem's
 * path from the repository's root, which is where GitHub looks for it.
 * @example githubAnnotation(error("content/products/a.md", "file is empty"), "site/content/products/a.md")
 * // "::error file=site/content/products/a.md,title=versus::file is empty"
 */
export function githubAnnotation(p: Problem, file: string): string {
  const props = [`file=${property(file)}`, ...(p.line === undefined ? [] : [`line=${p.line}`]), "title=versus"];
  return `::${p.severity} ${props.join(",")}::${data(p.field === "" ? p.message : `${p.field}: ${p.message}`)}`;
}

// The escapes GitHub's runner decodes (actions/toolkit, command.ts): a message could otherwise
// end the command early or start another.
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
