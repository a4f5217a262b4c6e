/**
 * Like `Promise.all(items.map(fn))` with at most `limit` calls in flight, so a root with
 * thousands of files does not open thousands of file descriptors at once. Keeps input order.
 * @example await mapLimit([1, 2, 3], 2, async (n) => n * 2) // [2, 4, 6]
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
