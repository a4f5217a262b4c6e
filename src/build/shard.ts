import { createHash } from "node:crypto";

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
 * Whether each page job, asked about in the build's fixed job order, belongs to `shard`:
 * round-robin within each kind of page, so that every page is in exactly one shard and each
 * shard gets an equal share of every kind. Pages of a kind cost about the same to render, and
 * kinds differ tenfold: round-robin over all jobs gave every pair page to the odd shards when N
 * was even, because each pair's reverse-order redirect follows it, so half the shards of a CI
 * matrix wrote only redirects while the others rendered everything.
 * @example const mine = shardMembers({ index: 2, count: 4 }); const jobs = pageJobs(model).filter(mine);
 */
export function shardMembers(shard: Shard): (job: { kind: string }) => boolean {
  const seen = new Map<string, number>();
  return (job) => {
    const nth = seen.get(job.kind) ?? 0;
    seen.set(job.kind, nth + 1);
    return nth % shard.count === shard.index - 1;
  };
}

/**
 * About how many of `jobs` page jobs one shard renders (within one per kind of page): what a
 * build can know of its share before it loads the content, to judge whether it wants threads.
 * @example shareOfJobs(1_000, { index: 2, count: 4 }) // 250
 */
export function shareOfJobs(jobs: number, shard: Shard): number {
  return Math.ceil(jobs / shard.count);
}

/**
 * Whether the file `name` belongs to `shard`, by a hash of the name. Social cards are split this
 * way rather than in turn: a card keeps its shard when products are added or removed, so the
 * card cache that each shard keeps between CI runs still holds it.
 * @example ownsByName(WHOLE_SITE, "og/products/nats.png") // true
 */
export function ownsByName(shard: Shard, name: string): boolean {
  return createHash("sha256").update(name).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}

/** Shared assets and site files are built by the first shard only. */
export function ownsSharedFiles(shard: Shard): boolean {
  return shard.index === 1;
}
