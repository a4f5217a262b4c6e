/** Theme overlap between two products, which the pair page and its FAQ report. */

/**
 * The themes both lists hold, in `a`'s order, each once.
 * @example sharedThemes(["streaming", "share-groups", "kraft"], ["kraft", "streaming"]) // ["streaming", "kraft"]
 * @example sharedThemes(["baas"], ["service-mesh"]) // []
 */
export function sharedThemes(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  const seen = new Set<string>();
  const shared: string[] = [];
  for (const theme of a) {
    if (inB.has(theme) && !seen.has(theme)) {
      seen.add(theme);
      shared.push(theme);
    }
  }
  return shared;
}
