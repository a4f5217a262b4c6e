/**
 * Reading built pages with a real HTML parser (htmlparser2, installed with linkinator): find
 * elements by tag and class, read text and attributes, and pull out JSON-LD blocks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import type { AnyNode, Document, Element } from "domhandler";

export type { Element };

export interface Page {
  file: string;
  html: string;
  doc: Document;
}

export function parseHtml(html: string): Document {
  return parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
}

export function readPage(dir: string, file: string): Page {
  const html = readFileSync(join(dir, file), "utf8");
  return { file, html, doc: parseHtml(html) };
}

/** Every element under `root` for which `test` holds, in document order. */
export function findAll(root: Document | Element | AnyNode[], test: (e: Element) => boolean): Element[] {
  const nodes = Array.isArray(root) ? root : root.children;
  return DomUtils.findAll(test, nodes);
}

/**
 * Elements matching a tiny selector: `tag`, `.class`, `tag.class`, `tag.class1.class2`, or
 * `tag[attr=value]`, optionally within ancestors given as an array (descendant combinator).
 * @example select(doc, "ol.activity", "li")
 */
export function select(root: Document | Element, ...selectors: string[]): Element[] {
  let scope: (Document | Element)[] = [root];
  for (const sel of selectors) {
    const test = matcher(sel);
    const found: Element[] = [];
    for (const s of scope) for (const e of findAll(s, test)) if (!found.includes(e)) found.push(e);
    scope = found;
  }
  return scope as Element[];
}

export function selectOne(root: Document | Element, ...selectors: string[]): Element {
  const found = select(root, ...selectors);
  if (found.length !== 1) throw new Error(`expected one element for ${selectors.join(" ")}, found ${found.length}`);
  return found[0]!;
}

function matcher(sel: string): (e: Element) => boolean {
  const m = /^([a-z0-9-]*)((?:\.[a-zA-Z0-9_-]+)*)(?:\[([a-z:-]+)=([^\]]*)\])?$/.exec(sel);
  if (!m) throw new Error(`unsupported selector ${sel}`);
  const [, tag, classes, attr, value] = m;
  const wanted = (classes ?? "").split(".").filter(Boolean);
  return (e) => {
    if (tag && e.name !== tag) return false;
    const have = (e.attribs.class ?? "").split(/\s+/);
    if (!wanted.every((c) => have.includes(c))) return false;
    if (attr !== undefined && e.attribs[attr] !== value) return false;
    return true;
  };
}

/** Text content with whitespace collapsed. */
export function text(node: AnyNode | AnyNode[]): string {
  return DomUtils.textContent(node).replace(/\s+/g, " ").trim();
}

/** The text of every `<script type="application/ld+json">` element, in page order. */
export function jsonLdTexts(doc: Document): string[] {
  return findAll(doc, (e) => e.name === "script" && e.attribs.type === "application/ld+json").map((e) => DomUtils.textContent(e));
}

/** Parsed JSON-LD blocks of a page. */
export function jsonLd(doc: Document): Record<string, unknown>[] {
  return jsonLdTexts(doc).map((t) => JSON.parse(t) as Record<string, unknown>);
}

/** The one JSON-LD block of a type; throws unless there is exactly one. */
export function jsonLdOfType(doc: Document, type: string): Record<string, unknown> {
  const found = jsonLd(doc).filter((b) => b["@type"] === type);
  if (found.length !== 1) throw new Error(`expected one ${type} block, found ${found.length}`);
  return found[0]!;
}

/** `<meta http-equiv="refresh">` target, or undefined. */
export function metaRefreshUrl(doc: Document): string | undefined {
  const meta = findAll(doc, (e) => e.name === "meta" && (e.attribs["http-equiv"] ?? "").toLowerCase() === "refresh")[0];
  if (!meta) return undefined;
  const m = /^\s*\d+\s*;\s*url\s*=\s*(.+)$/i.exec(meta.attribs.content ?? "");
  return m?.[1]?.trim();
}

export function canonicalHref(doc: Document): string | undefined {
  return findAll(doc, (e) => e.name === "link" && e.attribs.rel === "canonical")[0]?.attribs.href;
}

/** Every string anywhere in a JSON value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}
