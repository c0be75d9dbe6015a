/**
 * Statement index
 * ===============
 * The cas:Statement nodes of the data (ontology/README.md, "Stage 2"), read once per data version:
 * for each asserted triple (s, p, o), the statements about it with their own years (outer and
 * inner bounds), attribution, disputed flag, note, alternatives and evidence IRIs. A triple with
 * no statement node is read as its subject's claim (the subject's evidence, the author's), which
 * is why callers ask `about(s, p, o)` and fall back themselves: the index only holds what is there.
 */
import type { QueryEngine } from "../sparql/engine.ts";
import { perEngine } from "./perEngine.ts";
import { SPARQL_PREFIXES, bool, compareStrings, int, iriOf, selectAll, str } from "./sparqlText.ts";
import { CD } from "./vocabulary.ts";

export interface StatementNode {
  iri: string;
  subject: string;
  predicate: string;
  object: string;
  startYear?: number;
  endYear?: number;
  latestStartYear?: number;
  earliestEndYear?: number;
  /** prov:wasAttributedTo (the smallest IRI when several); cd:Karami when absent. */
  attributedTo: string;
  editorial: boolean;
  disputed: boolean;
  note?: string;
  alternativeTo: string[];
  evidence: string[];
}

export interface StatementIndex {
  /** Statements about the triple, sorted by IRI; empty when it has none. */
  about(subject: string, predicate: string, object: string): readonly StatementNode[];
  /** Statements whose rdf:subject is `subject`, sorted by IRI. */
  bySubject(subject: string): readonly StatementNode[];
  size: number;
}

const tripleKey = (s: string, p: string, o: string) => `${s}\u0000${p}\u0000${o}`;

export const readStatements = perEngine(loadStatements);

async function loadStatements(engine: QueryEngine): Promise<StatementIndex> {
  const { rows } = await selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?st ?s ?p ?o ?start ?end ?latestStart ?earliestEnd ?agent ?disputed ?note ?alt ?ev WHERE {
  ?st a cas:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?st cas:startYear ?start }
  OPTIONAL { ?st cas:endYear ?end }
  OPTIONAL { ?st cas:latestStartYear ?latestStart }
  OPTIONAL { ?st cas:earliestEndYear ?earliestEnd }
  OPTIONAL { ?st prov:wasAttributedTo ?agent }
  OPTIONAL { ?st cas:disputed ?disputed }
  OPTIONAL { ?st skos:editorialNote ?note }
  OPTIONAL { { ?st cas:alternativeTo ?alt } UNION { ?alt cas:alternativeTo ?st } }
  OPTIONAL { ?st cas:evidence ?ev }
}`);
  const nodes = new Map<string, StatementNode & { agents: Set<string>; alts: Set<string>; evs: Set<string> }>();
  for (const row of rows) {
    const [iri, s, p, o] = [iriOf(row, "st"), iriOf(row, "s"), iriOf(row, "p"), iriOf(row, "o")];
    if (!iri || !s || !p || !o) continue;
    let node = nodes.get(iri);
    if (!node) {
      node = { iri, subject: s, predicate: p, object: o, attributedTo: CD.Karami, editorial: false, disputed: false, alternativeTo: [], evidence: [], agents: new Set(), alts: new Set(), evs: new Set() };
      nodes.set(iri, node);
    }
    // Optional values multiply rows: keep the widest outer bounds and the smallest note.
    const start = int(row, "start");
    const end = int(row, "end");
    if (start !== undefined && (node.startYear === undefined || start < node.startYear)) node.startYear = start;
    if (end !== undefined && (node.endYear === undefined || end > node.endYear)) node.endYear = end;
    const latestStart = int(row, "latestStart");
    const earliestEnd = int(row, "earliestEnd");
    if (latestStart !== undefined) node.latestStartYear = latestStart;
    if (earliestEnd !== undefined) node.earliestEndYear = earliestEnd;
    const agent = iriOf(row, "agent");
    if (agent) node.agents.add(agent);
    if (bool(row, "disputed")) node.disputed = true;
    const note = str(row, "note");
    if (note !== undefined && (node.note === undefined || note < node.note)) node.note = note;
    const alt = iriOf(row, "alt");
    if (alt && alt !== iri) node.alts.add(alt);
    const ev = iriOf(row, "ev");
    if (ev) node.evs.add(ev);
  }

  const byTriple = new Map<string, StatementNode[]>();
  const bySubject = new Map<string, StatementNode[]>();
  for (const { agents, alts, evs, ...node } of [...nodes.values()].sort((a, b) => compareStrings(a.iri, b.iri))) {
    const agentList = [...agents].sort(compareStrings);
    const statement: StatementNode = {
      ...node,
      attributedTo: agentList.includes(CD.CaspianEditors) && agentList.length === 1 ? CD.CaspianEditors : (agentList.find((a) => a !== CD.CaspianEditors) ?? CD.Karami),
      editorial: agentList.length > 0 && agentList.every((a) => a === CD.CaspianEditors),
      alternativeTo: [...alts].sort(compareStrings),
      evidence: [...evs].sort(compareStrings),
    };
    // One end only is a point in time, as for resources (resourceFacts.ts).
    if (statement.startYear !== undefined && statement.endYear === undefined) statement.endYear = statement.startYear;
    if (statement.endYear !== undefined && statement.startYear === undefined) statement.startYear = statement.endYear;
    const key = tripleKey(node.subject, node.predicate, node.object);
    byTriple.set(key, [...(byTriple.get(key) ?? []), statement]);
    bySubject.set(node.subject, [...(bySubject.get(node.subject) ?? []), statement]);
  }
  return {
    about: (s, p, o) => byTriple.get(tripleKey(s, p, o)) ?? [],
    bySubject: (s) => bySubject.get(s) ?? [],
    size: nodes.size,
  };
}
