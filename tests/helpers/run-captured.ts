import { spawn, type SpawnOptions } from "node:child_process";

export interface Captured {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command with pipes (so never a terminal) and resolves with its exit code and output.
 * @example const { code, stdout } = await runCaptured(process.execPath, ["bin/versus.js", "check"], { cwd })
 */
export function runCaptured(cmd: string, args: readonly string[], options: Omit<SpawnOptions, "stdio"> = {}): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
