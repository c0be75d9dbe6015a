/**
 * SPARQL text and rows
 * ====================
 * Small helpers the views share: writing IRIs into query text safely, and reading typed values
 * out of SPARQL JSON rows.
 */
import { SPARQL_PREFIXES } from "../rdf/namespaces.ts";
import type { QueryEngine, SelectResult, SparqlRow } from "../sparql/engine.ts";
import { CaspianError } from "../../contract/errors.ts";

export { SPARQL_PREFIXES };

// Characters the SPARQL grammar forbids inside <...>; rejecting them means no request value can
// close the IRI and inject query text.
const IRIREF_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/;

/** An IRI that cannot be written into a query; the HTTP layer answers 400 for its code. */
export class InvalidIriError extends CaspianError {
  readonly code = "BAD_REQUEST";
  constructor(iri: string) {
    super(`Not an IRI a query can name: ${JSON.stringify(iri.slice(0, 200))}. Spaces and <>"{}|^\`\\ are not allowed.`);
    this.name = "InvalidIriError";
  }
}

/** The IRI as a SPARQL IRIREF; throws InvalidIriError when it could break out of the brackets. */
export function iriRef(iri: string): string {
  if (IRIREF_FORBIDDEN.test(iri)) throw new InvalidIriError(iri);
  return `<${iri}>`;
}

/** `VALUES ?name { <a> <b> }` for a list of IRIs (UNDEF-free; an empty list matches nothing). */
export function valuesClause(variable: string, iris: Iterable<string>): string {
  return `VALUES ?${variable} { ${[...iris].map(iriRef).join(" ")} }`;
}

export function str(row: SparqlRow, name: string): string | undefined {
  return row[name]?.value;
}

/** The IRI bound to `name`, or undefined for a literal, blank node or unbound variable. */
export function iriOf(row: SparqlRow, name: string): string | undefined {
  const term = row[name];
  return term?.type === "uri" ? term.value : undefined;
}

export function int(row: SparqlRow, name: string): number | undefined {
  const value = row[name]?.value;
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

export function bool(row: SparqlRow, name: string): boolean | undefined {
  const value = row[name]?.value;
  if (value === undefined) return undefined;
  return value === "true" || value === "1";
}

/** A readable name from the IRI's last segment: "Treaty Of Turkmenchay", "treaty status". */
export function localName(iri: string): string {
  const name = iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1) || iri;
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_]+/g, " ").trim();
  // Properties are lowerCamelCase and read as lower-case words: "treatyStatus" → "treaty status".
  return (/^[a-z]/.test(words) ? words.toLowerCase() : words) || iri;
}

/** Code-point order, independent of the server's locale, so payloads sort the same everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The position of `key` in `items` sorted by `keyOf` (compareStrings), or -1. */
export function sortedIndexOf<T>(items: readonly T[], keyOf: (item: T) => string, key: string): number {
  let [low, high] = [0, items.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = compareStrings(keyOf(items[mid]!), key);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Appends `value` to the list under `key`, starting the list when there is none. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Views read whole results: the endpoint's row cap guards user queries, not these. */
export const VIEW_ROW_CAP = 5_000_000;

export function selectAll(engine: QueryEngine, query: string): Promise<SelectResult> {
  return engine.select(query, { rowCap: VIEW_ROW_CAP });
}

/** A view's queries in flight at once when it reads a store in parts: as many as there are
 * workers, so the parts never fill the request queue (which answers 503 when full). */
export const PARTS_IN_FLIGHT = 2;

/** `work` over `items`, at most `limit` at a time; the results in the items' order. */
export async function mapInParts<T, R>(items: readonly T[], work: (item: T) => Promise<R>, limit = PARTS_IN_FLIGHT): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * `?s <p> ?o` rows for each predicate, as ?s ?p ?o rows, read one predicate at a time, two at
 * once: at a million triples one answer for them all is half a million rows, and a worker's WASM
 * memory grows to its largest answer and never shrinks. `filter` is a FILTER on ?s and ?o.
 */
export async function selectByPredicate(engine: QueryEngine, predicates: readonly string[], filter: string): Promise<{ rows: SparqlRow[] }> {
  const answers = await mapInParts(predicates, async (p) => {
    const { rows } = await selectAll(engine, `SELECT ?s ?o WHERE { ?s ${iriRef(p)} ?o . FILTER(${filter}) }`);
    const predicate = { type: "uri" as const, value: p };
    for (const row of rows) row.p = predicate;
    return rows;
  });
  return { rows: answers.flat() };
}
