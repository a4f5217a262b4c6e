import { Parser } from "htmlparser2";
import { decodeUtf8 } from "./parse/text-file.js";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Namespaces whose elements a browser makes live (HTML can hold scripts, frames and forms). */
const LIVE_NAMESPACES = new Set(["http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML"]);
/**
 * SVG elements that run or inject code: scripts, embedded HTML, and animations, which can set
 * an `href` to a `javascript:` address after any check of the file's own attributes.
 */
const ACTIVE_SVG_ELEMENTS = new Set(["script", "foreignobject", "animate", "animatemotion", "animatetransform", "set", "handler", "listener"]);
/** Link attributes may point into the picture itself, or hold a raster image. */
const SAFE_REFERENCE = /^(?:#|data:image\/(?:png|jpeg|gif|webp);)/i;
/**
 * A second look at the raw text, whatever the parser made of it: a sanitizer that reads markup
 * differently from the browser is the classic way past it.
 */
const ACTIVE_TEXT = /<(?:[\w.-]+:)?(?:script|foreignObject|iframe|embed|object)\b|javascript:/i;

/**
 * What in an SVG file would be live when a reader opens it at its own address (an `<img>`
 * never runs it, but a host that ignores the site's Content-Security-Policy, such as GitHub
 * Pages, serves the file as a document of the site), or undefined for a plain picture.
 * Checked on the markup as a browser's XML parser sees it: entities decoded, namespace
 * prefixes resolved, and text that is not UTF-8 refused rather than guessed at.
 * @example activeSvgContent(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><s:script xmlns:s='http://www.w3.org/2000/svg'/></svg>")) // "a <s:script> element"
 * @example activeSvgContent(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><rect width='4' height='4'/></svg>")) // undefined
 */
export function activeSvgContent(bytes: Uint8Array): string | undefined {
  // A UTF-16 file fails here: its byte order mark is not UTF-8.
  const text = decodeUtf8(bytes);
  if (text === undefined) return "text that is not UTF-8 (save the file as UTF-8)";
  let found: string | undefined;
  let rootSeen = false;
  const scopes: Map<string, string>[] = [new Map()];
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        const kind = name.toLowerCase();
        if (kind === "?xml") {
          const encoding = /encoding\s*=\s*["']([^"']*)["']/i.exec(data)?.[1];
          if (encoding !== undefined && !/^(?:utf-8|us-ascii)$/i.test(encoding)) found ??= `an encoding other than UTF-8 (${encoding})`;
        } else if (kind === "!doctype") {
          // Entities declared here are expanded by the browser into markup this check never sees.
          if (data.includes("[")) found ??= "entity declarations in its DOCTYPE";
        } else {
          // <?xml-stylesheet?> can bring an XSLT stylesheet, which writes a page of its own.
          found ??= `a processing instruction (<${name}>)`;
        }
      },
      onopentag(name, attributes) {
        const scope = new Map(scopes[scopes.length - 1]);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute === "xmlns") scope.set("", value);
          else if (attribute.startsWith("xmlns:")) scope.set(attribute.slice(6), value);
        }
        scopes.push(scope);
        const colon = name.indexOf(":");
        const local = colon === -1 ? name : name.slice(colon + 1);
        const namespace = scope.get(colon === -1 ? "" : name.slice(0, colon));
        if (!rootSeen) {
          rootSeen = true;
          // Without the namespace a browser shows the file as XML, not as a picture.
          if (local === "svg" && namespace === undefined) found ??= `an <svg> without xmlns="${SVG_NS}"`;
          else if (namespace !== SVG_NS || local !== "svg") found ??= `a root element <${name}> that is not an SVG picture's <svg>`;
        }
        if (namespace !== undefined && LIVE_NAMESPACES.has(namespace)) found ??= `an HTML or MathML element <${name}>`;
        else if (namespace === SVG_NS && ACTIVE_SVG_ELEMENTS.has(local.toLowerCase())) found ??= `a <${name}> element`;
        for (const [attribute, value] of Object.entries(attributes)) {
          const attributeLocal = attribute.slice(attribute.indexOf(":") + 1).toLowerCase();
          if (attributeLocal.startsWith("on")) found ??= `an event handler (${attribute})`;
          // Browsers drop whitespace and control characters inside an address before reading it.
          else if (attributeLocal === "href" && !SAFE_REFERENCE.test(value.replace(/[\u0000-\u0020]/g, ""))) found ??= `a link to another document (${attribute}="${value.slice(0, 40)}")`;
        }
      },
      onclosetag() {
        scopes.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  if (!rootSeen) found ??= "no <svg> element";
  if (found === undefined && ACTIVE_TEXT.test(text)) found = "a script, embedded HTML or a javascript: address";
  return found;
}
