/**
 * The actors' network
 * ===================
 * The explorer's default first screen (issue #12): states, peoples, dynasties, movements and armed
 * groups (NETWORK_ACTOR_CLASSES), with one edge per related pair and relation, aggregating the
 * grounds behind it — events, treaties, threats, relationship states, third-party roles. How each
 * ground relates its actors is one table (GROUND_RULES); contract/api.ts (ActorEdgeAttributes)
 * states it in words. The grounds ("contributions") are derived once per data version; a request
 * only filters them by window, attribution and relation, and sums them per edge.
 */
import type { ActorEdgeAttributes, ActorRelation, GraphPayload } from "../../contract/api.ts";
import { ACTOR_RELATIONS, EDGE_LIST_CAP } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { isWar, type GraphModel } from "./graphModel.ts";
import { DEFAULT_NODE_BUDGET, readViewData, windowAttributes, windowNodes, windowOf, type GraphFilters, type ViewData } from "./viewData.ts";
import { yearsText } from "./labels.ts";
import { applyBudget } from "./nodeBudget.ts";
import { perEngine } from "./perEngine.ts";
import { schemaIndex, type SchemaIndex } from "./schemaIndex.ts";
import { appendTo, compareStrings } from "./sparqlText.ts";
import type { StatementIndex } from "./statements.ts";
import { meets, spanOf, type Span, type TimeIndex } from "./timeWindow.ts";
import { CAS, NETWORK_ACTOR_CLASSES } from "./vocabulary.ts";
import { NS } from "../rdf/namespaces.ts";

type Triple = [string, string, string];

/** One ground's part in one actor edge. */
export interface Contribution {
  source: string;
  target: string;
  relation: ActorRelation;
  ground: string;
  triples: Triple[];
  span?: Span;
  /** Statement node IRIs, or the ground's IRI for triples with none. */
  statements: string[];
  editorial: boolean;
  evidenceCount: number;
}

export interface ActorNetwork {
  actors: string[];
  contributions: Contribution[];
}

/** Relations read without a direction: their edge runs from the smaller IRI. */
const SYMMETRIC = new Set<ActorRelation>(["alliance", "rivalry", "treatyParty"]);

/** Event types whose participants cooperate (cas:EventTypes). */
const COOPERATION_TYPES = new Set(["CooperationEpisode", "Agreement"].map((t) => `${NS.cas}${t}`));

/** How the roles of one event, treaty or threat relate its actors. */
interface Roles {
  ground: string;
  types: string[];
  by: Map<string, Held[]>;
}
type Held = { actor: string; triple: Triple };
type Pair = { relation: ActorRelation; a: Held; b: Held };
const GROUND_RULES: ((roles: Roles) => Pair[])[] = [
  // Treaty parties: a treaty.
  (r) => pairs(r.by.get(CAS.party), r.by.get(CAS.party), "treatyParty"),
  // Aggressor → target: war in a war, invasion, conquest or siege; rivalry in anything else.
  (r) => pairs(r.by.get(CAS.aggressor), r.by.get(CAS.target), isWar(r.types) ? "war" : "rivalry"),
  // A supporter stands with the aggressor, or else with the participants it supported.
  (r) => pairs(r.by.get(CAS.supporter), r.by.get(CAS.aggressor) ?? r.by.get(CAS.participant), "alliance"),
  // A mediator is a third party to everyone else in the event.
  (r) => pairs(r.by.get(CAS.mediator), [CAS.participant, CAS.aggressor, CAS.target, CAS.party].flatMap((p) => r.by.get(p) ?? []), "thirdParty"),
  // Participants of a cooperation episode or agreement cooperate.
  (r) => (r.types.some((t) => COOPERATION_TYPES.has(t)) ? pairs(r.by.get(CAS.participant), r.by.get(CAS.participant), "alliance") : []),
  // A threat: its source → its target.
  (r) => pairs(r.by.get(CAS.threatSource), r.by.get(CAS.threatTarget), "threat"),
];

function pairs(left: Held[] | undefined, right: Held[] | undefined, relation: ActorRelation): Pair[] {
  const result: Pair[] = [];
  for (const a of left ?? []) for (const b of right ?? []) if (a.actor !== b.actor) result.push({ relation, a, b });
  return result;
}

const ROLE_PREDICATES = new Set<string>([CAS.party, CAS.aggressor, CAS.target, CAS.supporter, CAS.mediator, CAS.participant, CAS.threatSource, CAS.threatTarget]);

export function isNetworkActor(schema: SchemaIndex, classIri: string): boolean {
  return NETWORK_ACTOR_CLASSES.some((root) => schema.isSubclassOf(classIri, root));
}

/** The grounds of the actors' network, once per data version. */
export const readActorNetwork = perEngine(async (engine: QueryEngine) => {
  const [data, schema] = await Promise.all([readViewData(engine), schemaIndex(engine)]);
  return buildActorNetwork(data.model, data.time, data.statements, schema);
});

export function buildActorNetwork(model: GraphModel, time: TimeIndex, statements: StatementIndex, schema: SchemaIndex): ActorNetwork {
  const actors = [...model.nodes.values()]
    .filter((n) => n.attributes.kind === "actor" && isNetworkActor(schema, n.attributes.classIri))
    .map((n) => n.key)
    .sort(compareStrings);
  const isActor = new Set(actors);
  const evidenceOf = new Map<string, number>();
  const grounds = new Map<string, Roles>();
  const contributions = new Map<string, Contribution>();

  const contribute = (ground: string, relation: ActorRelation, a: string, b: string, triples: Triple[]) => {
    if (a === b || !isActor.has(a) || !isActor.has(b)) return;
    const [source, target] = SYMMETRIC.has(relation) && compareStrings(b, a) < 0 ? [b, a] : [a, b];
    const key = `${source}|${relation}|${target}|${ground}`;
    const existing = contributions.get(key);
    if (existing) {
      for (const t of triples) if (!existing.triples.some((x) => x.join(" ") === t.join(" "))) existing.triples.push(t);
      return;
    }
    contributions.set(key, { source, target, relation, ground, triples: [...triples], statements: [], editorial: false, evidenceCount: 0 });
  };

  for (const edge of model.edges) {
    const via = edge.attributes.via;
    if (edge.attributes.predicate === CAS.RelationshipState && via) {
      const relation = edge.attributes.kind as ActorRelation;
      if (ACTOR_RELATIONS.includes(relation)) contribute(via, relation, edge.source, edge.target, edge.triples);
      evidenceOf.set(via, edge.attributes.evidenceCount);
    } else if (edge.attributes.predicate === CAS.ThirdPartyRole && via) {
      contribute(via, "thirdParty", edge.source, edge.target, edge.triples);
      evidenceOf.set(via, edge.attributes.evidenceCount);
    } else if (edge.attributes.predicate === CAS.threatened && edge.triples.length === 1) {
      // Backed by cas:Threat nodes, which contribute themselves; a bare cas:threatened is its subject's claim.
      if (!via) contribute(edge.triples[0]![0], "threat", edge.triples[0]![0], edge.triples[0]![2], edge.triples);
    } else if (edge.triples.length === 1 && ROLE_PREDICATES.has(edge.triples[0]![1])) {
      const triple = edge.triples[0]!;
      const [ground, predicate, actor] = triple;
      if (!isActor.has(actor)) continue;
      const roles = grounds.get(ground) ?? { ground, types: model.eventTypes.get(ground) ?? [], by: new Map() };
      const list = roles.by.get(predicate) ?? [];
      list.push({ actor, triple });
      roles.by.set(predicate, list);
      grounds.set(ground, roles);
    }
  }
  for (const roles of grounds.values()) {
    evidenceOf.set(roles.ground, model.nodes.get(roles.ground)?.attributes.evidenceCount ?? 0);
    for (const rule of GROUND_RULES) for (const { relation, a, b } of rule(roles)) contribute(roles.ground, relation, a.actor, b.actor, [a.triple, b.triple]);
  }

  for (const c of contributions.values()) {
    const dated: Span[] = [];
    let evidence = 0;
    let bare = false;
    let editorial = true;
    const ids = new Set<string>();
    for (const [s, p, o] of c.triples) {
      const about = statements.about(s, p, o);
      if (about.length === 0) {
        bare = true;
        editorial = false;
      }
      for (const st of about) {
        ids.add(st.iri);
        const span = spanOf(st);
        if (span) dated.push(span);
        evidence += st.evidence.length;
        if (!st.editorial) editorial = false;
      }
    }
    if (bare) {
      ids.add(c.ground);
      evidence += evidenceOf.get(c.ground) ?? 0;
    }
    c.statements = [...ids].sort(compareStrings);
    c.editorial = editorial && c.triples.length > 0;
    c.evidenceCount = evidence;
    const span = dated.length > 0 ? { start: Math.min(...dated.map((s) => s.start)), end: Math.max(...dated.map((s) => s.end)) } : time.ownSpan(c.ground);
    if (span) c.span = span;
  }
  return { actors, contributions: [...contributions.values()].sort((x, y) => compareStrings(`${x.source}|${x.relation}|${x.target}|${x.ground}`, `${y.source}|${y.relation}|${y.target}|${y.ground}`)) };
}

/** Human names of the relations, as edge labels. */
export const RELATION_NAMES: Record<ActorRelation, string> = {
  alliance: "alliance or cooperation",
  rivalry: "rivalry",
  threat: "threat",
  war: "war",
  treatyParty: "treaty",
  thirdParty: "third-party role",
};

export const actorEdgeKey = (source: string, relation: string, target: string) => `actors|${source}|${relation}|${target}`;

/** The contributions a request keeps: in the window (or undated and asked for), by relation and attribution. */
export function keptContributions(network: ActorNetwork, filters: GraphFilters, keep: (c: Contribution) => boolean = () => true) {
  const window = windowOf(filters);
  const relationSet = filters.relations && filters.relations.length > 0 ? new Set<string>(filters.relations) : undefined;
  let editorialOmitted = 0;
  const kept = network.contributions.filter((c) => {
    if (!keep(c)) return false;
    if (relationSet && !relationSet.has(c.relation)) return false;
    if (window && !(c.span ? meets(c.span, window) : filters.undated === "include")) return false;
    if (filters.editorial === "exclude" && c.editorial) {
      editorialOmitted++;
      return false;
    }
    return true;
  });
  return { kept, editorialOmitted };
}

export async function actorsView(engine: QueryEngine, data: ViewData, filters: GraphFilters): Promise<GraphPayload> {
  const network = await readActorNetwork(engine);
  const { model, time } = data;
  const window = windowOf(filters);
  const undated = filters.undated ?? "exclude";
  const wantsActors = !filters.kinds || filters.kinds.length === 0 || filters.kinds.includes("actor");
  const counted = windowNodes(wantsActors ? network.actors : [], time, window, undated);
  const keptKeys = new Set(counted.kept);
  const { kept, editorialOmitted } = keptContributions(network, filters, (c) => keptKeys.has(c.source) && keptKeys.has(c.target));

  const grouped = new Map<string, Contribution[]>();
  for (const c of kept) appendTo(grouped, actorEdgeKey(c.source, c.relation, c.target), c);
  const edges = [...grouped].map(([key, list]) => {
    const first = list[0]!;
    const spans = list.map((c) => c.span).filter((s): s is Span => s !== undefined);
    const startYear = spans.length > 0 ? Math.min(...spans.map((s) => s.start)) : undefined;
    const endYear = spans.length > 0 ? Math.max(...spans.map((s) => s.end)) : undefined;
    const years = yearsText(startYear, endYear);
    const statements = [...new Set(list.flatMap((c) => c.statements))].sort(compareStrings);
    const attributes: ActorEdgeAttributes = {
      kind: first.relation,
      relation: first.relation,
      label: years ? `${RELATION_NAMES[first.relation]} (${years})` : RELATION_NAMES[first.relation],
      predicate: `urn:caspian:relation:${first.relation}`,
      ...(startYear !== undefined ? { startYear, endYear } : {}),
      evidenceCount: list.reduce((sum, c) => sum + c.evidenceCount, 0),
      weight: new Set(list.map((c) => c.ground)).size,
      grounds: [...new Set(list.map((c) => c.ground))].sort(compareStrings).slice(0, EDGE_LIST_CAP),
      statements: statements.slice(0, EDGE_LIST_CAP),
      statementCount: statements.length,
      editorial: list.every((c) => c.editorial),
    };
    return { key, source: first.source, target: first.target, attributes };
  });
  edges.sort((a, b) => compareStrings(a.key, b.key));

  const nodes = counted.kept.sort(compareStrings).map((key) => ({ key, attributes: model.nodes.get(key)!.attributes }));
  const cut = applyBudget(nodes, edges, filters.maxNodes ?? DEFAULT_NODE_BUDGET);
  return {
    attributes: {
      ...(cut.omitted ? { omitted: cut.omitted } : {}),
      totalNodes: nodes.length,
      totalEdges: edges.length,
      ...windowAttributes("actors", window, { ...counted, editorialOmitted }),
    },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: cut.nodes,
    edges: cut.edges,
  };
}
