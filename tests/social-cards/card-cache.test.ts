import { afterAll, describe, expect, it } from "vitest";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cachedSocialCards, cardKey, isPng, RENDERER_VERSION } from "../../src/social-cards/card-cache.js";
import { renderSocialCard, type Card } from "../../src/social-cards/social-card.js";

const CARD: Card = {
  kicker: "Streaming",
  title: "Redpanda",
  subtitle: "Kafka-compatible streaming without the JVM.",
  stats: [{ label: "Velocity", value: "8.8" }, { label: "Sparks · 30d", value: "1" }],
  siteName: "Versus",
};

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function cacheDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "versus-og-"));
  dirs.push(dir);
  return join(dir, "og-cache");
}

/** The real renderer, counting its calls. */
function countingRenderer() {
  const calls: string[] = [];
  return {
    calls,
    render: async (card: Card) => {
      calls.push(card.title);
      return renderSocialCard(card);
    },
  };
}

describe("cachedSocialCards", () => {
  it("renders on the first call and reads from the cache on the second", async () => {
    const dir = await cacheDir();
    const counter = countingRenderer();
    const cards = [
      { path: "/og/products/redpanda.png", card: CARD },
      { path: "/og/products/nats.png", card: { ...CARD, title: "NATS" } },
    ];
    const first = await cachedSocialCards(cards, dir, { render: counter.render });
    expect(first.map((r) => [r.path, r.fromCache])).toEqual([["/og/products/redpanda.png", false], ["/og/products/nats.png", false]]);
    // Cards are looked up in parallel, so which one renders first depends on the disk.
    expect([...counter.calls].sort()).toEqual(["NATS", "Redpanda"]);
    const file = join(dir, `${first[0]!.key}.png`);
    const mtime = (await stat(file)).mtimeMs;

    const second = await cachedSocialCards(cards, dir, { render: counter.render });
    expect(second.map((r) => r.fromCache)).toEqual([true, true]);
    expect(counter.calls).toHaveLength(2);
    expect((await stat(file)).mtimeMs).toBe(mtime);
    second.forEach((r, i) => expect(Buffer.from(r.bytes).equals(Buffer.from(first[i]!.bytes))).toBe(true));
    // Only final PNGs in the folder: temp files were renamed.
    expect((await readdir(dir)).sort()).toEqual([`${first[0]!.key}.png`, `${first[1]!.key}.png`].sort());
  });

  it("renders identical cards once per call", async () => {
    const counter = countingRenderer();
    const out = await cachedSocialCards(
      [{ path: "/og/a.png", card: CARD }, { path: "/og/b.png", card: { ...CARD } }],
      await cacheDir(),
      { render: counter.render },
    );
    expect(counter.calls).toHaveLength(1);
    expect(out.map((r) => r.path)).toEqual(["/og/a.png", "/og/b.png"]);
  });

  it("reports each card as it is ready, rendered, read from the cache or the same as another", async () => {
    const dir = await cacheDir();
    const counter = countingRenderer();
    const cards = [
      { path: "/og/a.png", card: CARD },
      { path: "/og/b.png", card: { ...CARD } },
      { path: "/og/c.png", card: { ...CARD, title: "NATS" } },
    ];
    let done = 0;
    await cachedSocialCards(cards, dir, { render: counter.render, onDone: () => done++ });
    expect([done, counter.calls.length]).toEqual([3, 2]);
    done = 0;
    await cachedSocialCards(cards, dir, { render: counter.render, onDone: () => done++ });
    expect([done, counter.calls.length]).toEqual([3, 2]);
  });

  it("re-renders a cache file that is not a PNG", async () => {
    const dir = await cacheDir();
    const counter = countingRenderer();
    const [first] = await cachedSocialCards([{ path: "/og/x.png", card: CARD }], dir, { render: counter.render });
    await writeFile(join(dir, `${first!.key}.png`), "truncated");
    const [again] = await cachedSocialCards([{ path: "/og/x.png", card: CARD }], dir, { render: counter.render });
    expect(again!.fromCache).toBe(false);
    expect(counter.calls).toHaveLength(2);
    expect(isPng(again!.bytes)).toBe(true);
  });

  it("prunes PNGs no card uses, and only files it named", async () => {
    const dir = await cacheDir();
    const counter = countingRenderer();
    const [old] = await cachedSocialCards([{ path: "/og/old.png", card: { ...CARD, title: "Old" } }], dir, { render: counter.render });
    await writeFile(join(dir, "README.txt"), "not ours");
    const [kept] = await cachedSocialCards([{ path: "/og/new.png", card: CARD }], dir, { render: counter.render, prune: true });
    expect((await readdir(dir)).sort()).toEqual(["README.txt", `${kept!.key}.png`].sort());
    expect(old!.key).not.toBe(kept!.key);
  });
});

describe("cardKey", () => {
  it("is a sha256 hex digest that changes with any field", () => {
    const key = cardKey(CARD);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const variants: Card[] = [
      { ...CARD, kicker: "Databases" },
      { ...CARD, title: "Redpanda!" },
      { ...CARD, subtitle: "Other." },
      { ...CARD, stats: [{ label: "Velocity", value: "8.9" }, CARD.stats[1]!] },
      { ...CARD, stats: CARD.stats.slice(0, 1) },
      { ...CARD, siteName: "Versus 2" },
    ];
    const keys = new Set([key, ...variants.map(cardKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });

  it("ignores property order and extra properties", () => {
    const reordered = { siteName: CARD.siteName, stats: CARD.stats.map((s) => ({ value: s.value, label: s.label })), subtitle: CARD.subtitle, title: CARD.title, kicker: CARD.kicker };
    expect(cardKey(reordered)).toBe(cardKey(CARD));
    expect(cardKey({ ...CARD, extra: "ignored" } as Card)).toBe(cardKey(CARD));
  });

  it("does not confuse fields whose text runs together", () => {
    expect(cardKey({ ...CARD, kicker: "ab", title: "c" })).not.toBe(cardKey({ ...CARD, kicker: "a", title: "bc" }));
  });

  it("includes the renderer version", () => {
    expect(RENDERER_VERSION).toMatch(/satori\/0\.63\.2/);
  });
});
