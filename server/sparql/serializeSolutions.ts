/**
 * Solution serializers
 * ====================
 * Writes SPARQL JSON results as SPARQL XML, CSV or TSV. Oxigraph serializes these itself; these
 * are for results the row cap has cut, which must be re-written after the cut. The tests hold
 * them to Oxigraph's own output for the same rows.
 */
import type { SparqlJsonTerm, SparqlRow } from "./engine.ts";
import { MEDIA } from "./mediaTypes.ts";

export interface SparqlJsonResults {
  head: { vars?: string[] };
  results?: { bindings: SparqlRow[] };
  boolean?: boolean;
}

const XSD = "http://www.w3.org/2001/XMLSchema#";

export function serializeSolutions(results: SparqlJsonResults, mediaType: string): string {
  switch (mediaType) {
    case MEDIA.resultsJson:
      return JSON.stringify(results);
    case MEDIA.resultsXml:
      return toXml(results);
    case MEDIA.csv:
      return toCsv(results);
    case MEDIA.tsv:
      return toTsv(results);
    default:
      throw new Error(`No solution serializer for ${mediaType}`);
  }
}

function toXml(results: SparqlJsonResults): string {
  const vars = results.head.vars ?? [];
  const head = `<head>${vars.map((name) => `<variable name="${xmlEscape(name)}"/>`).join("")}</head>`;
  const open = `<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">`;
  if (results.boolean !== undefined) return `${open}${head}<boolean>${results.boolean}</boolean></sparql>`;
  const rows = (results.results?.bindings ?? [])
    .map((row) => {
      const bindings = vars
        .filter((name) => row[name])
        .map((name) => `<binding name="${xmlEscape(name)}">${xmlTerm(row[name]!)}</binding>`)
        .join("");
      return `<result>${bindings}</result>`;
    })
    .join("");
  return `${open}${head}<results>${rows}</results></sparql>`;
}

function xmlTerm(term: SparqlJsonTerm): string {
  switch (term.type) {
    case "uri":
      return `<uri>${xmlEscape(term.value)}</uri>`;
    case "bnode":
      return `<bnode>${xmlEscape(term.value)}</bnode>`;
    case "literal": {
      const lang = term["xml:lang"];
      const attr = lang ? ` xml:lang="${xmlEscape(lang)}"` : term.datatype ? ` datatype="${xmlEscape(term.datatype)}"` : "";
      return `<literal${attr}>${xmlEscape(term.value)}</literal>`;
    }
    default:
      // RDF-star triple terms: carried as their N-Triples-like text, the closest safe form.
      return `<literal>${xmlEscape(tsvTerm(term))}</literal>`;
  }
}

function xmlEscape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

function toCsv(results: SparqlJsonResults): string {
  if (results.boolean !== undefined) return String(results.boolean);
  const vars = results.head.vars ?? [];
  const lines = [vars.map(csvField).join(",")];
  for (const row of results.results?.bindings ?? []) {
    lines.push(vars.map((name) => csvField(csvValue(row[name]))).join(","));
  }
  return lines.map((line) => `${line}\r\n`).join("");
}

function csvValue(term: SparqlJsonTerm | undefined): string {
  if (!term) return "";
  return term.type === "bnode" ? `_:${term.value}` : term.type === "triple" ? tsvTerm(term) : term.value;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function toTsv(results: SparqlJsonResults): string {
  if (results.boolean !== undefined) return String(results.boolean);
  const vars = results.head.vars ?? [];
  const lines = [vars.map((name) => `?${name}`).join("\t")];
  for (const row of results.results?.bindings ?? []) {
    lines.push(vars.map((name) => (row[name] ? tsvTerm(row[name]!) : "")).join("\t"));
  }
  return lines.map((line) => `${line}\n`).join("");
}

/** A term in SPARQL/Turtle syntax, numbers and booleans in their short form as Oxigraph writes them. */
function tsvTerm(term: SparqlJsonTerm): string {
  switch (term.type) {
    case "uri":
      return `<${term.value}>`;
    case "bnode":
      return `_:${term.value}`;
    case "literal":
      return literalTerm(term);
    default: {
      const triple = term.value as unknown as { subject?: SparqlJsonTerm; predicate?: SparqlJsonTerm; object?: SparqlJsonTerm };
      if (typeof triple === "object" && triple.subject && triple.predicate && triple.object) {
        return `<< ${tsvTerm(triple.subject)} ${tsvTerm(triple.predicate)} ${tsvTerm(triple.object)} >>`;
      }
      return JSON.stringify(term.value);
    }
  }
}

function literalTerm(term: SparqlJsonTerm): string {
  const value = term.value;
  const datatype = term.datatype;
  if (datatype === `${XSD}integer` && /^[+-]?\d+$/.test(value)) return value;
  if (datatype === `${XSD}decimal` && /^[+-]?\d*\.\d+$/.test(value)) return value;
  if (datatype === `${XSD}double` && /^[+-]?(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+$/.test(value)) return value;
  if (datatype === `${XSD}boolean` && (value === "true" || value === "false")) return value;
  const quoted = `"${value.replace(/[\\"\n\r\t]/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!)}"`;
  if (term["xml:lang"]) return `${quoted}@${term["xml:lang"]}`;
  if (datatype && datatype !== `${XSD}string`) return `${quoted}^^<${datatype}>`;
  return quoted;
}
