// Module resolution hooks (node:module register) that swap the pagefind package for
// failing-pagefind.mjs, so a real `versus build` process fails if it starts a search index.
// See tests/build/kept-search-index.test.ts.
const FAILING = new URL("./failing-pagefind.mjs", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "pagefind") return { url: FAILING, format: "module", shortCircuit: true };
  return nextResolve(specifier, context);
}
