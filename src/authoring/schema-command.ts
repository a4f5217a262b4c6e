/**
 * `versus schema [--check]`: regenerates the committed JSON Schemas, or with `check` reports the
 * ones that no longer match the zod schemas (for CI) without writing anything.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { schemaFileStatus, writeJsonSchemas } from "./json-schemas.js";

/** Shows `outDir` the way the caller wrote it, with forward slashes on every platform. */
function display(outDir: string, file: string): string {
  return join(outDir, file).split("\\").join("/");
}

/**
 * @example await schemaCommand({ outDir: "schemas", check: true })
 * // { exitCode: 1, lines: ["schemas/product.schema.json: out of date; run npm run schema to regenerate it"] }
 */
export async function schemaCommand(args: { outDir: string; check: boolean }): Promise<{ exitCode: number; lines: string[] }> {
  const statuses = await schemaFileStatus(args.outDir);
  const stale = statuses.filter((s) => s.status !== "current");
  if (args.check) {
    if (stale.length === 0) return { exitCode: 0, lines: [`${args.outDir}: ${statuses.length} JSON Schemas up to date`] };
    const reason = {
      missing: "missing; run npm run schema to create it",
      outdated: "out of date; run npm run schema to regenerate it",
      extra: "no longer generated; run npm run schema to remove it",
      current: "",
    } as const;
    return { exitCode: 1, lines: stale.map((s) => `${display(args.outDir, s.file)}: ${reason[s.status]}`) };
  }
  await writeJsonSchemas(args.outDir);
  // A schema file we no longer generate would keep offering editors a stale contract.
  for (const s of stale.filter((s) => s.status === "extra")) await rm(join(args.outDir, s.file));
  const lines = stale.map((s) => `${s.status === "extra" ? "removed" : "wrote"} ${display(args.outDir, s.file)}`);
  const current = statuses.length - stale.length;
  if (current > 0) lines.push(`${args.outDir}: ${current} JSON Schemas already up to date`);
  return { exitCode: 0, lines };
}
