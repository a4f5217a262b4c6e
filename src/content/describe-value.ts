/**
 * Names a parsed value for "found …" in messages: strings quoted (and shortened), other
 * values by kind, so a message never dumps a whole structure.
 * @example describeValue("relase") // '"relase"'
 * @example describeValue([1, 2]) // "a list"
 * @example describeValue(null) // "an empty value"
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value;
}
