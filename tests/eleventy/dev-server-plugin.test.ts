import { describe, expect, it } from "vitest";
import { leavesSite } from "../../src/eleventy/dev-server-plugin.js";

describe("leavesSite", () => {
  it("finds a decoded '..' segment, and takes what cannot be decoded as leaving", () => {
    const leaving = ["/..%2f", "/..%2Fetc%2Fpasswd", "/products/nats%2f..%2f..%2fx", "/%2e%2e/x", "/../x", "/a/..%5cb", "/%E0%A4%A"];
    expect(leaving.filter(leavesSite)).toEqual(leaving);
    expect(["/", "/products/nats/", "/compare/a-vs-b/?q=..", "/search/?q=%2e%2e#..", "/a..b/", "/products/caf%C3%A9/"].filter(leavesSite)).toEqual([]);
  });
});
