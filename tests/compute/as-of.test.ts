import { describe, expect, it } from "vitest";
import { AsOfError, resolveAsOf } from "../../src/compute/as-of.js";

const clock = () => 1_700_000_000_123;

describe("resolveAsOf", () => {
  it("reads SOURCE_DATE_EPOCH as whole seconds", () => {
    expect(resolveAsOf({ SOURCE_DATE_EPOCH: "1779321600" }, clock)).toEqual({ ms: 1_779_321_600_000, iso: "2026-05-21T00:00:00.000Z" });
    expect(resolveAsOf({ SOURCE_DATE_EPOCH: "0" }, clock)).toEqual({ ms: 0, iso: "1970-01-01T00:00:00.000Z" });
  });

  it("falls back to the clock it is given when unset or empty", () => {
    expect(resolveAsOf({}, clock)).toEqual({ ms: 1_700_000_000_123, iso: "2023-11-14T22:13:20.123Z" });
    expect(resolveAsOf({ SOURCE_DATE_EPOCH: "" }, clock).ms).toBe(1_700_000_000_123);
  });

  it("never reads the clock when SOURCE_DATE_EPOCH is set", () => {
    let calls = 0;
    resolveAsOf({ SOURCE_DATE_EPOCH: "1" }, () => ++calls);
    expect(calls).toBe(0);
  });

  it.each(["abc", "1.5", "-1", " 1", "1e9", "0x10", "99999999999999999"])("rejects %j with a one-line message", (value) => {
    expect(() => resolveAsOf({ SOURCE_DATE_EPOCH: value }, clock)).toThrow(AsOfError);
    expect(() => resolveAsOf({ SOURCE_DATE_EPOCH: value }, clock)).toThrow(
      `SOURCE_DATE_EPOCH: expected whole seconds since 1970, found ${JSON.stringify(value)}`,
    );
  });

  it("keeps the message on one line for hostile values", () => {
    try {
      resolveAsOf({ SOURCE_DATE_EPOCH: "12\n34" }, clock);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AsOfError);
      expect((error as Error).message).toBe('SOURCE_DATE_EPOCH: expected whole seconds since 1970, found "12\\n34"');
      expect((error as Error).name).toBe("AsOfError");
    }
  });

  it("uses the exact message from the brief for abc", () => {
    expect(() => resolveAsOf({ SOURCE_DATE_EPOCH: "abc" }, clock)).toThrow('SOURCE_DATE_EPOCH: expected whole seconds since 1970, found "abc"');
  });
});
