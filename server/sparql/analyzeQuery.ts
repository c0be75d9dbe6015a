/**
 * Query analysis
 * ==============
 * Parses a request's SPARQL with sparqljs before it reaches the store: tells the query form
 * (which decides the media types on offer), refuses updates, and turns parser failures into a
 * QuerySyntaxError with a 1-based line and column.
 */
import sparqljs from "sparqljs";
import type { QueryForm } from "./engine.ts";
import { QuerySyntaxError, ReadOnlyError } from "./errors.ts";

export interface QueryAnalysis {
  form: QueryForm;
}

interface JisonError extends Error {
  hash?: { loc?: { first_line?: number; first_column?: number } };
}

export function analyzeQuery(query: string): QueryAnalysis {
  // A fresh parser per query: sparqljs keeps prefixes between parses on one instance.
  const parser = new sparqljs.Parser({ sparqlStar: true });
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = parser.parse(query);
  } catch (error) {
    throw toSyntaxError(error as JisonError);
  }
  if (parsed.type === "update") throw new ReadOnlyError();
  return { form: parsed.queryType };
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
