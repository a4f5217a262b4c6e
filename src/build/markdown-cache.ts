import path from "node:path";
import { codeVersion } from "../../bin/bundle-cache.js";
import type { MarkdownMemo } from "../site/markdown.js";
import { readCacheFile, writeCacheFile } from "./cache-file.js";
import { digest } from "./digest.js";

/**
 * Block markdown rendered by earlier builds of a site root, by a digest of its text and
 * options, in `<root>/.versus-cache/markdown.bin` for this version of the code. Rendering the
 * bodies of 600 products took about a tenth of every build's second; an edit changes one or
 * two. Saving keeps only what this build used, so the file holds the site as it is.
 * @example const markdown = MarkdownCache.open(root); const model = buildSiteModel(content, { …, markdown }); markdown.save();
 */
export class MarkdownCache implements MarkdownMemo {
  private readonly used = new Map<string, string>();
  private added = false;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly stored: ReadonlyMap<string, string>,
  ) {}

  static open(root: string, version: string = codeVersion()): MarkdownCache {
    const file = path.join(root, ".versus-cache", "markdown.bin");
    return new MarkdownCache(file, version, readCacheFile<string>(file, version));
  }

  html(key: string, render: () => string): string {
    const id = digest(key);
    let html = this.used.get(id) ?? this.stored.get(id);
    if (html === undefined) {
      html = render();
      this.added = true;
    }
    this.used.set(id, html);
    return html;
  }

  /** Writes what this build used, unless that is exactly what the file holds. */
  save(): void {
    if (!this.added && this.used.size === this.stored.size) return;
    writeCacheFile(this.file, this.version, this.used);
  }
}
