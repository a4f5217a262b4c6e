import nunjucks from "nunjucks";
import { flatString } from "../compute/flat-string.js";

/** One level of the cache: by file, macro, number of arguments, then each argument in turn; the last holds the HTML. */
type Level = Map<unknown, Level | nunjucks.runtime.SafeString>;

/**
 * The `fragment(file, macro, product, ...args)` template global: calls a component macro and
 * remembers its HTML per product object and arguments. A product's trajectory column or card
 * is identical on each of its hundred-odd pair pages, so it is rendered once per build. The
 * cache is keyed by the product object itself, so a new build (new objects) starts fresh.
 * The other arguments are compared each by itself, as Map keys are (strings and numbers by
 * value, objects by identity): a pair page makes five of these calls, and building a key string
 * for each took about 3 µs of its template's 50.
 * @example {{ fragment("components/trajectory.njk", "trajectory", view.a, "a") }}
 */
export function addFragmentCache(env: nunjucks.Environment): void {
  const callers = new Map<string, nunjucks.Template>();
  const cache = new WeakMap<object, Level>();
  env.addGlobal("fragment", (file: string, macro: string, product: object, ...args: unknown[]) => {
    let level = cache.get(product);
    if (!level) cache.set(product, (level = new Map()));
    // The count first, so that calls of one macro with more or fewer arguments never meet.
    level = step(step(step(level, file), macro), args.length);
    for (let i = 0; i < args.length - 1; i++) level = step(level, args[i]);
    const last = args.length === 0 ? undefined : args[args.length - 1];
    let html = level.get(last) as nunjucks.runtime.SafeString | undefined;
    if (html === undefined) {
      const callerKey = `${file}|${macro}|${args.length}`;
      let caller = callers.get(callerKey);
      if (!caller) {
        const params = args.map((_, i) => `, args[${i}]`).join("");
        caller = new nunjucks.Template(`{% from "${file}" import ${macro} %}{{ ${macro}(product${params}) }}`, env);
        callers.set(callerKey, caller);
      }
      html = new nunjucks.runtime.SafeString(flatString(caller.render({ product, args })));
      level.set(last, html);
    }
    return html;
  });
}

function step(level: Level, key: unknown): Level {
  let next = level.get(key) as Level | undefined;
  if (!next) level.set(key, (next = new Map()));
  return next;
}
