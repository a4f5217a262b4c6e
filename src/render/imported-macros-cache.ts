import nunjucks from "nunjucks";

interface TemplateProto {
  env: nunjucks.Environment;
  getExported(...args: unknown[]): void;
  versusKeepsExports?: true;
}

const ONE_BUILD = Symbol("versus.oneBuildEnvironment");
type Callback = (error: Error | null, exported: unknown) => void;

/**
 * Nunjucks 3.2.4 runs a component file's top level on every `{% from … import … %}` of every
 * render, to collect its macros, and components import components: on a pair page that was
 * about a quarter of the render time. Imported without context (the default), a file's macros
 * depend on nothing but the file, so this environment keeps them once collected.
 * Only for an environment that lives for one build, whose templates cannot change under it:
 * Eleventy's outlives template edits in the dev server and forgets edited files one by one,
 * which would leave their importers holding the old macros.
 * @example keepImportedMacros(env) // env: a render worker's, dropped after the build
 */
export function keepImportedMacros(env: nunjucks.Environment): void {
  (env as unknown as Record<symbol, boolean>)[ONE_BUILD] = true;
  const proto = (nunjucks as unknown as { Template: { prototype: TemplateProto } }).Template.prototype;
  if (proto.versusKeepsExports) return;
  const original = proto.getExported;
  const kept = new WeakMap<TemplateProto, unknown>();
  proto.getExported = function getExported(this: TemplateProto, ...args: unknown[]): void {
    // Called with a callback alone for an import without context; anything else runs as before.
    const [callback] = args;
    if (args.length !== 1 || typeof callback !== "function" || !(this.env as unknown as Record<symbol, boolean>)[ONE_BUILD]) {
      original.apply(this, args);
      return;
    }
    const done = callback as Callback;
    if (kept.has(this)) {
      done(null, kept.get(this));
      return;
    }
    original.call(this, (error: Error | null, exported: unknown) => {
      if (!error) kept.set(this, exported);
      done(error, exported);
    });
  };
  proto.versusKeepsExports = true;
}
