/**
 * Sources of a view
 * =================
 * What backs each drawn edge: its claims' evidence (quote and in-text citation) for edges.csv,
 * and the works that evidence cites, plus the article itself, as the records of the BibTeX file
 * (client/exports/cslRecords.ts reads them).
 */
import type { GraphPayload } from "../contract/api.ts";
import type { QueryEngine } from "../server/sparql/engine.ts";
import { readGraphModel } from "../server/graph/graphModel.ts";
import { evidenceFor } from "../server/graph/evidence.ts";
import { SPARQL_PREFIXES, selectAll, valuesClause } from "../server/graph/sparqlText.ts";
import { NS } from "../server/rdf/namespaces.ts";
import { readBibliography, type Bibliography } from "../client/exports/cslRecords.ts";

export const ARTICLE_IRI = `${NS.cd}KaramiArticle`;

async function claimsByEdge(engine: QueryEngine, payload: GraphPayload): Promise<Map<string, string[]>> {
  const model = await readGraphModel(engine);
  const byKey = new Map(model.edges.map((e) => [e.key, e.claims]));
  return new Map(payload.edges.map((e) => [e.key, byKey.get(e.key) ?? []]));
}

/** Each edge's evidence as `"quote" (citation)` lines. */
export async function edgeEvidence(engine: QueryEngine, payload: GraphPayload): Promise<Map<string, string[]>> {
  const claims = await claimsByEdge(engine, payload);
  const evidence = await evidenceFor(engine, [...claims.values()].flat());
  const out = new Map<string, string[]>();
  for (const [edge, list] of claims) {
    const lines = new Set<string>();
    for (const claim of list) {
      for (const ev of evidence.get(claim) ?? []) {
        const cite = ev.citationText ? ` (${ev.citationText})` : "";
        lines.add(`"${ev.quote}"${cite}`);
      }
    }
    out.set(edge, [...lines].sort());
  }
  return out;
}

/** The article and every work cited by the evidence behind the view's edges. */
export async function viewSources(engine: QueryEngine, payload: GraphPayload): Promise<Bibliography> {
  const claims = [...new Set([...(await claimsByEdge(engine, payload)).values()].flat())];
  const cited = new Set<string>();
  if (claims.length > 0) {
    const { rows } = await selectAll(engine, `${SPARQL_PREFIXES}
SELECT DISTINCT ?src WHERE { ${valuesClause("claim", claims)} { ?claim cas:evidence ?ev } UNION { ?claim a cas:Evidence . BIND(?claim AS ?ev) } ?ev cas:cites ?src . FILTER(isIRI(?src)) }`);
    for (const row of rows) cited.add(row.src!.value);
  }
  return readBibliography(engine, [ARTICLE_IRI, ...[...cited].sort()]);
}
