/**
 * RDF of a view
 * =============
 * The triples behind what a figure draws: every statement whose subject is a drawn node or the
 * n-ary node behind a drawn edge (relationship state, third-party role, threat), without blank
 * nodes so the files are the same from run to run. Written sorted, as N-Triples, Turtle (n3's
 * Writer with the project's prefixes) or flat JSON-LD (one object per subject, full IRIs).
 */
import { Parser, Writer, type Quad } from "n3";
import type { GraphPayload } from "../contract/api.ts";
import type { QueryEngine } from "../server/sparql/engine.ts";
import { SPARQL_PREFIXES, valuesClause } from "../server/graph/sparqlText.ts";
import { NS } from "../server/rdf/namespaces.ts";

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

export function toNTriples(quads: Quad[]): string {
  return new Writer({ format: "N-Triples" }).quadsToString(quads);
}

export function toTurtle(quads: Quad[], header?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const writer = new Writer({ format: "Turtle", prefixes: { ...NS } });
    writer.addQuads(quads);
    writer.end((error, result: string) =>
      error ? reject(error) : resolve((header ? header.split("\n").map((l) => `# ${l}`).join("\n") + "\n" : "") + result),
    );
  });
}

export function toJsonLd(quads: Quad[]): string {
  const subjects = new Map<string, Record<string, unknown[]>>();
  for (const q of quads) {
    const s = q.subject.value;
    const node = subjects.get(s) ?? {};
    subjects.set(s, node);
    const p = q.predicate.value;
    const o = q.object;
    let value: Record<string, string>;
    if (o.termType === "NamedNode") value = { "@id": o.value };
    else if (o.termType === "Literal") {
      value = { "@value": o.value };
      if (o.language) value["@language"] = o.language;
      else if (o.datatype.value !== `${NS.xsd}string`) value["@type"] = o.datatype.value;
    } else continue;
    if (p === `${NS.rdf}type` && o.termType === "NamedNode") (node["@type"] ??= []).push(o.value);
    else (node[p] ??= []).push(value);
  }
  const graph = [...subjects.entries()].map(([id, props]) => ({ "@id": id, ...props }));
  return JSON.stringify({ "@graph": graph }, null, 2) + "\n";
}
