/**
 * The anchor of shared/reference/anchors.md as a Hugo site: one stub content file per
 * within-sector pair and a simple template (a head, a 4-row table, 2 × 4 editorial paragraphs,
 * 8 alternatives, 24 timeline rows, one FAQ answer; about 13 KB of HTML), built with the `hugo`
 * binary (Debian's package).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { settleDisk } from "./timed-build.js";

/** True when the `hugo` binary is on the PATH. */
export function hasHugo(): boolean {
  return spawnSync("hugo", ["version"]).status === 0;
}

/** Writes the anchor site under `root` (replacing it) and returns its number of pages. */
export function writeHugoAnchor(root: string, products: number, sectors: number): number {
  rmSync(root, { recursive: true, force: true });
  for (const dir of ["content/compare", "data", "layouts/_default"]) mkdirSync(path.join(root, dir), { recursive: true });
  const paragraph = (i: number, k: number) => `Product ${i} paragraph ${k}: ${"steady releases, broader runtimes and a clearer roadmap for operators; ".repeat(20)}`;
  const list = Array.from({ length: products }, (_, i) => ({
    slug: `product-${String(i + 1).padStart(4, "0")}`,
    name: `Product ${i + 1}`,
    sector: `sector-${(i % sectors) + 1}`,
    velocity: Number(((i * 7) % 100 / 10).toFixed(1)),
    tagline: `Tagline of product ${i + 1}, one line of editorial headline text.`,
    paragraphs: [1, 2, 3, 4].map((k) => paragraph(i, k)),
    timeline: Array.from({ length: 12 }, (_, k) => ({ date: `2026-0${(k % 9) + 1}-1${k % 9}`, title: `Product ${i + 1} release ${k + 1}.0` })),
  }));
  writeFileSync(path.join(root, "data/products.json"), JSON.stringify(Object.fromEntries(list.map((p) => [p.slug, p]))));
  // Each sector's 8 fastest products, ranked once here: sorting all products inside the template
  // would run once per page and make Hugo look slower than it is (47 s instead of 26 s).
  const ranked = [...list].sort((x, y) => y.velocity - x.velocity || x.slug.localeCompare(y.slug));
  const alternatives = Object.fromEntries(
    Array.from({ length: sectors }, (_, s) => [`sector-${s + 1}`, ranked.filter((p) => p.sector === `sector-${s + 1}`).slice(0, 8).map((p) => ({ name: p.name, velocity: p.velocity }))]),
  );
  writeFileSync(path.join(root, "data/alternatives.json"), JSON.stringify(alternatives));
  writeFileSync(path.join(root, "hugo.toml"), `baseURL = "https://bench.example.com/"\ntitle = "Anchor"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n`);
  writeFileSync(
    path.join(root, "layouts/_default/single.html"),
    `{{ $a := index site.Data.products .Params.a }}{{ $b := index site.Data.products .Params.b }}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ $a.name }} vs {{ $b.name }}</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>{{ $a.name }} vs {{ $b.name }}</h1>
<table><tr><th>Sector</th><td>{{ $a.sector }}</td><td>{{ $b.sector }}</td></tr><tr><th>Velocity</th><td>{{ $a.velocity }}</td><td>{{ $b.velocity }}</td></tr><tr><th>Tagline</th><td>{{ $a.tagline }}</td><td>{{ $b.tagline }}</td></tr><tr><th>Updates</th><td>{{ len $a.timeline }}</td><td>{{ len $b.timeline }}</td></tr></table>
<section>{{ range $a.paragraphs }}<p>{{ . }}</p>{{ end }}</section><section>{{ range $b.paragraphs }}<p>{{ . }}</p>{{ end }}</section>
<ol>{{ range index site.Data.alternatives $a.sector }}<li>{{ .name }} {{ .velocity }}</li>{{ end }}</ol>
<ol>{{ range $a.timeline }}<li>{{ .date }} {{ .title }}</li>{{ end }}{{ range $b.timeline }}<li>{{ .date }} {{ .title }}</li>{{ end }}</ol>
<p>{{ if gt $a.velocity $b.velocity }}{{ $a.name }} ships more ({{ $a.velocity }} vs {{ $b.velocity }}).{{ else }}{{ $b.name }} ships more ({{ $b.velocity }} vs {{ $a.velocity }}).{{ end }}</p>
</main></body></html>
`,
  );
  let pages = 0;
  for (let s = 1; s <= sectors; s++) {
    const members = list.filter((p) => p.sector === `sector-${s}`);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!.slug;
        const b = members[j]!.slug;
        writeFileSync(path.join(root, `content/compare/${a}-vs-${b}.md`), `---\na: ${a}\nb: ${b}\n---\n`);
        pages++;
      }
    }
  }
  return pages;
}

/** Builds the anchor site into `destination` (a new folder) and returns the wall time in seconds. */
export function buildHugo(root: string, destination: string): number {
  settleDisk();
  const started = performance.now();
  execFileSync("hugo", ["--quiet", "--source", root, "--destination", destination], { stdio: "inherit" });
  return (performance.now() - started) / 1000;
}
