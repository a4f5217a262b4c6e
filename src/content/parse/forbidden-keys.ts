/**
 * Keys refused anywhere in a record. Assigning them on a plain object can reach
 * Object.prototype (prototype pollution) in code that copies or merges records later.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Deeper nesting is refused: no record needs it, and it keeps every walker's recursion bounded. */
export const MAX_DEPTH = 64;

/**
 * @example forbiddenKeyMessage("__proto__") // 'key "__proto__" is not accepted (reserved name)'
 */
export function forbiddenKeyMessage(key: string): string {
  return `key ${JSON.stringify(key)} is not accepted (reserved name)`;
}

export const TOO_DEEP_MESSAGE = `nesting is deeper than ${MAX_DEPTH} levels; expected a flatter structure`;
