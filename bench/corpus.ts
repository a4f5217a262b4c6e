/**
 * `npm run bench:corpus -- --out DIR --products N --sectors S`: writes a deterministic synthetic
 * site root that `versus check` accepts: realistic product records (about 12 timeline entries,
 * the three body sections of a few paragraphs, themes, metrics, capabilities), a curated
 * comparison and a matrix per sector.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringFlag } from "../src/cli/args.js";
import { benchArgs } from "./args.js";

/** Small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "release cluster storage latency throughput operator schema replication query engine runtime " +
  "gateway connector pipeline index cache policy tenant region upgrade migration protocol broker " +
  "consumer producer partition snapshot compaction tiering workload scheduler telemetry tracing " +
  "auth database function plugin dashboard workflow rollout sandbox edge compiler driver"
).split(" ");
const THEMES = ["streaming", "observability", "kubernetes", "serverless", "sql", "lakehouse", "security", "ai-coding", "edge", "multi-tenancy", "cost", "compliance", "developer-experience", "performance", "open-source", "managed-cloud"];
const KINDS = ["release", "release", "release", "bugfix", "announcement", "post"] as const;
const SECTOR_NAMES = ["DevOps", "Data", "Security", "Developer Tools", "Observability", "AI Platforms", "Databases", "Networking"];

export interface CorpusOptions {
  out: string;
  products: number;
  sectors: number;
  /** site.json `reverse_pair_pages` (default true, as for any site). */
  reversePairPages?: boolean;
  /** As-of date the timelines lead up to (ms). */
  asOfMs?: number;
}

/** Writes the corpus; returns the product slugs. Removes `out` first. */
export function writeCorpus(options: CorpusOptions): string[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const sentence = (n: number): string => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return `${words.join(" ")}.`;
  };
  const paragraph = (): string => Array.from({ length: 5 }, () => sentence(10 + Math.floor(rnd() * 8))).join(" ");
  const asOf = options.asOfMs ?? Date.UTC(2026, 4, 22, 12);
  const out = path.resolve(options.out);
  rmSync(out, { recursive: true, force: true });
  for (const dir of ["content/sectors", "content/products", "content/comparisons", "content/matrices", "data"]) mkdirSync(path.join(out, dir), { recursive: true });

  writeFileSync(path.join(out, "data/site.json"), JSON.stringify({ name: "Bench", url: "https://bench.example.com", description: "A synthetic corpus for build benchmarks.", pairs: "sector", alternatives_limit: 8, reverse_pair_pages: options.reversePairPages ?? true, stale_after_days: 3650 }, null, 2));
  const sectors = Array.from({ length: options.sectors }, (_, i) => ({ slug: `sector-${i + 1}`, name: SECTOR_NAMES[i % SECTOR_NAMES.length]! + (i >= SECTOR_NAMES.length ? ` ${i + 1}` : "") }));
  for (const s of sectors) {
    writeFileSync(path.join(out, `content/sectors/${s.slug}.md`), `---\nname: "${s.name}"\ndescription: "Products in ${s.name}, compared by release velocity."\n---\n\n${paragraph()}\n`);
  }
  const slugs: string[] = [];
  for (let i = 0; i < options.products; i++) {
    const slug = `product-${String(i + 1).padStart(4, "0")}`;
    slugs.push(slug);
    const sector = sectors[i % sectors.length]!;
    const themes = [...new Set(Array.from({ length: 4 }, () => pick(THEMES)))];
    const timeline = Array.from({ length: 12 }, (_, k) => {
      const days = Math.floor(rnd() * 400) + k;
      const date = new Date(asOf - days * 86_400_000).toISOString().slice(0, 10);
      return `  - date: "${date}"\n    title: "Product ${i + 1} ${k + 1}.${Math.floor(rnd() * 10)} ${pick(WORDS)} ${pick(WORDS)}"\n    kind: ${pick(KINDS)}\n    spark: ${rnd() < 0.1}`;
    });
    const capability = (): string => pick(["yes", "no", "partial"]);
    writeFileSync(
      path.join(out, `content/products/${slug}.md`),
      `---
name: "Product ${i + 1}"
sector: ${sector.slug}
website: "https://example.com/${slug}"
tagline: "${sentence(12).slice(0, 190)}"
summary: "${sentence(20)} ${sentence(18)}"
themes: [${themes.join(", ")}]
updated: "${new Date(asOf - Math.floor(rnd() * 60) * 86_400_000).toISOString().slice(0, 10)}"
timeline:
${timeline.join("\n")}
metrics:
  as_of: "2026-05-04"
  github_stars: ${Math.floor(rnd() * 90_000)}
  docker_pulls: ${Math.floor(rnd() * 90_000_000)}
  search_interest: ${Math.floor(rnd() * 100)}
facts:
  primary_purpose: "${sentence(12)}"
  deployment: "${sentence(8)}"
capabilities:
  Core:
    Clustering: ${capability()}
    Replication: ${capability()}
    Snapshots: ${capability()}
  Operations:
    Kubernetes operator: ${capability()}
    Metrics: ${capability()}
choose_if: "${sentence(16)}"
---

## Current state

${paragraph()}

${paragraph()}

## Where it's heading

${paragraph()}

${paragraph()}

## Prediction

${paragraph()}
`,
    );
  }
  // One curated comparison across sectors and one matrix per sector, from the first products.
  if (slugs.length >= 2) {
    const [a, b] = [slugs[0]!, slugs[1]!].sort();
    writeFileSync(
      path.join(out, `content/comparisons/${a}-vs-${b}.md`),
      `---\nverdict: "${sentence(20)}"\nrows:\n  - fact: primary_purpose\n  - fact: deployment\n  - label: "Licence"\n    a: "Apache 2.0"\n    b: "BSL 1.1"\nfaq:\n  - q: "Can they run together?"\n    a: "${sentence(14)}"\n---\n\n## Using them together\n\n${paragraph()}\n`,
    );
  }
  for (const s of sectors) {
    const columns = slugs.filter((_, i) => i % sectors.length === sectors.indexOf(s)).slice(0, 5);
    if (columns.length < 2) continue;
    const rows = ["Storage", "Latency", "Licence", "Self-hosted"].map(
      (feature) => `      - feature: "${feature}"\n        cells:\n${columns.map((c) => `          ${c}: { text: "${pick(["Yes", "No", "Partial"])}", badge: ${pick(["success", "warning", "danger", "neutral"])} }`).join("\n")}`,
    );
    writeFileSync(
      path.join(out, `content/matrices/${s.slug}-overview.md`),
      `---\ntitle: "${s.name} overview"\ndescription: "Key features of five ${s.name} products."\ncolumns: [${columns.join(", ")}]\nhighlight: ${columns[0]}\nsections:\n  - title: "Basics"\n    rows:\n${rows.join("\n")}\n---\n\n${paragraph()}\n`,
    );
  }
  return slugs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = benchArgs("bench:corpus", ["out", "products", "sectors"]);
  const out = stringFlag(args, "out", "bench-out/corpus");
  const products = Number(stringFlag(args, "products", "100"));
  const sectors = Number(stringFlag(args, "sectors", "4"));
  writeCorpus({ out, products, sectors });
  process.stdout.write(`wrote ${products} products in ${sectors} sectors to ${out}\n`);
}
