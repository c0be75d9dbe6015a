/**
 * SELECT rows as TSV between the threads
 * ======================================
 * A worker answers the server's own SELECTs (the views' reads) as Oxigraph's SPARQL TSV text,
 * and the main thread reads it here into the usual JSON-term rows. At a million triples the views
 * read half a million rows at once: Oxigraph writes TSV about twice as fast as JSON, a string
 * crosses the thread boundary as one copy where parsed rows are cloned object by object (6 s for
 * 500k rows, measured), and the reader below shares one string per distinct IRI, so the views'
 * indexes do not keep a copy of an IRI per row it came in. Triple terms (RDF-star) have no
 * TSV reading here: the worker answers those as JSON rows (tsvCut's `hasTripleTerms`).
 *
 * The TSV syntax is SPARQL 1.1 Query Results TSV: terms in Turtle form, so numbers and booleans
 * may come bare (`5`, `1.5`, `true`), literals with `\t`, `\n`, `\"`, `\\`, `\uXXXX` escapes.
 */
import type { SelectResult, SparqlJsonTerm, SparqlRow } from "./engine.ts";

const XSD = "http://www.w3.org/2001/XMLSchema#";

/** The TSV text cut after `rowCap` rows, and whether it was cut (runs in the worker). */
export function tsvCut(text: string, rowCap: number): { text: string; truncated: boolean } {
  let at = text.indexOf("\n");
  for (let row = 0; at !== -1 && row < rowCap; row++) at = text.indexOf("\n", at + 1);
  if (at === -1 || at === text.length - 1) return { text, truncated: false };
  return { text: text.slice(0, at + 1), truncated: true };
}

/** True when a cell holds a triple term (`<< s p o >>`), which readTsvResults does not read. */
export function hasTripleTerms(text: string): boolean {
  // Tabs inside literals are escaped, and a literal starts with a quote: "<<" after a line start
  // or a tab can only open a triple term.
  return /(^|\t)<</m.test(text);
}

/** The rows of a SPARQL TSV answer, with one shared string per distinct IRI (shared across
 * answers when they are read with the same `iris`). */
export function readTsvResults(text: string, truncated = false, iris = new Map<string, string>()): SelectResult {
  const lineEnd = text.indexOf("\n");
  const header = lineEnd === -1 ? text : text.slice(0, lineEnd);
  const vars = header === "" ? [] : header.split("\t").map((name) => name.replace(/^[?$]/, ""));
  const rows: SparqlRow[] = [];
  let at = lineEnd === -1 ? text.length : lineEnd + 1;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const row: SparqlRow = {};
    let cellStart = at;
    for (let v = 0; v < vars.length; v++) {
      let cellEnd = v === vars.length - 1 ? end : text.indexOf("\t", cellStart);
      if (cellEnd === -1 || cellEnd > end) cellEnd = end;
      if (cellEnd > cellStart) row[vars[v]!] = readTerm(text.slice(cellStart, cellEnd), iris);
      cellStart = cellEnd + 1;
    }
    rows.push(row);
    at = end + 1;
  }
  return { vars, rows, truncated };
}

/**
 * A copy of `text` that holds no reference to the answer it was cut from. V8 makes a substring of
 * 13 characters or more a slice of its parent, so one IRI kept by an index kept the whole answer
 * alive: at a million triples the graph model held 86 MB of answers this way. Cells come from
 * Oxigraph's UTF-8 output, so the round trip through UTF-8 is exact.
 */
function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
}

function readTerm(cell: string, iris: Map<string, string>): SparqlJsonTerm {
  const first = cell.charCodeAt(0);
  if (first === 60 /* < */) {
    const raw = cell.slice(1, -1);
    let iri = iris.get(raw);
    if (iri === undefined) {
      const key = detached(raw);
      iris.set(key, (iri = unescape(key)));
    }
    return { type: "uri", value: iri };
  }
  if (first === 34 /* " */) {
    const close = closingQuote(cell);
    const body = cell.slice(1, close);
    const value = body.includes("\\") ? unescape(body) : detached(body);
    const rest = cell.slice(close + 1);
    if (rest.startsWith("@")) return { type: "literal", value, "xml:lang": detached(rest.slice(1)) };
    if (rest.startsWith("^^<")) {
      const raw = rest.slice(3, -1);
      let datatype = iris.get(raw);
      if (datatype === undefined) iris.set((datatype = detached(raw)), datatype);
      return { type: "literal", value, datatype };
    }
    return { type: "literal", value };
  }
  if (cell.startsWith("_:")) return { type: "bnode", value: cell.slice(2) };
  if (cell === "true" || cell === "false") return { type: "literal", value: cell, datatype: `${XSD}boolean` };
  if (/^[+-]?\d+$/.test(cell)) return { type: "literal", value: cell, datatype: `${XSD}integer` };
  if (/^[+-]?\d*\.\d+$/.test(cell)) return { type: "literal", value: cell, datatype: `${XSD}decimal` };
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(cell)) return { type: "literal", value: cell, datatype: `${XSD}double` };
  throw new Error(`Unreadable TSV term: ${cell.slice(0, 80)}`);
}

/** Index of the quote that closes the literal opened at 0 (skipping escaped characters). */
function closingQuote(cell: string): number {
  for (let i = 1; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) return i;
  }
  throw new Error(`Unterminated literal in TSV: ${cell.slice(0, 80)}`);
}

const ESCAPES: Record<string, string> = { t: "\t", b: "\b", n: "\n", r: "\r", f: "\f", '"': '"', "'": "'", "\\": "\\" };

function unescape(text: string): string {
  if (!text.includes("\\")) return text;
  return text.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return ESCAPES[code] ?? code;
  });
}
