import path from "node:path";
import { RecordCache } from "../content/parse/record-cache.js";
import { renderFingerprint } from "./digest.js";

/**
 * The record cache of a site root: `<root>/.versus-cache/records.bin`, valid for this version of
 * the code (`fingerprint`, computed when not given).
 * @example await loadRoot(root, { recordCache: openRecordCache(root) }) // and saved for the next run
 */
export function openRecordCache(root: string, fingerprint = renderFingerprint()): RecordCache {
  return RecordCache.open(path.join(root, ".versus-cache", "records.bin"), fingerprint);
}
