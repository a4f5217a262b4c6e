/**
 * A content-addressed disk cache for social cards, so a rebuild renders only cards whose
 * text changed (rendering costs tens of milliseconds a card; reading a file, well under one).
 * Point `cacheDir` at a folder CI keeps between runs (e.g. `.cache/og`), not inside `_site`.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mapLimit } from "../content/map-limit.js";
import type { Card } from "./social-card.js";

/**
 * Part of every cache key. Bump it whenever the card's look changes (layout, colours, fonts,
 * satori or resvg versions), or old PNGs would be served for unchanged text.
 */
export const RENDERER_VERSION = "versus-card/1 satori/0.63.2 resvg-js/2.6.2 inter/5.3.0";

export interface CachedCard {
  /** As passed in, e.g. `/og/products/redpanda.png`. */
  path: string;
  bytes: Uint8Array;
  /** True when the PNG was read from the cache rather than rendered in this call. */
  fromCache: boolean;
  /** The cache key (file name without `.png`). */
  key: string;
}

export interface CardCacheOptions {
  /** The renderer: card workers in a build, a counting wrapper in tests. Default `renderSocialCard`, in this thread. */
  render?: (card: Card) => Promise<Uint8Array>;
  /** Delete cached PNGs (and leftover temp files) that no card of this call uses, so the cache does not grow forever. */
  prune?: boolean;
  /** Called as each card is ready, read from the cache or rendered: for a progress line. */
  onDone?: () => void;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Cache reads in flight at once; rendering is CPU-bound, so more would not help it. */
const CONCURRENCY = 8;
let tempCounter = 0;

/**
 * The cache key of a card: sha256 (hex) of the renderer version and the card's fields in a
 * fixed order, so key order in the caller's object and extra properties do not matter.
 * @example cardKey(card) // "3b1f…" (64 hex digits)
 */
export function cardKey(card: Card): string {
  const canonical = JSON.stringify([
    RENDERER_VERSION,
    card.kicker,
    card.title,
    card.subtitle,
    card.stats.map((s) => [s.label, s.value]),
    card.siteName,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Renders the cards, or reads each from `cacheDir/<key>.png` when an identical card was
 * rendered before. Results are in input order; identical cards in one call render once.
 * New PNGs are written to a temp file and renamed, so an interrupted build never leaves a
 * truncated PNG under a valid key.
 * @example
 * const out = await cachedSocialCards([{ path: "/og/products/redpanda.png", card }], ".cache/og");
 * out[0].fromCache // false on the first build, true after
 */
export async function cachedSocialCards(
  cards: { path: string; card: Card }[],
  cacheDir: string,
  options: CardCacheOptions = {},
): Promise<CachedCard[]> {
  // Loaded only when used: satori takes a tenth of a second to load.
  const render = options.render ?? (await import("./social-card.js")).renderSocialCard;
  await mkdir(cacheDir, { recursive: true });
  const byKey = new Map<string, Promise<{ bytes: Uint8Array; fromCache: boolean }>>();
  const keys = cards.map((c) => cardKey(c.card));
  const results = await mapLimit(cards, CONCURRENCY, async (item) => {
    const key = cardKey(item.card);
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = readOrRender(key, item.card, cacheDir, render);
      byKey.set(key, entry);
    }
    const { bytes, fromCache } = await entry;
    options.onDone?.();
    return { path: item.path, bytes, fromCache, key };
  });
  if (options.prune) await prune(cacheDir, new Set(keys));
  return results;
}

async function readOrRender(
  key: string,
  card: Card,
  cacheDir: string,
  render: (card: Card) => Promise<Uint8Array>,
): Promise<{ bytes: Uint8Array; fromCache: boolean }> {
  const file = join(cacheDir, `${key}.png`);
  const cached = await readFile(file).catch(() => undefined);
  // A file that is not a PNG (disk trouble, someone's edit) is re-rendered, not served.
  if (cached !== undefined && isPng(cached)) return { bytes: new Uint8Array(cached), fromCache: true };
  const bytes = await render(card);
  const temp = join(cacheDir, `${key}.${process.pid}.${tempCounter++}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { bytes, fromCache: false };
}

/**
 * Whether bytes start with the PNG signature.
 * @example isPng(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) // true
 */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

async function prune(cacheDir: string, keep: Set<string>): Promise<void> {
  const names = await readdir(cacheDir);
  await Promise.all(
    names
      .filter((name) => {
        const m = /^([0-9a-f]{64})\.(?:png|\d+\.\d+\.tmp)$/.exec(name);
        // Only our own file names: anything else in the folder is not ours to delete.
        return m !== null && (name.endsWith(".tmp") || !keep.has(m[1]!));
      })
      .map((name) => rm(join(cacheDir, name), { force: true })),
  );
}
