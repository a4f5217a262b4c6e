/**
 * The output lock: one build at a time per output folder. Builds racing over a lock are shown
 * here one step at a time; the whole-build cases are in atomicity.test.ts.
 */
import { existsSync, readdirSync, readFileSync, utimesSync, watch, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockOutput, OutputLockedError, removeStaleLock } from "../../src/build/commit-output.js";
import { cleanupTemps, deadPid, eventually, tempDir } from "./build-helpers.js";

afterAll(cleanupTemps);

const lockOf = (output: string): string => `${output}.versus-lock`;

describe("lockOutput", () => {
  it("writes this process's pid into the lock and removes it on release", async () => {
    const output = join(await tempDir(), "site");
    const release = lockOutput(output);
    expect(readFileSync(lockOf(output), "utf8")).toBe(String(process.pid));
    release();
    expect(readdirSync(dirname(output))).toEqual([]);
  });

  it("refuses a lock held by a running process, naming it", async () => {
    const output = join(await tempDir(), "site");
    writeFileSync(lockOf(output), String(process.ppid));
    expect(() => lockOutput(output)).toThrow(new OutputLockedError(`another versus build (process ${process.ppid}) is writing to ${output}; wait for it to finish, or stop it`, process.ppid));
    expect(readFileSync(lockOf(output), "utf8")).toBe(String(process.ppid));
  });

  it("takes over a lock whose process died, leaving nothing else beside the output", async () => {
    const output = join(await tempDir(), "site");
    writeFileSync(lockOf(output), String(await deadPid()));
    const release = lockOutput(output);
    expect(readdirSync(dirname(output))).toEqual(["site.versus-lock"]);
    expect(readFileSync(lockOf(output), "utf8")).toBe(String(process.pid));
    release();
  });

  // A build creates its lock and then writes its pid: a second build reading in between found an
  // empty lock, took it for a dead build's, removed it and ran alongside the first.
  it("treats an empty lock as a build starting, and takes it over only once it is old", async () => {
    const output = join(await tempDir(), "site");
    writeFileSync(lockOf(output), "");
    expect(() => lockOutput(output)).toThrow(new OutputLockedError(`another versus build is starting to write to ${output}; wait for it to finish`));
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockOf(output), aMinuteAgo, aMinuteAgo);
    const release = lockOutput(output);
    expect(readFileSync(lockOf(output), "utf8")).toBe(String(process.pid));
    release();
  });

  it("on release, leaves a lock that another process holds", async () => {
    const output = join(await tempDir(), "site");
    const release = lockOutput(output);
    writeFileSync(lockOf(output), String(process.ppid));
    release();
    expect(readFileSync(lockOf(output), "utf8")).toBe(String(process.ppid));
  });
});

// Two builds found the same dead build's lock: the first removed it and took the lock, then the
// second removed the first one's lock, and both ran.
describe("removeStaleLock", () => {
  it("removes the lock when it still holds what was judged stale", async () => {
    const lock = lockOf(join(await tempDir(), "site"));
    const dead = String(await deadPid());
    writeFileSync(lock, dead);
    expect(removeStaleLock(lock, dead)).toBe(true);
    expect(readdirSync(dirname(lock))).toEqual([]);
  });

  it("leaves a lock that another build took since, and nothing else", async () => {
    const lock = lockOf(join(await tempDir(), "site"));
    writeFileSync(lock, String(process.ppid));
    expect(removeStaleLock(lock, String(await deadPid()))).toBe(true);
    expect(readFileSync(lock, "utf8")).toBe(String(process.ppid));
    expect(readdirSync(dirname(lock))).toEqual(["site.versus-lock"]);
  });

  // Regression: the second build moved the first one's new lock aside to read it and then put it
  // back; a third build that looked in that moment found no lock, took one, and ran with the first.
  it("never moves a lock that another build took since, not even for a moment", async () => {
    const lock = lockOf(join(await tempDir(), "site"));
    writeFileSync(lock, String(process.ppid));
    const dead = String(await deadPid());
    const touched: string[] = [];
    const watcher = watch(dirname(lock), (_event, name) => touched.push(String(name)));
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      removeStaleLock(lock, dead);
      // A takeover makes at least two events (the marker, or the old code's move aside and back);
      // once they come in, a moment more lets any later one arrive.
      expect(await eventually(() => touched.length >= 2)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      watcher.close();
    }
    expect(touched).not.toContain("site.versus-lock");
  });

  it("touches nothing while a running build takes the lock over", async () => {
    const lock = lockOf(join(await tempDir(), "site"));
    const dead = String(await deadPid());
    writeFileSync(lock, dead);
    writeFileSync(`${lock}.takeover`, String(process.ppid));
    expect(removeStaleLock(lock, dead)).toBe(false);
    expect(readFileSync(lock, "utf8")).toBe(dead);
    const output = join(dirname(lock), "site");
    expect(() => lockOutput(output)).toThrow(new OutputLockedError(`another versus build is starting to write to ${output}; wait for it to finish`));
  });

  it("takes over when the build that was taking over died too", async () => {
    const output = join(await tempDir(), "site");
    writeFileSync(lockOf(output), String(await deadPid()));
    writeFileSync(`${lockOf(output)}.takeover`, String(await deadPid()));
    const release = lockOutput(output);
    expect(readdirSync(dirname(output))).toEqual(["site.versus-lock"]);
    expect(readFileSync(lockOf(output), "utf8")).toBe(String(process.pid));
    release();
  });

  it("does nothing when the lock is already gone", async () => {
    const lock = lockOf(join(await tempDir(), "site"));
    expect(removeStaleLock(lock, "4242")).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(dirname(lock))).toEqual([]);
  });
});
