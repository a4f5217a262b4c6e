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

/**
 * More values (scalars, lists and mappings) are refused: the largest record an editor writes
 * holds a few thousand, and a hostile megabyte of tiny nested lists took 5 s and 800 MB to
 * validate, one problem per value, before it was refused.
 */
export const MAX_VALUES = 100_000;

export const TOO_MANY_MESSAGE = `holds more than ${MAX_VALUES.toLocaleString("en")} values; expected a record of the size an editor writes`;
