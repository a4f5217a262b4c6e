/**
 * Valid but unusual content still makes pages that fit a phone and pass axe. Regression tests
 * for what a reader-side review found: a long address in a summary widened every pair page to
 * 751 px at 375 (the "What is X?" grid had no minmax(0, 1fr) column), a long sector name
 * widened the menu, a code block with a long line failed scrollable-region-focusable, and an
 * editor's "#" and "###" headings broke the heading order.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { chromiumAvailable, findOverflowingElements, formatAxeViolations, launchChromium, problemsMessage, runAxe } from "../helpers/browser.js";
import { buildSite, startStaticServer, type BuildResult, type StaticServer } from "../helpers/built-site.js";
import { cleanupRoots, makeRoot } from "../content/helpers.js";

const available = chromiumAvailable();
const TIMEOUT = 120_000;
const LONG_URL = "https://github.com/apache/kafka/blob/trunk/clients/src/main/java/org/apache/kafka/clients/consumer/KafkaConsumer.java";

const NATS = `---
name: NATS
sector: streaming
website: https://nats.io
tagline: Messaging with \`JetStreamConsumerConfigurationBuilderFactoryDefaults\` built in.
summary: "A small, fast messaging system; its client docs are at ${LONG_URL} today."
updated: 2026-03-01
---
## Current state

Popular at the edge.

# A heading written as the page's title

\`\`\`sh
nats stream add ORDERS --subjects "orders.>" --storage file --replicas 3 --retention limits --max-age 720h --discard old
\`\`\`

### Deployment notes

Runs as one binary.

## Where it's heading

JetStream keeps growing.

## Prediction

More adoption in IoT.
`;

let browser: Browser;
let server: StaticServer;
let built: BuildResult;

beforeAll(async () => {
  if (!available) return;
  const root = await makeRoot({
    files: {
      "content/products/nats.md": NATS,
      "content/sectors/streaming.md": "---\nname: Streamingplatformsandmessagebrokersandeverythinginbetween\ndescription: Event streaming platforms.\n---\n",
    },
  });
  built = await buildSite({ root, args: ["--no-search", "--no-social-cards"] });
  server = await startStaticServer(built.dir);
  browser = await launchChromium();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await built?.cleanup();
  await cleanupRoots();
});

describe.skipIf(!available)("unusual content on a phone", () => {
  it.each(["/compare/apache-kafka-vs-nats/", "/products/nats/", "/sectors/streaming/", "/"])("%s fits 375 px and passes axe", { timeout: TIMEOUT }, async (path) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    try {
      const page = await context.newPage();
      await page.goto(server.url(path), { waitUntil: "load" });
      const problems: string[] = [];
      const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (width[0]! > width[1]!) problems.push(`page is ${width[0]} px wide: ${(await page.evaluate(findOverflowingElements)).join("; ")}`);
      const violations = await runAxe(page);
      if (violations.length > 0) problems.push(formatAxeViolations(violations));
      if (problems.length > 0) throw new Error(problemsMessage(`${path} at 375 px`, problems));
    } finally {
      await context.close();
    }
  });

  it("places the editor's headings under the section they are written in", { timeout: TIMEOUT }, async ({ expect }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const outline = async (path: string) => {
        await page.goto(server.url(path), { waitUntil: "load" });
        return page.evaluate(() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => `${h.tagName} ${h.textContent!.replace(/\s+/g, " ").trim()}`));
      };
      const product = await outline("/products/nats/");
      expect(product.slice(product.indexOf("H2 Current state"), product.indexOf("H2 Current state") + 3)).toEqual(["H2 Current state", "H3 A heading written as the page's title", "H3 Deployment notes"]);
      const pair = await outline("/compare/apache-kafka-vs-nats/");
      const nats = pair.indexOf("H3 NATS");
      expect(pair.slice(nats, nats + 4)).toEqual(["H3 NATS", "H4 ◆ Current state", "H5 A heading written as the page's title", "H5 Deployment notes"]);
    } finally {
      await context.close();
    }
  });
});
