/**
 * The four generated questions of a pair page. Every answer is computed from the two products'
 * data, once as HTML (every data string escaped) and once as plain text for JSON-LD.
 */
import type { FaqItem } from "../site/types.js";
import { escapeHtml } from "./escape-html.js";
import { joinAnd, plural } from "./plural.js";

/** What the FAQ needs to know about one product of the pair. */
export interface FaqProduct {
  name: string;
  /** The score, one decimal. */
  velocity: number;
  /** The score as displayed, e.g. "8.8". */
  velocityText: string;
  sparks30d: number;
  /** Its sector's name: its alternatives come from that sector. */
  sectorName: string;
}

export interface PairFaqInput {
  a: FaqProduct;
  b: FaqProduct;
  /** The site's origin, to give the plain-text answers (JSON-LD) absolute links. */
  siteUrl: string;
  /** Themes both products share (see sharedThemes). */
  shared: readonly string[];
  /** Alternatives to each product, best first; the first three are named. */
  alternativesA: readonly { name: string }[];
  alternativesB: readonly { name: string }[];
  alternativesUrlA: string;
  alternativesUrlB: string;
}

/** How many alternatives an answer names. */
const NAMED_ALTERNATIVES = 3;

/**
 * A piece of an answer: plain text, or a link. Built once, rendered twice (HTML and text), so
 * the two forms cannot drift apart.
 */
type Piece = string | { link: string; href: string };

/**
 * The generated FAQ of a pair page, in this order: difference, "better", alternatives to A,
 * alternatives to B, each answer naming the product's own sector (the two differ on a curated
 * cross-sector page). `question` and `answerText` are plain text (templates escape them as
 * usual); `answerHtml` is ready-made HTML in which every data string is already escaped.
 * @example
 * pairFaq({ a: kafka, b: appwrite, siteUrl: "https://versus.example", shared: [], alternativesA: [{ name: "NATS" }],
 *           alternativesB: [], alternativesUrlA: "/alternatives/kafka/", alternativesUrlB: "/alternatives/appwrite/" })[0].question
 * // "What is the difference between Apache Kafka and Appwrite?"
 */
export function pairFaq(input: PairFaqInput): FaqItem[] {
  const { a, b } = input;
  const pace = paceSentence(a, b);
  const sparks = sparksSentence(a, b);
  const item = (question: string, pieces: readonly Piece[]): FaqItem => faqItem(question, pieces, input.siteUrl);
  return [
    item(`What is the difference between ${a.name} and ${b.name}?`, [
      themesSentence(a.name, b.name, input.shared),
      " ",
      pace,
      " ",
      sparks,
    ]),
    item(`Is ${a.name} better than ${b.name}?`, [
      "There is no overall winner here: the velocity score measures how much and how recently a product " +
        "ships, not how well its features fit what you need. ",
      pace,
      " ",
      sparks,
      " Weigh the themes and the editorial trajectories on this page against your own requirements.",
    ]),
    item(alternativesQuestion(a), alternativesAnswer(a, input.alternativesA, input.alternativesUrlA)),
    item(alternativesQuestion(b), alternativesAnswer(b, input.alternativesB, input.alternativesUrlB)),
  ];
}

function themesSentence(nameA: string, nameB: string, shared: readonly string[]): string {
  if (shared.length === 0) return `${nameA} and ${nameB} have none of their shipped themes in common.`;
  return `${nameA} and ${nameB} overlap on ${plural(shared.length, "shipped theme")}: ${joinAnd(shared)}.`;
}

function paceSentence(a: FaqProduct, b: FaqProduct): string {
  // Compare in displayed tenths so the words always agree with the numbers shown.
  const ta = Math.round(a.velocity * 10);
  const tb = Math.round(b.velocity * 10);
  if (ta === tb) return `Both ship at the same pace right now, with a velocity of ${a.velocityText} each.`;
  const [fast, slow] = ta > tb ? [a, b] : [b, a];
  return `${fast.name} is the faster shipper at the moment: velocity ${fast.velocityText} vs ${slow.velocityText} for ${slow.name}.`;
}

function sparksSentence(a: FaqProduct, b: FaqProduct): string {
  if (a.sparks30d === 0 && b.sparks30d === 0) return "Neither has had an editorial spark in the last 30 days.";
  if (a.sparks30d === b.sparks30d) return `Each has had ${plural(a.sparks30d, "editorial spark")} in the last 30 days.`;
  return (
    `Over the last 30 days the editors marked ${plural(a.sparks30d, "spark")} for ${a.name} ` +
    `and ${plural(b.sparks30d, "spark")} for ${b.name}.`
  );
}

function alternativesQuestion(p: FaqProduct): string {
  return `What are the best alternatives to ${p.name}?`;
}

function alternativesAnswer(p: FaqProduct, alternatives: readonly { name: string }[], url: string): Piece[] {
  const page: Piece = { link: `the ${p.name} alternatives page`, href: url };
  if (alternatives.length === 0) {
    return [`No other ${p.sectorName} products are tracked yet, so there is nothing to rank against ${p.name} for now. `, "They will appear on ", page, " as they are added."];
  }
  const named = alternatives.slice(0, NAMED_ALTERNATIVES).map((alt) => alt.name);
  const lead = named.length === 1 ? `the leading alternative to ${p.name} is` : `the leading alternatives to ${p.name} are`;
  return [`Ranked by release velocity among ${p.sectorName} products, ${lead} ${joinAnd(named)}. The full ranking is on `, page, "."];
}

function faqItem(question: string, pieces: readonly Piece[], siteUrl: string): FaqItem {
  let answerHtml = "";
  let answerText = "";
  for (const piece of pieces) {
    if (typeof piece === "string") {
      answerHtml += escapeHtml(piece);
      answerText += piece;
    } else {
      answerHtml += `<a href="${escapeHtml(piece.href)}">${escapeHtml(piece.link)}</a>`;
      // JSON-LD has no links: keep the address, whole, readable in the sentence.
      answerText += `${piece.link} (${siteUrl}${piece.href})`;
    }
  }
  return { question, answerHtml, answerText };
}
