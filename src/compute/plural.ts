/**
 * English count phrases. Kept in one place so "1 spark" / "0 sparks" is spelled the same way
 * in the FAQ, velocity parts and chart summaries.
 */

/**
 * `count` followed by the singular or plural noun (plural for 0, as English does).
 * The plural defaults to the singular plus "s".
 * @example plural(1, "spark") // "1 spark"
 * @example plural(0, "spark") // "0 sparks"
 * @example plural(3, "bugfix", "bugfixes") // "3 bugfixes"
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Joins items as English prose: "X", "X and Y", "X, Y and Z" (no serial comma, matching the
 * site's house style).
 * @example joinAnd(["Redpanda", "Pulsar", "NATS"]) // "Redpanda, Pulsar and NATS"
 * @example joinAnd([]) // ""
 */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
