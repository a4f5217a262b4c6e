import { describe, expect, it } from "vitest";
import { faqPage, serializeJsonLd } from "../../src/site/json-ld.js";

describe("faqPage", () => {
  // Regression: an answer written as "<img src=x onerror=alert(5)>" was shown as text on the
  // page but went into the JSON-LD raw, where search engines read an Answer's text as HTML.
  it("escapes the plain-text answers, which search engines read as HTML, and leaves the questions as they are", () => {
    const faq = faqPage([{ question: "Is R&D <b>open</b>?", answerText: "Answer with <img src=x onerror=alert(5)> & code" }]);
    expect(faq).toEqual({
      "@context": "https://schema.org",
      "@type": "FAQPage",
      mainEntity: [{ "@type": "Question", name: "Is R&D <b>open</b>?", acceptedAnswer: { "@type": "Answer", text: "Answer with &lt;img src=x onerror=alert(5)&gt; &amp; code" } }],
    });
    expect(serializeJsonLd(faq)).not.toMatch(/[<>]/);
  });
});
