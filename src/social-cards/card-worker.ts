/**
 * A social-card worker: renders each card it is sent (see renderSocialCard) and answers with
 * the PNG, or with the error's message. Runs in a worker thread so cards render on every core.
 */
import { parentPort } from "node:worker_threads";
import { renderSocialCard, type SocialCard } from "./social-card.js";

export type CardRequest = { id: number; card: SocialCard };
export type CardReply = { id: number; png: Uint8Array } | { id: number; error: string };

parentPort!.on("message", ({ id, card }: CardRequest) => {
  renderSocialCard(card).then(
    (png) => parentPort!.postMessage({ id, png } satisfies CardReply),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies CardReply),
  );
});
