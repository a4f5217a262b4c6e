import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isProcessRunning } from "../../src/build/process-running.js";

describe("isProcessRunning", () => {
  it("is true for a running process, also one of another user (pid 1), and false once it has exited", async () => {
    expect(isProcessRunning(process.pid)).toBe(true);
    expect(isProcessRunning(1)).toBe(true);
    const child = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => child.on("exit", resolve));
    expect(isProcessRunning(child.pid!)).toBe(false);
  });
});
