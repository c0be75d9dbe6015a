/**
 * Solution serializers
 * ====================
 * Writes SPARQL JSON results as SPARQL JSON, XML, CSV or TSV, whole or a piece at a time (a
 * streamed answer is written row by row, and cut rows must be re-written anyway). The tests hold
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

/**
 * A solution format written piece by piece, so an answer can go out in chunks: `head`, then one
 * `row` per solution (`separator` between two), then `tail`. `note` says why an answer was cut,
 * in the format's own syntax, where the format has room for one (JSON a member, XML a comment
 * after the root); CSV and TSV have none: any line would read as a row.
 */
export interface SolutionWriter {
  head: string;
  separator: string;
  row(row: SparqlRow): string;
  tail(note?: string): string;
}

type WriterFactory = (vars: string[]) => SolutionWriter;

const WRITERS: Record<string, WriterFactory> = {
  [MEDIA.resultsJson]: (vars) => ({
    head: `{"head":{"vars":${JSON.stringify(vars)}},"results":{"bindings":[`,
    separator: ",",
    row: (row) => JSON.stringify(row),
    tail: (note) => (note === undefined ? "]}}" : `]},${JSON.stringify(TRUNCATION_MEMBER)}:${JSON.stringify(note)}}`),
  }),
  [MEDIA.resultsXml]: (vars) => ({
    head: `${XML_OPEN}<head>${vars.map((name) => `<variable name="${xmlEscape(name)}"/>`).join("")}</head><results>`,
    separator: "",
    row: (row) => wellFormedXml(xmlRow(vars, row)),
    tail: (note) => `</results></sparql>${note === undefined ? "" : `<!-- ${TRUNCATION_MEMBER}: ${note.replace(/--/g, "- -")} -->`}`,
  }),
  [MEDIA.csv]: (vars) => ({
    head: `${vars.map(csvField).join(",")}\r\n`,
    separator: "",
    row: (row) => `${vars.map((name) => csvField(csvValue(row[name]))).join(",")}\r\n`,
    tail: () => "",
  }),
  [MEDIA.tsv]: (vars) => ({
    head: `${vars.map((name) => `?${name}`).join("\t")}\n`,
    separator: "",
    row: (row) => `${vars.map((name) => (row[name] ? tsvTerm(row[name]!) : "")).join("\t")}\n`,
    tail: () => "",
  }),
};

/** The name an answer's truncation goes by: the HTTP header and trailer, and the in-band note. */
export const TRUNCATION_MEMBER = "Caspian-Truncated";

const XML_OPEN = `<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">`;

export function solutionWriter(mediaType: string, vars: string[]): SolutionWriter {
  const factory = WRITERS[mediaType];
  if (!factory) throw new Error(`No solution serializer for ${mediaType}`);
  return factory(vars);
}

export function serializeSolutions(results: SparqlJsonResults, mediaType: string): string {
  if (results.boolean !== undefined) return serializeBoolean(results, mediaType);
  const writer = solutionWriter(mediaType, results.head.vars ?? []);
  return `${writer.head}${(results.results?.bindings ?? []).map((row) => writer.row(row)).join(writer.separator)}${writer.tail()}`;
}

function serializeBoolean(results: SparqlJsonResults, mediaType: string): string {
  switch (mediaType) {
    case MEDIA.resultsJson:
      return JSON.stringify(results);
    case MEDIA.resultsXml:
      return `${XML_OPEN}<head></head><boolean>${results.boolean}</boolean></sparql>`;
    case MEDIA.csv:
    case MEDIA.tsv:
      return String(results.boolean);
    default:
      throw new Error(`No solution serializer for ${mediaType}`);
  }
}

function xmlRow(vars: string[], row: SparqlRow): string {
  const bindings = vars
    .filter((name) => row[name])
    .map((name) => `<binding name="${xmlEscape(name)}">${xmlTerm(row[name]!)}</binding>`)
    .join("");
  return `<result>${bindings}</result>`;
}

/**
 * XML 1.0 cannot carry U+0000–U+001F (but tab, newline, return), U+FFFE/U+FFFF or a lone
 * surrogate at all, not even as a character reference, yet an RDF literal may hold them: each
 * becomes U+FFFD, so every XML answer parses. JSON, CSV and TSV answers keep them exactly.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormedXml(text: string): string {
  return text.replace(NOT_XML, "\uFFFD");
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

function csvValue(term: SparqlJsonTerm | undefined): string {
  if (!term) return "";
  return term.type === "bnode" ? `_:${term.value}` : term.type === "triple" ? tsvTerm(term) : term.value;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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
