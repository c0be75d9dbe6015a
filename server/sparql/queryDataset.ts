/**
 * A query's dataset
 * =================
 * Which graphs a request queries, by the SPARQL 1.1 Protocol and Query rules: once either
 * protocol parameter (default-graph-uri, named-graph-uri) is given, the dataset is exactly what
 * they name; else the query's own FROM / FROM NAMED is (§13.2: FROM alone leaves no named
 * graphs, FROM NAMED alone an empty default graph); else the store's own, whose default graph is
 * the union of all graphs on this server. The endpoint and the conformance runner both ask here,
 * so the W3C dataset tests check what the server does.
 */
import type { QueryAnalysis } from "./analyzeQuery.ts";

/** undefined = the store's own; [] = none (an empty default graph, no named graphs). */
export interface QueryGraphs {
  defaultGraphs?: string[];
  namedGraphs?: string[];
  /** The engine reads the query's own FROM / FROM NAMED itself (no union default graph for it). */
  ownDataset?: boolean;
}

export function queryDataset(
  analysis: Pick<QueryAnalysis, "dataset" | "parsedBy">,
  protocol: { defaultGraphs: string[]; namedGraphs: string[] } = { defaultGraphs: [], namedGraphs: [] },
  query?: string,
): QueryGraphs {
  if (protocol.defaultGraphs.length > 0 || protocol.namedGraphs.length > 0) return { defaultGraphs: protocol.defaultGraphs, namedGraphs: protocol.namedGraphs };
  if (analysis.dataset) return analysis.dataset;
  // sparqljs could not read the query (analyzeQuery.ts lets Oxigraph judge it), so its FROM is
  // unknown here; left to the union default graph it would be ignored. The engine reads it instead.
  if (analysis.parsedBy === "keyword" && query !== undefined && namesDataset(query)) return { ownDataset: true };
  return {};
}

/** Strings, IRIs and comments: where the word FROM means nothing. */
const INERT = /"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|#[^\n]*/g;
/** The keyword, not a variable (?from), a prefixed name (ex:from, from:x) or part of a word. */
const FROM_KEYWORD = /(?<![?$\w:.-])FROM(?![\w:.-])/i;

/** Whether a query's text has a FROM or FROM NAMED clause (read lexically, for queries sparqljs cannot parse). */
export function namesDataset(query: string): boolean {
  return FROM_KEYWORD.test(query.replace(INERT, " "));
}
