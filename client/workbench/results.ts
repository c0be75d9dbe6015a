/**
 * Query results
 * =============
 * SPARQL 1.1 JSON results read into what the workbench shows: a SELECT's columns and rows or an
 * ASK's yes/no; which columns hold only IRIs (a SELECT viewable as a graph); sorting rows the way a
 * reader expects (numbers as numbers, unbound last); and the one VALUES query that fetches labels
 * for every IRI in an answer. No DOM here, so all of it is tested in node.
 */
import { CaspianError } from "../../contract/errors.ts";

export interface Term {
  type: "uri" | "literal" | "bnode" | "triple";
  value: string;
  datatype?: string;
  "xml:lang"?: string;
}

export type Row = Record<string, Term | undefined>;

export type SolutionResult = { form: "select"; vars: string[]; rows: Row[] } | { form: "ask"; value: boolean };

export class ResultsFormatError extends CaspianError {
  readonly code = "RESULTS_FORMAT";
  constructor(message: string) {
    super(message);
    this.name = "ResultsFormatError";
  }
}

export function parseSolutions(text: string): SolutionResult {
  let body: { head?: { vars?: string[] }; results?: { bindings?: Row[] }; boolean?: boolean };
  try {
    body = JSON.parse(text);
  } catch {
    throw new ResultsFormatError("The endpoint's answer is not SPARQL JSON results.");
  }
  if (typeof body.boolean === "boolean") return { form: "ask", value: body.boolean };
  if (!body.results || !Array.isArray(body.results.bindings)) throw new ResultsFormatError("The endpoint's answer has no results.bindings.");
  return { form: "select", vars: body.head?.vars ?? [], rows: body.results.bindings };
}

/** Columns bound to an IRI in every row that binds them (and in at least one row). */
export function iriColumns(vars: readonly string[], rows: readonly Row[]): string[] {
  return vars.filter((v) => {
    let seen = false;
    for (const row of rows) {
      const term = row[v];
      if (!term) continue;
      if (term.type !== "uri") return false;
      seen = true;
    }
    return seen;
  });
}

/** Every distinct IRI an answer binds, in first-seen order. */
export function irisIn(rows: readonly Row[]): string[] {
  const found = new Set<string>();
  for (const row of rows) for (const term of Object.values(row)) if (term?.type === "uri") found.add(term.value);
  return [...found];
}

const NUMERIC = /#(integer|decimal|double|float|int|long|short|gYear|nonNegativeInteger|positiveInteger|negativeInteger|nonPositiveInteger)$/;

/**
 * Sorts by one column: numbers by value, then text (labels when given) in the reader's locale;
 * rows without a value go last whichever the direction, as spreadsheets do.
 */
export function sortRows(rows: readonly Row[], column: string, direction: "asc" | "desc", labels: ReadonlyMap<string, string> = new Map()): Row[] {
  const sign = direction === "asc" ? 1 : -1;
  const text = (t: Term) => (t.type === "uri" ? labels.get(t.value) ?? t.value : t.value);
  return [...rows].sort((ra, rb) => {
    const a = ra[column];
    const b = rb[column];
    if (!a || !b) return a ? -1 : b ? 1 : 0;
    const na = a.datatype && NUMERIC.test(a.datatype) ? Number(a.value) : NaN;
    const nb = b.datatype && NUMERIC.test(b.datatype) ? Number(b.value) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return sign * (na - nb);
    return sign * text(a).localeCompare(text(b), undefined, { numeric: true, sensitivity: "base" });
  });
}

/** One query for the labels of many IRIs (the answer's ?iri ?label rows fill a map). */
export function labelsQuery(iris: readonly string[]): string {
  const values = iris.map((iri) => `<${iri}>`).join(" ");
  return `SELECT ?iri (SAMPLE(?l) AS ?label) WHERE {
  VALUES ?iri { ${values} }
  ?iri <http://www.w3.org/2000/01/rdf-schema#label> ?l .
} GROUP BY ?iri`;
}

/** The label map from a labelsQuery answer. */
export function labelsFrom(result: SolutionResult): Map<string, string> {
  const labels = new Map<string, string>();
  if (result.form !== "select") return labels;
  for (const row of result.rows) if (row.iri?.type === "uri" && row.label) labels.set(row.iri.value, row.label.value);
  return labels;
}

/** What a reader sees in a cell: the label for an IRI when known, a literal's text otherwise. */
export function termText(term: Term | undefined, labels: ReadonlyMap<string, string>): string {
  if (!term) return "";
  if (term.type === "uri") return labels.get(term.value) ?? localName(term.value);
  if (term.type === "bnode") return `_:${term.value}`;
  return term.value;
}

export function localName(iri: string): string {
  const match = /[#/]([^#/]+)$/.exec(iri);
  return match ? decodeURIComponent(match[1]!) : iri;
}
