/**
 * The runtime fast paths must give exactly what Nunjucks 3.2.4's own escape and memberLookup
 * give: the originals are kept before installing and compared value for value.
 */
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { installRuntimeFastPaths } from "../../src/render/runtime-fast-paths.js";

type Lookup = (obj: unknown, key: string | number) => unknown;
const lib = nunjucks.lib as unknown as { escape(text: string): string };
const runtime = nunjucks.runtime as unknown as { memberLookup: Lookup };
const originalEscape = lib.escape;
const originalLookup = runtime.memberLookup;
installRuntimeFastPaths();

describe("installRuntimeFastPaths", () => {
  it("replaces both helpers once, however often it is called", () => {
    expect(lib.escape).not.toBe(originalEscape);
    expect(runtime.memberLookup).not.toBe(originalLookup);
    const [escape, lookup] = [lib.escape, runtime.memberLookup];
    installRuntimeFastPaths();
    expect([lib.escape, runtime.memberLookup]).toEqual([escape, lookup]);
  });

  it("escapes every string as Nunjucks does, the backslash included", () => {
    const samples = ["", "Apache Kafka", "AT&T", `"quoted" 'single'`, "<script>", "a > b", "C:\\path", "&amp; again", "café ⇄ 😀", "\ud800 lone", "&<>\"'\\"];
    for (const s of samples) expect(lib.escape(s), s).toBe(originalEscape(s));
    expect(lib.escape(`<a href="x">Tom's \\ & co</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &#92; &amp; co&lt;/a&gt;");
  });

  it("returns the string itself when there is nothing to escape", () => {
    const text = ["Product", "578"].join(" ");
    expect(lib.escape(text)).toBe(text);
  });

  it("looks members up as Nunjucks does: values, missing keys, null and undefined objects", () => {
    const obj = { name: "Kafka", n: 0, empty: "", nothing: null, list: [1, 2] };
    for (const key of ["name", "n", "empty", "nothing", "missing", "list"]) expect(runtime.memberLookup(obj, key), key).toBe(originalLookup(obj, key));
    expect(runtime.memberLookup([10, 20], 1)).toBe(20);
    expect(runtime.memberLookup(null, "x")).toBeUndefined();
    expect(runtime.memberLookup(undefined, "x")).toBeUndefined();
    expect(runtime.memberLookup("abc", "length")).toBe(3);
  });

  it("calls a method on its own object", () => {
    const counter = { n: 1, next() { return ++this.n; } };
    const next = runtime.memberLookup(counter, "next") as () => number;
    expect(next()).toBe(2);
    expect(counter.n).toBe(2);
  });

  it("renders templates with escaping and method calls the same", () => {
    const env = new nunjucks.Environment(null, { autoescape: true });
    const html = env.renderString(`{{ title }} {{ items.join(", ") }} {{ page.tags | join("/") }} {{ page.missing }}|{{ raw | safe }}`, {
      title: `Tom & "Jerry" <3`,
      items: ["a<b", "c"],
      page: { tags: ["x", "y&z"] },
      raw: "<b>ok</b>",
    });
    expect(html).toBe("Tom &amp; &quot;Jerry&quot; &lt;3 a&lt;b, c x/y&amp;z |<b>ok</b>");
  });
});
