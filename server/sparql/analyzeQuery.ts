/**
 * Query analysis
 * ==============
 * Tells a request's query form before it reaches the store (the form decides the media types on
 * offer) and refuses updates. sparqljs reads the query first; when it cannot, the store is the
 * judge, not sparqljs: sparqljs refuses some valid SPARQL (`\u` escapes in IRIs, a bare `[ p o ]`
 * CONSTRUCT template), so the form is then read from the first keyword after the prologue and the
 * query goes on to Oxigraph, whose own syntax errors carry a line and column too.
 */
import sparqljs from "sparqljs";
import type { QueryForm } from "./engine.ts";
import { QuerySyntaxError, ReadOnlyError } from "./errors.ts";

export interface QueryAnalysis {
  form: QueryForm;
  /**
   * "sparqljs" when sparqljs parsed the query; "keyword" when it could not and the form was read
   * from the keyword after the prologue, so the store alone decides whether it is SPARQL.
   */
  parsedBy: "sparqljs" | "keyword";
  /**
   * sparqljs's own error when it could not parse the query. Should the store refuse the query
   * as well, this is the error to show (see `preferParserError`): it names the same position
   * and lists what was expected, as it always has.
   */
  parserError?: QuerySyntaxError;
  /** The query's own FROM / FROM NAMED IRIs, when it has any (and sparqljs could read it). */
  dataset?: { defaultGraphs: string[]; namedGraphs: string[] };
}

interface JisonError extends Error {
  hash?: { loc?: { first_line?: number; first_column?: number } };
}

const QUERY_FORMS = new Set<QueryForm>(["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]);
/** Every keyword an update request can open with (SPARQL 1.1 Update, after the prologue). */
const UPDATE_KEYWORDS = new Set(["INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"]);

export function analyzeQuery(query: string): QueryAnalysis {
  // A fresh parser per query: sparqljs keeps prefixes between parses on one instance.
  const parser = new sparqljs.Parser({ sparqlStar: true });
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = parser.parse(query);
  } catch (error) {
    const keyword = firstKeyword(query);
    // An update must never run, whoever parses it: Oxigraph's query() would refuse it too, but
    // a 403 says why.
    if (keyword && UPDATE_KEYWORDS.has(keyword)) throw new ReadOnlyError();
    const parserError = toSyntaxError(error as JisonError);
    if (keyword && QUERY_FORMS.has(keyword as QueryForm)) return { form: keyword as QueryForm, parsedBy: "keyword", parserError };
    throw parserError;
  }
  if (parsed.type === "update") throw new ReadOnlyError();
  const from = parsed.from;
  const dataset = from && (from.default.length > 0 || from.named.length > 0) ? { defaultGraphs: from.default.map((iri) => iri.value), namedGraphs: from.named.map((iri) => iri.value) } : undefined;
  return { form: parsed.queryType, parsedBy: "sparqljs", ...(dataset ? { dataset } : {}) };
}

/**
 * Runs a query the analysis let through; if sparqljs had refused it and the store refuses it too,
 * the query is not SPARQL and sparqljs's error is the one reported.
 */
export async function preferParserError<T>(analysis: QueryAnalysis, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (analysis.parserError && (error as { code?: string }).code === "QUERY_SYNTAX") throw analysis.parserError;
    throw error;
  }
}

/**
 * The first keyword after the prologue (BASE and PREFIX declarations, comments, white space),
 * upper-cased, or undefined when the text does not open like a query or an update. SPARQL
 * resolves `\u` escapes before parsing, so they are resolved here too.
 */
export function firstKeyword(query: string): string | undefined {
  let rest = unescapeCodepoints(query);
  const prologue = /^(?:\s+|#[^\n\r]*|BASE\s*<[^<>"{}|^`\\\s]*>|PREFIX\s+[^\s:]*:\s*<[^<>"{}|^`\\\s]*>)/i;
  for (let match = prologue.exec(rest); match && match[0] !== ""; match = prologue.exec(rest)) rest = rest.slice(match[0].length);
  return /^[A-Za-z]+/.exec(rest)?.[0].toUpperCase();
}

function unescapeCodepoints(text: string): string {
  return text.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})/g, (whole, short?: string, long?: string) => {
    const code = Number.parseInt(short ?? long!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function toSyntaxError(error: JisonError): QuerySyntaxError {
  const loc = error.hash?.loc;
  // Jison's message opens with "Parse error on line N:" and a caret picture; keep the picture
  // (it shows where) and the expectation, without the repeated line number.
  const detail = compact(error.message.replace(/^Parse error on line \d+:\n/, "").trim());
  const line = loc?.first_line;
  const column = loc?.first_column === undefined ? undefined : loc.first_column + 1;
  return new QuerySyntaxError(detail || "Invalid SPARQL query", line, column);
}

/** Jison lists every token it would take; past a handful that buries the point, so name a few. */
function compact(detail: string): string {
  return detail.replace(/Expecting ((?:'[^']*'(?:, )?)+), got ('[^']*')/, (_whole, expected: string, got: string) => {
    const tokens = expected.split(", ");
    const shown = tokens.length > 6 ? `${tokens.slice(0, 6).join(", ")} (or ${tokens.length - 6} more)` : tokens.join(", ");
    return `Unexpected ${got}; expected ${shown}`;
  });
}

/** Kept here too for callers that parse queries and read Oxigraph errors side by side. */
export { fromOxigraphMessage } from "./errors.ts";
