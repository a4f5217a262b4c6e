/** The content layer's public API: load a site root, print its problems. */
export { loadRoot, type LoadOptions } from "./load-root.js";
export { formatProblem, sortProblems, hasErrors } from "./problems.js";
export { PLACEHOLDER_PATTERN, isPlaceholder } from "./placeholders.js";
export type * from "./types.js";
