// Stands in for the pagefind package (see no-pagefind-hooks.mjs): any index it is asked for fails.
export async function createIndex() {
  throw new Error("pagefind was started (failing-pagefind.mjs)");
}

export async function close() {}
