/**
 * CSL-JSON
 * ========
 * The sources behind a view as CSL-JSON, the records themselves (cslRecords.ts): Zotero imports
 * it, pandoc and citeproc format it in any citation style. Works cited only in the text have no
 * record and are not items (a CSL-JSON file has no place for a comment; the BibTeX header names them).
 */
import type { Bibliography } from "./cslRecords.ts";

export function toCslJson(bibliography: Bibliography): string {
  return JSON.stringify(bibliography.items, null, 2) + "\n";
}
