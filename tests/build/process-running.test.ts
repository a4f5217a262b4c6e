import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isProcessRunning } from "../../src/build/process-running.js";

describe("isProcessRunning", () => {
  it("is true for running processes (this one, pid 1) and false once one has exited", async () => {
    expect(isProcessRunning(process.pid)).toBe(true);
    expect(isProcessRunning(1)).toBe(true);
    const child = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => child.on("exit", resolve));
    expect(isProcessRunning(child.pid!)).toBe(false);
  });
});
