import nunjucks from "nunjucks";

interface Frame {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): Frame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}

/**
 * Nunjucks 3.2.4 splits a variable's name on "." every time it sets one: each loop iteration's
 * variables, each macro argument, each `set`. Without this a pair page renders about 14 %
 * slower (alternating runs in one process, with `loop` set once: see loop-bindings.ts), mostly
 * in garbage. Names come from templates, so there are few of them; this remembers each split.
 * Otherwise the same code as Nunjucks' own Frame#set.
 * Installed once, for every environment in the process (Eleventy's too, which is ours).
 */
export function cacheFrameNameSplits(): void {
  const proto = (nunjucks.runtime as unknown as { Frame: { prototype: Frame & { versusCached?: true } } }).Frame.prototype;
  if (proto.versusCached) return;
  const paths = new Map<string, string[]>();
  proto.set = function set(this: Frame, name: string, value: unknown, resolveUp?: boolean): void {
    let parts = paths.get(name);
    if (parts === undefined) paths.set(name, (parts = name.split(".")));
    if (resolveUp) {
      const frame = this.resolve(parts[0]!, true);
      if (frame) {
        frame.set(name, value);
        return;
      }
    }
    let target = this.variables;
    for (let i = 0; i < parts.length - 1; i++) {
      const id = parts[i]!;
      if (!target[id]) target[id] = {};
      target = target[id] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]!] = value;
  };
  proto.versusCached = true;
}
