/**
 * Query guards
 * ============
 * Checks a request's query text before any parser sees it: federation (SERVICE) is refused, so
 * the endpoint can never be used to reach another host, and a query nested deeper than any
 * person writes is refused before a recursive parser (sparqljs, or Oxigraph's in WASM) can run
 * out of stack on it. Both read the text with strings, IRIs and comments blanked out.
 */
import { QueryUnsupportedError } from "./errors.ts";

/** Deepest nesting of (), {} and [] accepted; hand-written queries stay far below. */
export const MAX_NESTING = 256;
/**
 * Most groups and operators (OPTIONAL, UNION, MINUS, FILTER, `{`, `[`, `|`, `/`, `||`, `&&`, `!`)
 * in one query. Oxigraph builds a left-deep tree of them and walks it recursively: past about
 * a thousand its WASM stack overflows into the store's memory (measured with OPTIONAL chains).
 */
export const MAX_OPERATORS = 500;

export class QueryTooDeepError extends QueryUnsupportedError {
  constructor(readonly depth: number, readonly line: number, readonly column: number) {
    super(`Line ${line}, column ${column}: the query is too deeply nested (more than ${MAX_NESTING} levels of brackets). Flatten it.`);
    this.name = "QueryTooDeepError";
  }
}

export class QueryTooComplexError extends QueryUnsupportedError {
  constructor(readonly operators: number) {
    super(`The query is too complex: ${operators} groups and operators (OPTIONAL, UNION, FILTER, {, |, /, &&, ||, !...), at most ${MAX_OPERATORS}. Split it.`);
    this.name = "QueryTooComplexError";
  }
}

export class FederationDisabledError extends QueryUnsupportedError {
  constructor(readonly line: number, readonly column: number) {
    super(`Line ${line}, column ${column}: SERVICE (federated query) is disabled on this endpoint, so it never calls other hosts. Query the other endpoint directly.`);
    this.name = "FederationDisabledError";
  }
}

/** Throws FederationDisabledError, QueryTooDeepError or QueryTooComplexError; quiet otherwise. */
export function guardQuery(query: string): void {
  const code = blankOutLiterals(query);
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const char = code[i];
    if (char === "(" || char === "{" || char === "[") {
      depth++;
      if (depth > MAX_NESTING) throw new QueryTooDeepError(depth, ...position(query, i));
    } else if (char === ")" || char === "}" || char === "]") {
      depth = Math.max(0, depth - 1);
    }
  }
  // SERVICE as a keyword: not part of a prefixed name (ex:SERVICE) or a variable (?service).
  const service = /(^|[^\w:?$-])SERVICE(?=\s*(?:SILENT\b|<|\?|\$|[A-Za-z_][\w.-]*:|:))/gi.exec(code);
  if (service) throw new FederationDisabledError(...position(query, service.index + service[1]!.length));
  const operators = code.match(/\b(?:OPTIONAL|UNION|MINUS|FILTER)\b|[{[|/!]|&&/gi)?.length ?? 0;
  if (operators > MAX_OPERATORS) throw new QueryTooComplexError(operators);
}

/** The text with string literals, IRIs and comments blanked to spaces (same length, same lines). */
function blankOutLiterals(query: string): string {
  // An IRI keeps its opening "<", which is what tells `SERVICE <...>` apart.
  const blank = (match: string) => (match[0] === "<" ? "<" : " ") + match.slice(1).replace(/[^\n]/g, " ");
  return query.replace(/"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*/g, blank);
}

function position(text: string, index: number): [number, number] {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return [line, index - before.lastIndexOf("\n")];
}
