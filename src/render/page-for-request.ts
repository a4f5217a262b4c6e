import { outputFileFor } from "../site/urls.js";
import type { PageJob } from "./page-jobs.js";

/** A request for one of the renderer's pages: its job, or where the same page lives with a trailing slash. */
export type RequestedPage = { job: PageJob } | { location: string };

/**
 * Which of the renderer's pages a request's URL asks for, given those pages by output file (see
 * pageJobs). A folder's URL without its trailing slash is redirected to it, as static hosts do.
 * Undefined for any other URL, or one that does not decode, has an encoded "/" in a segment, or
 * starts with "//" (in a Location header that would name another host).
 * @example pageForRequest(byFile, "/compare/apache-kafka-vs-nats/?ref=x") // { job: { kind: "pair", slug: "apache-kafka-vs-nats", … } }
 * @example pageForRequest(byFile, "/products/nats?ref=x") // { location: "/products/nats/?ref=x" }
 */
export function pageForRequest(byFile: ReadonlyMap<string, PageJob>, url: string): RequestedPage | undefined {
  let raw: string;
  let search: string;
  let pathname: string;
  try {
    ({ pathname: raw, search } = new URL(url, "http://localhost"));
    const segments = raw.split("/").map(decodeURIComponent);
    if (raw.startsWith("//") || segments.some((s) => s.includes("/"))) return undefined;
    pathname = segments.join("/");
  } catch {
    return undefined;
  }
  const job = byFile.get(outputFileFor(pathname));
  if (job) return { job };
  if (!pathname.endsWith("/") && byFile.has(outputFileFor(`${pathname}/`))) return { location: `${raw}/${search}` };
  return undefined;
}
