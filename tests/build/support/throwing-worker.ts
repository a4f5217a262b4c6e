// A worker that fails at once: code-bundles.test.ts checks that its stack names this file's lines.
export function failAtOnce(): never {
  throw new Error("thrown in a worker bundle");
}
failAtOnce();
