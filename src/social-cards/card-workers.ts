import os from "node:os";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { renderFingerprint } from "../build/digest.js";
import { startBundleWorker, workerBundle } from "../build/code-bundles.js";
import type { CardReply, CardRequest } from "./card-worker.js";
import type { SocialCard } from "./social-card.js";

const CARD_WORKER = fileURLToPath(new URL("./card-worker.ts", import.meta.url));
/** Each thread holds its own satori and fonts; a few already render a large site's cards in seconds. */
const MAX_THREADS = 4;

export interface CardWorkers {
  /** Renders a card on the next free worker; the same PNG bytes as renderSocialCard. */
  render(card: SocialCard): Promise<Uint8Array>;
  /** Stops the workers. Cards still waiting are rejected. */
  close(): Promise<void>;
}

/**
 * Social cards rendered on worker threads, one per core (at most MAX_THREADS). satori lays a card out in JavaScript
 * in about 30 ms, so the hundreds of cards of a first build (or of a day on which many velocity
 * scores moved) kept one core busy for most of a minute. The workers start with the first
 * card, so a build whose cards are all cached starts none.
 * `key` names the worker bundle (the build's render fingerprint; computed when not given).
 * @example
 * const workers = cardWorkers();
 * try { await cachedSocialCards(cards, cacheDir, { render: workers.render }); } finally { await workers.close(); }
 */
export function cardWorkers(options: { key?: string; threads?: number; cacheDirs?: readonly string[] } = {}): CardWorkers {
  const threads = options.threads ?? Math.min(os.availableParallelism(), MAX_THREADS);
  const waiting: { card: SocialCard; resolve: (png: Uint8Array) => void; reject: (error: Error) => void }[] = [];
  const inFlight = new Map<number, (typeof waiting)[number]>();
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  let started: Promise<void> | undefined;
  // Set once the workers cannot render any more (closed, failed to start, or crashed): every
  // card waiting and every later one is rejected with it, so none waits forever.
  let failure: Error | undefined;
  let nextId = 0;

  const fail = (error: Error): void => {
    failure ??= error;
    for (const job of [...inFlight.values(), ...waiting.splice(0)]) job.reject(failure);
    inFlight.clear();
  };
  const pump = (): void => {
    while (idle.length > 0 && waiting.length > 0) {
      const worker = idle.pop()!;
      const job = waiting.shift()!;
      const id = nextId++;
      inFlight.set(id, job);
      worker.postMessage({ id, card: job.card } satisfies CardRequest);
    }
  };
  const start = async (): Promise<void> => {
    const entry = await workerBundle(options.key ?? renderFingerprint(), options.cacheDirs, CARD_WORKER);
    if (failure) return;
    for (let i = 0; i < threads; i++) {
      const worker = startBundleWorker(entry);
      worker.on("message", (reply: CardReply) => {
        const job = inFlight.get(reply.id);
        inFlight.delete(reply.id);
        if ("error" in reply) job?.reject(new Error(reply.error));
        else job?.resolve(reply.png);
        idle.push(worker);
        pump();
      });
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`social cards: a card worker stopped (exit code ${code})`)));
      workers.push(worker);
      idle.push(worker);
    }
    pump();
  };

  return {
    render(card) {
      if (failure) return Promise.reject(failure);
      const rendered = new Promise<Uint8Array>((resolve, reject) => waiting.push({ card, resolve, reject }));
      started ??= start().catch(fail);
      pump();
      return rendered;
    },
    async close() {
      fail(new Error("social cards: the card workers were closed"));
      await started;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
