import { codeVersion, digest, hashFiles, PROJECT_DIR } from "../../bin/bundle-cache.js";

export { digest };

/**
 * What every rendered page depends on besides its data: the templates, the code that builds
 * views and the pinned dependencies. A change to any of them invalidates every page of the
 * incremental cache.
 */
export function renderFingerprint(projectDir = PROJECT_DIR): string {
  return digest(codeVersion(projectDir), hashFiles(["templates"], projectDir));
}
