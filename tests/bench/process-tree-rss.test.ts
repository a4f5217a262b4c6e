import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { watchTreeRss } from "../../bench/process-tree-rss.js";

// Starts itself LEVELS deep; the last one holds 200 MB for a second, as a helper of the build might.
const NESTED = `
const levels = Number(process.env.LEVELS);
if (levels === 0) {
  const held = Buffer.alloc(200 * 1024 * 1024, 1);
  setTimeout(() => held.length, 1000);
} else {
  const { spawn } = require("node:child_process");
  const child = spawn(process.execPath, ["-e", process.argv[1], process.argv[1]], { stdio: "inherit", env: { ...process.env, LEVELS: String(levels - 1) } });
  child.on("close", (code) => process.exit(code));
}
`;

describe.runIf(process.platform === "linux")("watchTreeRss", () => {
  it("sums each process's own peak over the whole tree, grandchildren included", async () => {
    const root = spawn(process.execPath, ["-e", NESTED, NESTED], { stdio: "inherit", env: { ...process.env, LEVELS: "2" } });
    const watch = watchTreeRss(root.pid!, 50);
    await new Promise((resolve) => root.on("close", resolve));
    const mb = watch.stop();
    // The grandchild's 200 MB and three Node processes of at least 20 MB each: not the machine's.
    expect(mb).toBeGreaterThan(260);
    expect(mb).toBeLessThan(700);
  });
});
