/**
 * Writing YAML scalars by hand for scaffolded front matter. Templates are hand-written text (so
 * they can carry comments), which means every value that came from the command line must be
 * quoted safely here.
 */

/** Words a YAML 1.1 or 1.2 parser may read as a boolean or null instead of text. */
const RESERVED = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);

/**
 * A YAML scalar for `value`: bare when it is a plain slug-like word, else double-quoted.
 * JSON string syntax is valid YAML double-quoted syntax, so JSON.stringify does the escaping.
 * @example yamlString("apache-kafka") // apache-kafka
 * @example yamlString("Kafka: the guide") // "Kafka: the guide"
 * @example yamlString("null") // "null"
 */
export function yamlString(value: string): string {
  return /^[a-z][a-z0-9-]*$/.test(value) && !RESERVED.has(value) ? value : JSON.stringify(value);
}
