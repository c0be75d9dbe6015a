/**
 * Statements behind an edge
 * =========================
 * What a click on an edge shows (GET /api/v1/edge): the statements that support it, each with
 * its triples, years, attribution, disputed flag and note, alternatives, and evidence — the
 * statement's own cas:evidence, or, where its triples have no statement node or the node cites
 * none, its subject's (the event's, treaty's, state's, role's), as ontology/README.md reads a
 * bare triple. An actors-view edge is named by (source, target, relation); a full-view edge by
 * its key.
 */
import type { EdgeStatement, EdgeStatements, Evidence, Ref, RelationKind } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { actorEdgeKey, keptContributions, readActorNetwork, type Contribution } from "./actorsView.ts";
import { NotFoundError } from "./errors.ts";
import { evidenceFor } from "./evidence.ts";
import { LabelMap } from "./labels.ts";
import { schemaIndex } from "./schemaIndex.ts";
import { SPARQL_PREFIXES, bool, compareStrings, iriOf, selectAll, str, valuesClause } from "./sparqlText.ts";
import type { StatementNode } from "./statements.ts";
import { spanOf } from "./timeWindow.ts";
import { edgeByKey, readViewData, type GraphFilters, type ViewData } from "./viewData.ts";
import { CD } from "./vocabulary.ts";

type Triple = [string, string, string];

/** One ground and the triples of it an edge stands on. */
interface Backing {
  ground: string;
  triples: Triple[];
}

/** The statements of an actors-view edge; `filters` (window, attribution) as the view was asked. */
export async function actorEdgeStatements(
  engine: QueryEngine,
  edge: { source: string; target: string; relation: RelationKind },
  filters: GraphFilters = {},
): Promise<EdgeStatements> {
  const network = await readActorNetwork(engine);
  const matches = (c: Contribution) =>
    c.relation === edge.relation &&
    ((c.source === edge.source && c.target === edge.target) || (SYMMETRIC_OK(c) && c.source === edge.target && c.target === edge.source));
  const { kept } = keptContributions(network, filters, matches);
  if (kept.length === 0) {
    throw new NotFoundError(`No ${edge.relation} edge between <${edge.source}> and <${edge.target}> in the actors' network${filters.from !== undefined || filters.to !== undefined ? " in that window" : ""}. GET /api/v1/graph?view=actors lists its edges.`);
  }
  const first = kept[0]!;
  return answer(engine, await readViewData(engine), actorEdgeKey(first.source, edge.relation, first.target), first.source, first.target, edge.relation, kept, filters);
}

// Symmetric relations are stored from the smaller IRI, so either order names the edge.
const SYMMETRIC_OK = (c: Contribution) => c.relation === "alliance" || c.relation === "rivalry" || c.relation === "treatyParty";

/** The statements of a full-view edge, by its key (GET /api/v1/graph's edge keys). */
export async function modelEdgeStatements(engine: QueryEngine, key: string, filters: GraphFilters = {}): Promise<EdgeStatements> {
  const data = await readViewData(engine);
  const edge = edgeByKey(data.model, key);
  if (!edge) throw new NotFoundError(`No edge with key ${JSON.stringify(key.slice(0, 300))} in the graph. GET /api/v1/graph lists the edge keys.`);
  const ground = edge.attributes.via ?? edge.claims[0] ?? edge.triples[0]?.[0] ?? edge.source;
  return answer(engine, data, key, edge.source, edge.target, edge.attributes.kind, [{ ground, triples: edge.triples }], filters);
}

async function answer(
  engine: QueryEngine,
  data: ViewData,
  key: string,
  source: string,
  target: string,
  relation: RelationKind,
  backings: Backing[],
  filters: GraphFilters,
): Promise<EdgeStatements> {
  const { statements, time, model } = data;
  // Per backing: its statement nodes, and the triples that have none (read as the ground's claim).
  const plan = backings.map(({ ground, triples }) => {
    const nodes: StatementNode[] = [];
    const bare: Triple[] = [];
    for (const t of triples) {
      const about = statements.about(...t).filter((st) => filters.editorial !== "exclude" || !st.editorial);
      if (about.length === 0) bare.push(t);
      nodes.push(...about);
    }
    return { ground, nodes, bare };
  });
  const grounds = plan.map((p) => p.ground);
  const statementEvidence = plan.flatMap((p) => p.nodes.flatMap((n) => n.evidence));
  const iris = new Set<string>([source, target, ...grounds, CD.Karami, CD.CaspianEditors]);
  for (const { nodes, bare } of plan) for (const [s, , o] of [...bare, ...nodes.map((n): Triple => [n.subject, n.predicate, n.object])]) iris.add(s).add(o);

  const [schema, groundEvidence, ownEvidence, about] = await Promise.all([
    schemaIndex(engine),
    evidenceFor(engine, grounds),
    evidenceFor(engine, statementEvidence),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?x ?label ?note ?disputed WHERE {
  ${valuesClause("x", iris)}
  OPTIONAL { ?x rdfs:label|skos:prefLabel|foaf:name ?label }
  OPTIONAL { ?x skos:editorialNote ?note }
  OPTIONAL { ?x cas:disputed ?disputed }
}`),
  ]);
  const labels = new LabelMap();
  const notes = new Map<string, string>();
  const disputed = new Set<string>();
  for (const row of about.rows) {
    const x = iriOf(row, "x");
    if (!x) continue;
    labels.add(x, row.label);
    const note = str(row, "note");
    if (note !== undefined && (!notes.has(x) || note < notes.get(x)!)) notes.set(x, note);
    if (bool(row, "disputed")) disputed.add(x);
  }
  const ref = (iri: string): Ref => ({ iri, label: model.nodes.get(iri)?.attributes.label ?? (labels.has(iri) ? labels.get(iri) : schema.label(iri)) });
  const triple = ([s, p, o]: Triple) => ({ subject: ref(s), predicate: { iri: p, label: schema.label(p) }, object: ref(o) });
  const groundRef = (g: string) => ({ ...ref(g), kind: model.nodes.get(g)?.attributes.kind ?? "other" });
  const agent = (iri: string): Ref => ({ iri, label: labels.has(iri) ? labels.get(iri) : iri === CD.CaspianEditors ? "Caspian editors" : "Jahangir Karami" });

  const result: EdgeStatement[] = [];
  for (const { ground, nodes, bare } of plan) {
    const fallback = groundEvidence.get(ground) ?? [];
    for (const node of nodes) {
      const own: Evidence[] = node.evidence.flatMap((ev) => ownEvidence.get(ev) ?? []);
      result.push({
        iri: node.iri,
        ground: groundRef(ground),
        triples: [triple([node.subject, node.predicate, node.object])],
        ...years(spanOf(node) ?? time.ownSpan(ground)),
        ...(node.latestStartYear !== undefined ? { latestStartYear: node.latestStartYear } : {}),
        ...(node.earliestEndYear !== undefined ? { earliestEndYear: node.earliestEndYear } : {}),
        attributedTo: agent(node.attributedTo),
        editorial: node.editorial,
        disputed: node.disputed,
        ...(node.note !== undefined ? { note: node.note } : {}),
        alternativeTo: node.alternativeTo,
        evidence: own.length > 0 ? own : fallback,
        evidenceOf: own.length > 0 ? "statement" : "subject",
      });
    }
    if (bare.length > 0) {
      const note = notes.get(ground);
      result.push({
        ground: groundRef(ground),
        triples: bare.map(triple),
        ...years(time.ownSpan(ground)),
        attributedTo: agent(CD.Karami),
        editorial: false,
        disputed: disputed.has(ground),
        ...(note !== undefined ? { note } : {}),
        alternativeTo: [],
        evidence: fallback,
        evidenceOf: "subject",
      });
    }
  }
  result.sort(
    (a, b) =>
      (a.startYear ?? Infinity) - (b.startYear ?? Infinity) ||
      compareStrings(a.ground.label, b.ground.label) ||
      compareStrings(a.iri ?? "", b.iri ?? ""),
  );
  return { source: ref(source), target: ref(target), relation, key, statements: result };
}

function years(span: { start: number; end: number } | undefined): { startYear?: number; endYear?: number } {
  return span ? { startYear: span.start, endYear: span.end } : {};
}
