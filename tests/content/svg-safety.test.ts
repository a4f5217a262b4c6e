/**
 * An SVG logo is published as it is, and a reader who opens it at its own address on a host
 * without the site's Content-Security-Policy runs whatever it holds. Regression tests for the
 * ways past the old text check: a namespace prefix on <script>, UTF-16 text and an
 * entity-encoded "javascript:".
 */
import { describe, expect, it } from "vitest";
import { activeSvgContent } from "../../src/content/svg-safety.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const svg = (inner: string, attributes = ""): string => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

describe("activeSvgContent", () => {
  it.each([
    ["a script under another prefix", svg("<s:script>alert(1)</s:script>", ' xmlns:s="http://www.w3.org/2000/svg"'), "a <s:script> element"],
    ["a script in the default namespace", svg("<script>alert(1)</script>"), "a <script> element"],
    ["an entity-encoded javascript: link", svg('<a xlink:href="javascript&#58;alert(1)"><rect width="1" height="1"/></a>'), 'a link to another document (xlink:href="javascript:alert(1)")'],
    ["a javascript: link with a tab inside", svg('<a href="java&#9;script:alert(1)"><rect/></a>'), 'a link to another document (href="java\tscript:alert(1)")'],
    ["an event handler under a prefix", svg('<rect s:onclick="alert(1)"/>', ' xmlns:s="http://www.w3.org/2000/svg"'), "an event handler (s:onclick)"],
    ["an animation that sets a link", svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>'), "a <set> element"],
    ["HTML under a prefix", svg('<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="https://evil.example/"/>'), "an HTML or MathML element <h:iframe>"],
    ["HTML as the root", '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "a root element <html> that is not an SVG picture's <svg>"],
    ["an XSLT stylesheet", `<?xml-stylesheet type="text/xsl" href="x.xsl"?>${svg("")}`, "a processing instruction (<?xml-stylesheet>)"],
    ["entities declared in the DOCTYPE", `<!DOCTYPE svg [<!ENTITY x "y">]>${svg("<text>&x;</text>")}`, "entity declarations in its DOCTYPE"],
    ["a declared encoding other than UTF-8", `<?xml version="1.0" encoding="ISO-8859-1"?>${svg("")}`, "an encoding other than UTF-8 (ISO-8859-1)"],
    ["a link to another file", svg('<image href="https://tracker.example/p.png"/>'), 'a link to another document (href="https://tracker.example/p.png")'],
    ["no <svg> at all", "just text", "no <svg> element"],
    ["an <svg> without its namespace, which a browser shows as XML", "<svg><rect/></svg>", 'an <svg> without xmlns="http://www.w3.org/2000/svg"'],
  ])("finds %s", (_, text, found) => {
    expect(activeSvgContent(utf8(text))).toBe(found);
  });

  it("refuses UTF-16 text, which the browser reads and this check would not", () => {
    const text = svg("<script>alert(1)</script>");
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(activeSvgContent(bytes)).toBe("text that is not UTF-8 (save the file as UTF-8)");
  });

  it("still refuses what the parser misses but the text shows, such as a script in a comment-like run", () => {
    expect(activeSvgContent(utf8(svg("<!-- <script> -->")))).toBe("a script, embedded HTML or a javascript: address");
  });

  it("accepts what drawing programs write: a DOCTYPE without entities, editor namespaces, metadata, gradients, local and data references", () => {
    const text = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" viewBox="0 0 40 40">
  <sodipodi:namedview inkscape:zoom="4"/>
  <metadata><rdf:RDF><rdf:Description rdf:about=""/></rdf:RDF></metadata>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0f766e"/></linearGradient><path id="p" d="M0 0h40v40z"/></defs>
  <style>.a { fill: url(#g); }</style>
  <use xlink:href="#p" class="a"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="4" height="4"/>
  <text x="2" y="30">Caf&#233; &amp; co</text>
</svg>`;
    expect(activeSvgContent(utf8(`\uFEFF${text}`))).toBeUndefined();
  });
});
