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
}

export function queryDataset(analysis: Pick<QueryAnalysis, "dataset">, protocol: { defaultGraphs: string[]; namedGraphs: string[] } = { defaultGraphs: [], namedGraphs: [] }): QueryGraphs {
  if (protocol.defaultGraphs.length > 0 || protocol.namedGraphs.length > 0) return { defaultGraphs: protocol.defaultGraphs, namedGraphs: protocol.namedGraphs };
  return analysis.dataset ?? {};
}
