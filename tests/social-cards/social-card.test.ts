import { describe, expect, it } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH, cardText, renderSocialCard, titleFit, type SocialCard } from "../../src/social-cards/social-card.js";
import { isPng } from "../../src/social-cards/card-cache.js";

const CARD: SocialCard = {
  kicker: "Streaming · Comparison",
  title: "Apache Kafka vs Redpanda",
  subtitle: "Kafka-compatible streaming without the JVM, compared by release velocity.",
  stats: [
    { label: "Velocity", value: "8.8" },
    { label: "Sparks · 30d", value: "1" },
  ],
  siteName: "Versus",
};

/** Width and height from the IHDR chunk, which must come first (bytes 8..32). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("renderSocialCard", () => {
  it("renders a 1200×630 PNG", async () => {
    const png = await renderSocialCard(CARD);
    expect(isPng(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect([CARD_WIDTH, CARD_HEIGHT]).toEqual([1200, 630]);
  });

  it("renders the same bytes for the same card", async () => {
    const a = await renderSocialCard(CARD);
    const b = await renderSocialCard({ ...CARD, stats: CARD.stats.map((s) => ({ ...s })) });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("renders different bytes for a different title", async () => {
    const a = await renderSocialCard(CARD);
    const b = await renderSocialCard({ ...CARD, title: "Apache Kafka vs NATS" });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it("copes with hostile and overlong text", async () => {
    const png = await renderSocialCard({
      kicker: "<script>alert(1)</script>".repeat(10),
      title: "W".repeat(400),
      subtitle: "Ünïcödé Łódź Ωμέγα Москва Việt ⚡🚀 東京 \u202Ereversed\u0000\n\tand a very long tail ".repeat(20),
      stats: Array.from({ length: 6 }, (_, i) => ({ label: "L".repeat(80), value: String(i).repeat(50) })),
      siteName: "S".repeat(200),
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });
});

describe("cardText", () => {
  it("drops controls, bidi overrides and characters no loaded font has; collapses whitespace", () => {
    expect(cardText("  Kafka\u202E ⚡ 東京\n\t streams\u0007 ")).toBe("Kafka streams");
    expect(cardText("Łódź · Ωμέγα · Москва · Việt — “quoted”")).toBe("Łódź · Ωμέγα · Москва · Việt — “quoted”");
  });

  it("keeps markup as literal text", () => {
    expect(cardText("<b>bold</b> &amp;")).toBe("<b>bold</b> &amp;");
  });

  it("caps the length", () => {
    expect([...cardText("x".repeat(1000))]).toHaveLength(300);
  });
});

describe("titleFit", () => {
  it("steps the size down as titles grow, never below the smallest step", () => {
    const sizes = [10, 40, 60, 80, 110, 200].map((n) => titleFit("a".repeat(n)).size);
    expect(sizes[0]).toBe(76);
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    expect(titleFit("a".repeat(1000))).toEqual({ size: 44, lines: 4 });
  });
});
