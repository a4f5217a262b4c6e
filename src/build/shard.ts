/** A share of the pages: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

export const WHOLE_SITE: Shard = { index: 1, count: 1 };

/**
 * Parses `--shard K/N`.
 * @example parseShard("2/4") // { index: 2, count: 4 }
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new RangeError(`--shard: expected K/N with 1 ≤ K ≤ N, found "${text}"`);
  return { index, count };
}

/**
 * Whether the i-th page job (in the build's fixed job order) belongs to this shard. Round-robin
 * on a deterministic order keeps shards equal in size and every page in exactly one shard.
 */
export function inShard(shard: Shard, position: number): boolean {
  return position % shard.count === shard.index - 1;
}

/** Shared assets and site files are built by the first shard only. */
export function ownsSharedFiles(shard: Shard): boolean {
  return shard.index === 1;
}
