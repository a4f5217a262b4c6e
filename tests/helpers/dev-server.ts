import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import os from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { REPO_ROOT } from "./built-site.js";

export interface DevServer {
  child: ChildProcess;
  /** The site's address, e.g. `http://localhost:41234`. */
  origin: string;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  terminal(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * Polls `check` every 200 ms until it resolves true; rejects naming `what` after `timeoutMs`.
 * @example await waitFor(async () => (await fetch(url)).ok, "the dev server")
 */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Starts `versus serve --root root` on a free port and resolves once `readyPath` answers 200.
 * `project` is the Versus checkout to run (a copy, for tests that edit its templates), `cwd` the
 * working folder it runs in (the checkout by default).
 * @example const dev = await startDevServer(root, "/products/nats/")
 */
export async function startDevServer(root: string, readyPath: string, project = REPO_ROOT, cwd = project): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(project, "bin/versus.js"), "serve", "--root", root, "--port", String(port)], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let terminal = "";
  child.stdout!.on("data", (d: Buffer) => (terminal += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (terminal += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const origin = `http://localhost:${port}`;
  await waitFor(async () => (await fetch(origin + readyPath)).status === 200, `the dev server at ${origin}${readyPath}`).catch((error: Error) => {
    child.kill("SIGKILL");
    throw new Error(`${error.message}; it printed:\n${terminal}`);
  });
  return { child, origin, terminal: () => terminal, exited };
}

/**
 * `versus serve` on a new copy of tests/fixtures/roots/minimal, ready once /products/nats/
 * answers. The caller stops the server and deletes the root.
 * @example const { root, server } = await serveMinimalRootCopy()
 */
export async function serveMinimalRootCopy(project = REPO_ROOT): Promise<{ root: string; server: DevServer }> {
  const root = mkdtempSync(path.join(os.tmpdir(), "versus-serve-"));
  cpSync(path.join(REPO_ROOT, "tests/fixtures/roots/minimal"), root, { recursive: true });
  return { root, server: await startDevServer(root, "/products/nats/", project) };
}
