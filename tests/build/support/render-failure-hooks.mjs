// Module resolution hooks (node:module register) that swap the render worker pool for
// failing-worker-pool.mjs, so a real `versus build` process fails while rendering pair pages.
// There is no test seam for this in src/; see tests/build/atomicity.test.ts.
const FAILING = new URL("./failing-worker-pool.mjs", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (/\/src\/render\/worker-pool\.(ts|js)$/.test(resolved.url)) return { url: FAILING, format: "module", shortCircuit: true };
  return resolved;
}
