import nunjucks from "nunjucks";
import { flatString } from "../compute/flat-string.js";

/**
 * The `fragment(file, macro, product, ...args)` template global: calls a component macro and
 * remembers its HTML per product object and arguments. A product's trajectory column or card
 * is identical on each of its hundred-odd pair pages, so it is rendered once per build. The
 * cache is keyed by the product object itself, so a new build (new objects) starts fresh.
 * @example {{ fragment("components/trajectory.njk", "trajectory", view.a, "a") }}
 */
export function addFragmentCache(env: nunjucks.Environment): void {
  const callers = new Map<string, nunjucks.Template>();
  const cache = new WeakMap<object, Map<string, nunjucks.runtime.SafeString>>();
  env.addGlobal("fragment", (file: string, macro: string, product: object, ...args: unknown[]) => {
    const key = `${file}|${macro}|${JSON.stringify(args)}`;
    let perProduct = cache.get(product);
    if (!perProduct) cache.set(product, (perProduct = new Map()));
    let html = perProduct.get(key);
    if (html === undefined) {
      const callerKey = `${file}|${macro}|${args.length}`;
      let caller = callers.get(callerKey);
      if (!caller) {
        const params = args.map((_, i) => `, args[${i}]`).join("");
        caller = new nunjucks.Template(`{% from "${file}" import ${macro} %}{{ ${macro}(product${params}) }}`, env);
        callers.set(callerKey, caller);
      }
      html = new nunjucks.runtime.SafeString(flatString(caller.render({ product, args })));
      perProduct.set(key, html);
    }
    return html;
  });
}
