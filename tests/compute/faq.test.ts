import { describe, expect, it } from "vitest";
import { pairFaq, type FaqProduct, type PairFaqInput } from "../../src/compute/faq.js";

const kafka: FaqProduct = { name: "Apache Kafka", velocity: 1.3, velocityText: "1.3", sparks30d: 0, sectorName: "DevOps" };
const appwrite: FaqProduct = { name: "Appwrite", velocity: 8.8, velocityText: "8.8", sparks30d: 1, sectorName: "DevOps" };

const base = (over: Partial<PairFaqInput> = {}): PairFaqInput => ({
  a: kafka,
  b: appwrite,
  siteUrl: "https://versus.example",
  shared: [],
  alternativesA: [{ name: "Redpanda" }, { name: "NATS" }, { name: "Apache Pulsar" }, { name: "RabbitMQ" }],
  alternativesB: [{ name: "Supabase" }],
  alternativesUrlA: "/alternatives/kafka/",
  alternativesUrlB: "/alternatives/appwrite/",
  ...over,
});

describe("pairFaq", () => {
  it("asks the four questions in order", () => {
    expect(pairFaq(base()).map((f) => f.question)).toEqual([
      "What is the difference between Apache Kafka and Appwrite?",
      "Is Apache Kafka better than Appwrite?",
      "What are the best alternatives to Apache Kafka?",
      "What are the best alternatives to Appwrite?",
    ]);
  });

  it("says when themes do not overlap and who ships more", () => {
    const [difference] = pairFaq(base());
    expect(difference!.answerText).toBe(
      "Apache Kafka and Appwrite have none of their shipped themes in common. " +
        "Appwrite is the faster shipper at the moment: velocity 8.8 vs 1.3 for Apache Kafka. " +
        "Over the last 30 days the editors marked 0 sparks for Apache Kafka and 1 spark for Appwrite.",
    );
    expect(difference!.answerHtml).toBe(difference!.answerText);
  });

  it("names the shared themes when they overlap", () => {
    const [difference] = pairFaq(base({ shared: ["streaming", "share-groups", "kraft"] }));
    expect(difference!.answerText).toMatch(/^Apache Kafka and Appwrite overlap on 3 shipped themes: streaming, share-groups and kraft\. /);
    const [one] = pairFaq(base({ shared: ["streaming"] }));
    expect(one!.answerText).toMatch(/^Apache Kafka and Appwrite overlap on 1 shipped theme: streaming\. /);
  });

  it("handles equal velocities and equal spark counts", () => {
    const a = { ...kafka, velocity: 5, velocityText: "5.0", sparks30d: 2 };
    const b = { ...appwrite, velocity: 5, velocityText: "5.0", sparks30d: 2 };
    const [difference, better] = pairFaq(base({ a, b }));
    expect(difference!.answerText).toContain("Both ship at the same pace right now, with a velocity of 5.0 each.");
    expect(difference!.answerText).toContain("Each has had 2 editorial sparks in the last 30 days.");
    expect(better!.answerText).toContain("Both ship at the same pace");
    const none = pairFaq(base({ a: { ...a, sparks30d: 0 }, b: { ...b, sparks30d: 0 } }))[0]!;
    expect(none.answerText).toContain("Neither has had an editorial spark in the last 30 days.");
    const single = pairFaq(base({ a: { ...a, sparks30d: 1 }, b: { ...b, sparks30d: 1 } }))[0]!;
    expect(single.answerText).toContain("Each has had 1 editorial spark in the last 30 days.");
  });

  it("explains that the score is about shipping, not fit", () => {
    const better = pairFaq(base())[1]!;
    expect(better.answerText).toMatch(/^There is no overall winner here: the velocity score measures how much and how recently a product ships, not how well its features fit what you need\. /);
    expect(better.answerText).toContain("velocity 8.8 vs 1.3 for Apache Kafka");
  });

  it("names up to three alternatives and links to the alternatives page, by its full address in the plain text", () => {
    const [, , altA, altB] = pairFaq(base());
    expect(altA!.answerText).toBe(
      "Ranked by release velocity among DevOps products, the leading alternatives to Apache Kafka are Redpanda, NATS and Apache Pulsar. " +
        "The full ranking is on the Apache Kafka alternatives page (https://versus.example/alternatives/kafka/).",
    );
    expect(altA!.answerHtml).toBe(
      "Ranked by release velocity among DevOps products, the leading alternatives to Apache Kafka are Redpanda, NATS and Apache Pulsar. " +
        'The full ranking is on <a href="/alternatives/kafka/">the Apache Kafka alternatives page</a>.',
    );
    expect(altB!.answerText).toContain("the leading alternative to Appwrite is Supabase.");
  });

  it("handles products without alternatives", () => {
    const alt = pairFaq(base({ alternativesA: [] }))[2]!;
    expect(alt.answerText).toBe(
      "No other DevOps products are tracked yet, so there is nothing to rank against Apache Kafka for now. " +
        "They will appear on the Apache Kafka alternatives page (https://versus.example/alternatives/kafka/) as they are added.",
    );
    expect(alt.answerHtml).toContain('<a href="/alternatives/kafka/">the Apache Kafka alternatives page</a>');
  });

  // Regression: a curated pair across two sectors has no common sector, and both answers said
  // only "Ranked by release velocity", though each product's alternatives come from its own.
  it("names each product's own sector when the two differ", () => {
    const [, , altA, altB] = pairFaq(base({ b: { ...appwrite, sectorName: "Backend" } }));
    expect(altA!.answerText).toMatch(/^Ranked by release velocity among DevOps products, the leading alternatives to Apache Kafka/);
    expect(altB!.answerText).toMatch(/^Ranked by release velocity among Backend products, the leading alternative to Appwrite is Supabase\./);
  });

  it("escapes every data string in the HTML answers", () => {
    const hostile = "<script>alert(1)</script>";
    const faq = pairFaq(
      base({
        a: { ...kafka, name: hostile, sectorName: "<b>Dev</b>" },
        b: { ...appwrite, name: `Tom & "Jerry's"` },
        shared: ["<img src=x onerror=alert(1)>"],
        alternativesA: [{ name: "<i>Alt</i>" }],
        alternativesUrlA: `/alternatives/x/"><script>`,
      }),
    );
    for (const item of faq) {
      expect(item.answerHtml).not.toMatch(/<(script|b|i|img)\b/);
      expect(item.answerHtml.replace(/<a href="[^"]*">|<\/a>/g, "")).not.toMatch(/[<>"]/);
    }
    expect(faq[0]!.answerHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt; and Tom &amp; &quot;Jerry&#39;s&quot;");
    expect(faq[2]!.answerHtml).toContain('<a href="/alternatives/x/&quot;&gt;&lt;script&gt;">');
    // Plain-text forms keep the raw names (they are serialized as JSON, not HTML).
    expect(faq[0]!.answerText).toContain(hostile);
    expect(faq[1]!.question).toBe(`Is ${hostile} better than Tom & "Jerry's"?`);
  });
});
