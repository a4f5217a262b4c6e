import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CODE_ENTRIES, hashFiles } from "../../bin/bundle-cache.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "versus-code-version-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Versus installation at `project` with one source file. */
function installation(project: string): string {
  mkdirSync(path.join(project, "src"), { recursive: true });
  writeFileSync(path.join(project, "src", "main.ts"), "export {};\n");
  writeFileSync(path.join(project, "package.json"), '{"name":"versus"}\n');
  return project;
}

describe("the code version (CODE_ENTRIES)", () => {
  // The bundles carry packages: an `npm update` must make new bundles, not run the old copies.
  it("changes with the installed packages, in a checkout and when Versus is installed as a package", () => {
    const checkout = installation(path.join(dir, "checkout"));
    const site = path.join(dir, "site");
    const installed = installation(path.join(site, "node_modules", "versus"));
    for (const [project, record] of [
      [checkout, path.join(checkout, "node_modules", ".package-lock.json")],
      [installed, path.join(site, "node_modules", ".package-lock.json")],
    ] as const) {
      mkdirSync(path.dirname(record), { recursive: true });
      writeFileSync(record, '{"packages":{"node_modules/zod":{"version":"4.1.0"}}}\n');
      const before = hashFiles(CODE_ENTRIES, project);
      expect(hashFiles(CODE_ENTRIES, project)).toBe(before);
      writeFileSync(record, '{"packages":{"node_modules/zod":{"version":"4.1.1"}}}\n');
      expect(hashFiles(CODE_ENTRIES, project)).not.toBe(before);
    }
  });
});
