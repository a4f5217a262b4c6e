import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { devServerPlugin, leavesSite } from "../../src/eleventy/dev-server-plugin.js";

describe("leavesSite", () => {
  it("finds a decoded '..' segment, and takes what cannot be decoded as leaving", () => {
    const leaving = ["/..%2f", "/..%2Fetc%2Fpasswd", "/products/nats%2f..%2f..%2fx", "/%2e%2e/x", "/../x", "/a/..%5cb", "/%E0%A4%A"];
    expect(leaving.filter(leavesSite)).toEqual(leaving);
    expect(["/", "/products/nats/", "/compare/a-vs-b/?q=..", "/search/?q=%2e%2e#..", "/a..b/", "/products/caf%C3%A9/"].filter(leavesSite)).toEqual([]);
  });
});

describe("devServerPlugin", () => {
  // Used to: after every save Eleventy parsed the config's JavaScript and all it imports, which in
  // the command's bundle is Eleventy itself and the other packages: about 0.2 s of each save at
  // 600 products, for files that never change while the server runs.
  it("tells Eleventy not to parse the config's JavaScript for files to watch", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "versus-plugin-"));
    const calls: [string, unknown[]][] = [];
    const config = new Proxy({}, { get: (_, name) => (...args: unknown[]) => void calls.push([String(name), args]) });
    const before = process.env.VERSUS_ROOT;
    process.env.VERSUS_ROOT = root;
    try {
      devServerPlugin(config);
    } finally {
      if (before === undefined) delete process.env.VERSUS_ROOT;
      else process.env.VERSUS_ROOT = before;
      rmSync(root, { recursive: true, force: true });
    }
    expect(calls).toContainEqual(["setWatchJavaScriptDependencies", [false]]);
    expect(calls.filter(([name]) => name === "addWatchTarget").map(([, [target]]) => target)).toContain(path.join(root, "content"));
  });
});
