/**
 * Query errors in words
 * =====================
 * The sentence the workbench shows when a query fails: a syntax error keeps the parser's line,
 * column and caret picture; a query stopped at its deadline says so and how to narrow it.
 */
import { SparqlQueryError } from "../api/client.ts";

export function describeError(error: unknown): string {
  if (error instanceof SparqlQueryError) {
    if (error.code === "QUERY_SYNTAX") return `The query is not valid SPARQL. ${error.message}`;
    if (error.code === "DEADLINE") return `The query was stopped at its deadline: ${error.message}`;
    if (error.code === "READ_ONLY") return `Only queries can be run here: ${error.message}`;
    return `The endpoint refused the query (${error.status} ${error.code}): ${error.message}`;
  }
  return `The query could not be run: ${(error as Error).message}`;
}
