import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cardWorkers } from "../../src/social-cards/card-workers.js";
import { renderSocialCard, type SocialCard } from "../../src/social-cards/social-card.js";

// Outside any node_modules: the worker must find the card fonts from its source's location.
const dir = mkdtempSync(path.join(os.tmpdir(), "versus-card-workers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const card = (title: string): SocialCard => ({
  kicker: "Streaming",
  title,
  subtitle: "Kafka-compatible streaming without the JVM.",
  stats: [{ label: "Velocity", value: "8.8" }],
  siteName: "Versus",
});

describe("cardWorkers", () => {
  it("renders on two workers the same PNG bytes as renderSocialCard in this thread, each to its own card", async () => {
    const cards = ["Apache Kafka", "Redpanda", "WarpStream", "AutoMQ", "東京 MQ"].map(card);
    const workers = cardWorkers({ key: "test", threads: 2, cacheDirs: [dir] });
    try {
      const inWorkers = await Promise.all(cards.map((c) => workers.render(c)));
      for (const [i, c] of cards.entries()) {
        expect(Buffer.from(inWorkers[i]!).equals(Buffer.from(await renderSocialCard(c))), c.title).toBe(true);
      }
    } finally {
      await workers.close();
    }
  }, 60_000);

  it("rejects a card that fails to render with its error, and renders the next one", async () => {
    const workers = cardWorkers({ key: "test", threads: 1, cacheDirs: [dir] });
    try {
      const broken = { ...card("Broken"), stats: undefined } as unknown as SocialCard;
      await expect(workers.render(broken)).rejects.toThrow(/undefined/);
      expect(Buffer.from(await workers.render(card("Redpanda"))).equals(Buffer.from(await renderSocialCard(card("Redpanda"))))).toBe(true);
    } finally {
      await workers.close();
    }
  }, 60_000);

  it("after close, rejects cards still waiting and any new one", async () => {
    const workers = cardWorkers({ key: "test", threads: 1, cacheDirs: [dir] });
    const waiting = workers.render(card("Redpanda"));
    await workers.close();
    await expect(waiting).rejects.toThrow("the card workers were closed");
    await expect(workers.render(card("NATS"))).rejects.toThrow("the card workers were closed");
  }, 60_000);
});
