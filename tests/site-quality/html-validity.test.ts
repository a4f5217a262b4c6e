/**
 * The W3C Nu HTML Checker (vnu.jar from the vnu-jar package) over the whole built site:
 * zero errors. Needs Java 11+ on PATH (Java 17 in CI). Missing Java fails in CI (CI env var set)
 * and is a loud skip on a workstation; vnu-jar's own Java downloader is never used.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { builtSiteDir } from "../helpers/built-site.js";
import { runCaptured, type Captured } from "../helpers/run-captured.js";

const JAVA = process.env.VERSUS_JAVA ?? "java";
const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");

function javaAvailable(): boolean {
  const probe = spawnSync(JAVA, ["-version"], { encoding: "utf8" });
  if (probe.status === 0) return true;
  const message = `Java not found ("${JAVA} -version" failed). The Nu HTML Checker needs Java 11+: \`apt-get install -y openjdk-17-jre-headless\`.`;
  if (process.env.CI) throw new Error(`CI is set, so the HTML validation must run. ${message}`);
  console.warn(`\n${"!".repeat(100)}\n!! SKIPPING HTML VALIDATION: ${message}\n${"!".repeat(100)}\n`);
  return false;
}

const available = javaAvailable();

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

function runVnu(dir: string): Promise<Captured> {
  return runCaptured(JAVA, ["-Xss4m", "-jar", VNU_JAR, "--errors-only", "--format", "json", "--skip-non-html", dir]);
}

let dir: string;

beforeAll(async () => {
  dir = await builtSiteDir();
});

describe.skipIf(!available)("W3C Nu HTML Checker", () => {
  it("reports no errors on any page of the built site", { timeout: 180_000 }, async () => {
    const { code, stdout, stderr } = await runVnu(dir);
    // With --format json the report goes to stderr.
    let messages: VnuMessage[];
    try {
      messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
    } catch {
      throw new Error(`vnu.jar exited ${code} without a JSON report\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
    }
    const lines = messages
      .filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error")
      .map((m) => {
        const file = m.url ? relative(dir, fileURLToPath(m.url)) : "(no file)";
        const extract = m.extract ? `  «${m.extract.replace(/\s+/g, " ").trim().slice(0, 120)}»` : "";
        return `${file}:${m.lastLine ?? m.firstLine ?? "?"}:${m.lastColumn ?? "?"}: ${m.message}${extract}`;
      })
      .sort();
    expect(lines, `Nu HTML Checker errors (${lines.length}):\n${lines.join("\n")}`).toEqual([]);
    expect(code, `vnu.jar exit code (stdout: ${stdout.trim()})`).toBe(0);
  });
});
