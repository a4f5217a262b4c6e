import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rankAlternatives, rankSector, topExcluding } from "../../src/compute/alternatives.js";

const p = (slug: string, name: string, velocity: number) => ({ slug, name, velocity });

const candidates = [
  p("nats", "NATS", 4.0),
  p("kafka", "Apache Kafka", 5.0),
  p("pulsar", "Apache Pulsar", 4.0),
  p("redpanda", "Redpanda", 8.8),
  p("emqx", "emqx", 4.0), // English collation: "Apache Pulsar" < "emqx" < "NATS" (case-insensitive first)
  p("zeromq-b", "ZeroMQ", 1.3),
  p("zeromq-a", "ZeroMQ", 1.3), // same name and velocity: slug decides
];

describe("rankAlternatives", () => {
  it("ranks by velocity, then name (English collation), then slug", () => {
    expect(rankAlternatives(candidates, [], 50).map((c) => c.slug)).toEqual([
      "redpanda", "kafka", "pulsar", "emqx", "nats", "zeromq-a", "zeromq-b",
    ]);
  });

  it("leaves out excluded slugs and stops at the limit", () => {
    expect(rankAlternatives(candidates, ["kafka", "redpanda"], 3).map((c) => c.slug)).toEqual(["pulsar", "emqx", "nats"]);
    expect(rankAlternatives(candidates, ["pulsar"], 1).map((c) => c.slug)).toEqual(["redpanda"]);
    expect(rankAlternatives(candidates, [], 0)).toEqual([]);
    expect(rankAlternatives([], ["x"], 8)).toEqual([]);
  });

  it("does not modify its input", () => {
    const copy = [...candidates];
    rankAlternatives(candidates, [], 8);
    expect(candidates).toEqual(copy);
  });
});

describe("rankSector + topExcluding", () => {
  it("agree with rankAlternatives", () => {
    const sorted = rankSector(candidates);
    for (const exclude of [[], ["kafka"], ["redpanda", "zeromq-a"], ["missing"], candidates.map((c) => c.slug)]) {
      for (const limit of [0, 1, 2, 5, 8]) {
        expect(topExcluding(sorted, exclude, limit)).toEqual(rankAlternatives(candidates, exclude, limit));
      }
    }
  });

  it("agree with rankAlternatives on random input", () => {
    const arb = fc.uniqueArray(
      fc.record({ slug: fc.stringMatching(/^[a-z]{1,4}$/), name: fc.constantFrom("Alpha", "alpha", "Beta", "Ärger", "zed"), velocity: fc.integer({ min: 0, max: 20 }).map((v) => v / 2) }),
      { selector: (c) => c.slug, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.array(fc.stringMatching(/^[a-z]{1,4}$/), { maxLength: 12 }), fc.integer({ min: 0, max: 10 }), (list, exclude, limit) => {
        expect(topExcluding(rankSector(list), exclude, limit)).toEqual(rankAlternatives(list, exclude, limit));
      }),
    );
  });

  it("walks only as far as it needs", () => {
    const sorted = rankSector(Array.from({ length: 1000 }, (_, i) => p(`p${i}`, `P${i}`, i / 100)));
    let reads = 0;
    const counting = new Proxy(sorted, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(topExcluding(counting, [sorted[0]!.slug, sorted[2]!.slug], 8)).toHaveLength(8);
    expect(reads).toBe(10);
  });
});
