/**
 * RDF of a view
 * =============
 * The triples behind what a figure draws: every statement whose subject is a drawn node or the
 * n-ary node behind a drawn edge (relationship state, third-party role, threat), without blank
 * nodes so the files are the same from run to run, sorted. client/exports/rdfFiles.ts writes them
 * as N-Triples, Turtle or JSON-LD.
 */
import { Parser, Writer, type Quad } from "n3";
import type { GraphPayload } from "../contract/api.ts";
import type { QueryEngine } from "../server/sparql/engine.ts";
import { SPARQL_PREFIXES, valuesClause } from "../server/graph/sparqlText.ts";

export async function viewQuads(engine: QueryEngine, payload: GraphPayload): Promise<Quad[]> {
  const subjects = new Set<string>(payload.nodes.map((n) => n.key));
  for (const e of payload.edges) if (e.attributes.via) subjects.add(e.attributes.via);
  if (subjects.size === 0) return [];
  const answer = await engine.serialize(
    `${SPARQL_PREFIXES}
CONSTRUCT { ?s ?p ?o } WHERE { ${valuesClause("s", subjects)} ?s ?p ?o . FILTER(!isBlank(?o)) }`,
    "CONSTRUCT",
    "application/n-triples",
  );
  const quads = new Parser({ format: "N-Triples" }).parse(answer.body);
  const lines = new Map<string, Quad>();
  const writer = new Writer({ format: "N-Triples" });
  for (const q of quads) lines.set(writer.quadToString(q.subject, q.predicate, q.object), q);
  return [...lines.keys()].sort().map((k) => lines.get(k)!);
}
