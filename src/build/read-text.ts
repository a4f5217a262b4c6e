import { readFileSync } from "node:fs";

/**
 * A file's text, or `fallback` when it cannot be read (missing, gone meanwhile, a folder): for
 * files another process may remove at any moment, such as locks and /proc entries.
 * @example readTextOr("/site/_site.versus-lock", undefined) // "4242", or undefined without a lock
 */
export function readTextOr<T extends string | undefined>(file: string, fallback: T): string | T {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}
