/**
 * Edit distance with adjacent transpositions (optimal string alignment), so `taglien` is one
 * edit from `tagline`, as a typist would count it.
 * @example editDistance("taglin", "tagline") // 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The closest candidate to a misspelled word, if one is close enough to be a likely typo:
 * at most 2 edits (1 for words of 3–4 characters, 0 below: any one-letter word is one edit
 * from any other), ignoring case. Ties go to the
 * alphabetically first candidate so the suggestion is deterministic. Failing that, another form
 * of the word or the word inside a longer name (see sameWord).
 * @example didYouMean("devopz", ["data-analytics", "devops"]) // "devops"
 * @example didYouMean("last_updated", ["name", "updated"]) // "updated"
 * @example didYouMean("xyz", ["name", "sector"]) // undefined
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  // Long input cannot be a typo of a short key; skip the quadratic work on hostile values.
  if (word.length > 200) return undefined;
  const lower = word.toLowerCase();
  const limit = word.length <= 2 ? 0 : word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  const sorted = [...candidates].sort();
  for (const candidate of sorted) {
    if (candidate === word || Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? sorted.find((candidate) => candidate !== word && sameWord(lower, candidate.toLowerCase()));
}

/**
 * Near misses that are more than a typo: another form of the word (`capability` for
 * `capabilities`) or the word inside a longer key (`last_updated` for `updated`).
 */
function sameWord(word: string, candidate: string): boolean {
  if (candidate.length >= 4 && [`_${candidate}`, `-${candidate}`].some((end) => word.endsWith(end))) return true;
  if (candidate.length >= 4 && [`${candidate}_`, `${candidate}-`].some((start) => word.startsWith(start))) return true;
  let common = 0;
  while (common < word.length && word[common] === candidate[common]) common++;
  return common >= 6 && common >= Math.max(word.length, candidate.length) - 3;
}

/**
 * A list of names for a message, shortened so a folder with hundreds of products does not
 * produce a page-long line.
 * @example listNames(["a", "b"]) // "a, b"
 */
export function listNames(names: readonly string[], max = 20): string {
  const sorted = [...names].sort();
  if (sorted.length <= max) return sorted.join(", ");
  return `${sorted.slice(0, max).join(", ")}, … (${sorted.length - max} more)`;
}
