/**
 * JSON API contract (v1)
 * ======================
 * The shapes the server's /api/v1 routes answer with. The client imports this file with
 * `import type` only; it is the one place where server and client meet.
 *
 * Routes (all GET, all JSON; errors are 4xx/5xx with an `ApiError` body):
 *   /api/v1/health                              → Health
 *   /api/v1/graph?view=&from=&to=&undated=      → GraphPayload   (kinds, relations: comma lists)
 *        &editorial=&kinds=&relations=&maxNodes=   (node budget, default 5000, most connected kept)
 *        view=full (default): every drawn resource; view=actors: the actors' network, one edge per
 *        related pair and relation (ActorEdgeAttributes). from/to: a time window (TIME RULE below);
 *        undated=include keeps undated resources in a window; editorial=exclude drops the editors'
 *        statements (and the actors' edges left with none).
 *   /api/v1/edge?source=&target=&relation=       → EdgeStatements (an actors-view edge; from/to narrow it)
 *   /api/v1/edge?key=                            → EdgeStatements (a full-view edge, by its key)
 *   /api/v1/neighbours?iri=&maxNodes=&from=&to=&undated= → GraphPayload (1-hop, same time rule)
 *   /api/v1/entity?iri=                         → EntityDetails
 *   /api/v1/search?q=&limit=&from=&to=          → { results: SearchHit[] }  (limit 1..50, default 10;
 *                                                  with a window, in-window hits rank first)
 *   /api/v1/timeline?a=&b=                      → Timeline      (dyad of the states; defaults: cd:Iran, cd:Russia)
 *   /api/v1/paths?from=&to=&max=&order=&start=&end= → PathsResult (from/to: IRIs; max 1..20, default 5;
 *                                                  order=time: time-respecting paths; start/end: a window
 *                                                  in years every step must meet)
 *   /api/v1/third-parties?a=&b=&from=&to=       → ThirdPartyAnalysis (defaults: cd:Iran, cd:Russia; with a
 *                                                  window only the roles meeting it; `periods` rows always)
 *   /api/v1/source?evidence=IRI | ?quote=TEXT   → SourcePassage
 *   /api/v1/places                              → PlacesMap     (places, coordinates, what happened there)
 *   /api/v1/examples                            → { examples: ExampleQuery[] }  (the workbench's library)
 * In the Iran–Russia dyad the Soviet Union counts as Russia's side (server/graph/dyad.ts).
 * Edges of an actor's part in an event (party, aggressor, target, mediator, supporter,
 * participant) point from the actor to the event, labelled "party to", "aggressor in" ...
 * The SPARQL 1.1 endpoint is /sparql.
 *
 * TIME RULE (server/graph/timeWindow.ts, one function for every view): a resource is in the
 * window [from, to] when one of its spans meets it (start ≤ to && end ≥ from, outer bounds). A
 * dated event, treaty, threat, relationship state, third-party role or period has its own years
 * (an undated role or state: the years its periods share); any other resource has the spans of
 * the statements it takes part in (the years of the statement node, else of its subject), or its
 * own years when it has them. A resource with no span is "undated": left out of a window unless
 * undated=include, and counted in `attributes.undatedOmitted`. No window: nothing is left out.
 */

import type { NodeKind, RelationKind } from "./kinds.ts";

export type { NodeKind, RelationKind } from "./kinds.ts";

/** A question of the workbench's library, in words, with its SPARQL (without the PREFIX block). */
export interface ExampleQuery {
  id: string;
  question: string;
  query: string;
}

export interface Ref {
  iri: string;
  label: string;
}

export interface NodeAttributes {
  label: string;
  kind: NodeKind;
  /** The most specific class, for the legend and details. */
  classIri: string;
  classLabel: string;
  startYear?: number;
  endYear?: number;
  disputed?: boolean;
  /** Number of evidence nodes behind the entity. */
  evidenceCount: number;
}

export interface EdgeAttributes {
  kind: RelationKind;
  /** Human label of the relation, e.g. "party to", "threatened", "common threat (third party)". */
  label: string;
  /** The predicate (or n-ary class) IRI the edge stands for. */
  predicate: string;
  /** The n-ary node behind the edge (threat, relationship state, third-party role), if any. */
  via?: string;
  startYear?: number;
  endYear?: number;
  evidenceCount: number;
  disputed?: boolean;
}

/** The relations of the actors' network (view=actors): alliance/cooperation, rivalry, threat, war,
 * treaty (treatyParty) and third-party role (thirdParty). */
export const ACTOR_RELATIONS = ["alliance", "rivalry", "threat", "war", "treatyParty", "thirdParty"] as const;
export type ActorRelation = (typeof ACTOR_RELATIONS)[number];

/** The views of GET /api/v1/graph. */
export const GRAPH_VIEWS = ["full", "actors"] as const;
export type GraphViewName = (typeof GRAPH_VIEWS)[number];

/** How many grounds and statements an actors' edge lists in the graph payload: between great
 * powers of a large dataset an edge has thousands, which the payload must not carry (the edge's
 * own request, /api/v1/edge, lists them all). */
export const EDGE_LIST_CAP = 5;

/**
 * An edge of the actors' network: one per related pair and relation. Directed for war
 * (aggressor → target), threat (source → target) and thirdParty (third party → dyad member), so a
 * reciprocal pair is two edges; alliance, rivalry and treatyParty run from the smaller IRI.
 * Derived from events (aggressor/target: war for wars, invasions, conquests, sieges, rivalry
 * otherwise; supporter with the aggressor or the participants: alliance; mediator: thirdParty;
 * participants of a cooperation episode or agreement: alliance), treaties (parties: treatyParty),
 * threats (source → target, and cas:threatened), relationship states (by level) and third-party
 * roles (third party → each dyad member). Key: `actors|SOURCE|RELATION|TARGET`.
 */
export interface ActorEdgeAttributes extends EdgeAttributes {
  kind: ActorRelation;
  relation: ActorRelation;
  /** Number of grounds aggregated: events, treaties, threats, relationship states, roles (a
   * treaty's two party statements count once). */
  weight: number;
  /** The grounds: the IRIs of the events, treaties, threats, states and roles behind the edge,
   * the first EDGE_LIST_CAP in IRI order (`weight` counts them all; /api/v1/edge lists all). */
  grounds: string[];
  /** The statements: cas:Statement IRIs, or a ground's IRI where its triples have no statement
   * node; the first EDGE_LIST_CAP in IRI order (`/api/v1/edge` lists all). */
  statements: string[];
  /** How many statements there are in all. */
  statementCount: number;
  /** True when every statement behind the edge is attributed to the editors (cd:CaspianEditors). */
  editorial: boolean;
}

/** graphology's SerializedGraph, typed for Caspian: the client calls Graph.from(payload). */
export interface GraphPayload {
  attributes: {
    /** What the view leaves out (e.g. beyond the node budget), in words; empty when nothing. */
    omitted?: string;
    totalNodes: number;
    totalEdges: number;
    /** Which view (GET /graph's `view`); absent on /neighbours. */
    view?: GraphViewName;
    /** The window asked for, if any. */
    window?: { from?: number; to?: number };
    /** Resources left out of the window because they are undated (0 with undated=include). */
    undatedOmitted?: number;
    /** Dated resources left out because none of their spans meets the window. */
    outsideWindow?: number;
    /** Edges (actors view: statements) left out because they are the editors' (editorial=exclude). */
    editorialOmitted?: number;
  };
  options: { type: "directed"; multi: true; allowSelfLoops: false };
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: EdgeAttributes | ActorEdgeAttributes }[];
}

/** One statement behind an edge (GET /api/v1/edge). */
export interface EdgeStatement {
  /** The cas:Statement node; absent when the triples have none and are read as the ground's claim. */
  iri?: string;
  /** The event, treaty, threat, relationship state or role the statement belongs to. */
  ground: Ref & { kind: NodeKind };
  /** The asserted triples it stands for (two for a ground read without statement nodes). */
  triples: { subject: Ref; predicate: Ref; object: Ref }[];
  startYear?: number;
  endYear?: number;
  latestStartYear?: number;
  earliestEndYear?: number;
  /** prov:wasAttributedTo: cd:Karami (the author) unless the editors (cd:CaspianEditors). */
  attributedTo: Ref;
  editorial: boolean;
  disputed: boolean;
  /** skos:editorialNote of the statement (or of the ground, when read from it). */
  note?: string;
  /** cas:alternativeTo: the other readings' statement IRIs. */
  alternativeTo: string[];
  evidence: Evidence[];
  /** Whose cas:evidence `evidence` is: the statement's own, or its subject's (the fallback). */
  evidenceOf: "statement" | "subject";
}

export interface EdgeStatements {
  source: Ref;
  target: Ref;
  relation: RelationKind;
  /** The full-view edge key or the actors-view key asked about. */
  key: string;
  statements: EdgeStatement[];
}

export interface Evidence {
  iri: string;
  /** Verbatim substring of the source text. */
  quote: string;
  section?: string;
  /** The in-text citation as printed, e.g. "HushangMahdavi, 1986: 95". */
  citationText?: string;
  cites?: Ref & { citation?: string };
  pages?: string;
  disputed?: boolean;
  editorialNote?: string;
}

export interface PropertyValue {
  predicate: Ref;
  /** An IRI value carries iri+label; a literal carries value (+ datatype/lang). */
  value: { iri?: string; label: string; datatype?: string; lang?: string };
}

export interface Relation {
  predicate: Ref;
  kind: RelationKind;
  other: Ref & { kind: NodeKind };
}

export interface EntityDetails {
  iri: string;
  label: string;
  altLabels: string[];
  comment?: string;
  kind: NodeKind;
  classes: Ref[];
  startYear?: number;
  endYear?: number;
  dateAsWritten?: string[];
  disputed: boolean;
  editorialNotes: string[];
  properties: PropertyValue[];
  outgoing: Relation[];
  incoming: Relation[];
  evidence: Evidence[];
}

export interface SearchHit {
  iri: string;
  label: string;
  /** The label or alternative spelling that matched. */
  matched: string;
  kind: NodeKind;
  score: number;
  /** With a window: whether the hit is in it (in-window hits rank first). */
  inWindow?: boolean;
}

export interface TimelinePeriod extends Ref {
  kind: "dynastic" | "analytic" | "other";
  country?: Ref;
  startYear: number;
  endYear: number;
}

export interface TimelineEvent extends Ref {
  kind: NodeKind;
  startYear: number;
  endYear: number;
}

export interface RelationshipStatePoint {
  iri: string;
  dyad: [Ref, Ref];
  level: Ref & { rank: number };
  geography?: Ref;
  period?: Ref;
  startYear: number;
  endYear: number;
  evidenceCount: number;
}

export interface Timeline {
  periods: TimelinePeriod[];
  /** The dated events (and treaties, threats) that meet the window asked, by time; at most
   * `maxEvents` of them, the most connected, when there are more. */
  events: TimelineEvent[];
  relationshipStates: RelationshipStatePoint[];
  /** How many dated events meet the window in all (`events` may hold fewer). */
  eventCount: number;
  /** Why `events` holds fewer than `eventCount`, in words; absent when it holds them all. */
  eventsOmitted?: string;
  /** How many of the `eventCount` events start in each stretch of years, oldest first: the
   * density of the whole window even where `events` is cut. */
  eventBuckets: TimelineBucket[];
}

export interface TimelineBucket {
  startYear: number;
  endYear: number;
  count: number;
}

export interface PathStep {
  /** The years of the step's statement (its statement node's, else its event's, treaty's ...). */
  startYear?: number;
  endYear?: number;
  source: Ref;
  target: Ref;
  predicate: Ref;
  /** The step as a sentence, in the direction walked: "Russia — party to — Treaty of Turkmenchay (1828)". */
  sentence: string;
  evidence: Evidence[];
  /** Key of the /graph edge the step walks (unfiltered graph), to highlight exactly that edge. */
  edge?: string;
  /** The n-ary node behind that edge (relationship state, third-party role, provision), if any. */
  via?: string;
}

export interface PathsResult {
  from: Ref;
  to: Ref;
  /** "any" (shortest paths) or "time" (each step starts no earlier than the one before). */
  order?: "any" | "time";
  paths: { nodes: Ref[]; steps: PathStep[] }[];
}

export interface ThirdPartyRoleEntry {
  iri: string;
  role: Ref;
  supports?: Ref;
  period?: Ref;
  startYear?: number;
  endYear?: number;
  evidence: Evidence[];
}

export interface ThirdPartyAnalysis {
  dyad: [Ref, Ref];
  /** With a window: only the roles whose years meet it. */
  thirdParties: { actor: Ref; roles: ThirdPartyRoleEntry[] }[];
  window?: { from?: number; to?: number };
  /** Roles left out of the window because undated (they have no years and no dated period). */
  undatedOmitted?: number;
  /** The same roles, a row per period in time order (each role under its narrowest period;
   * roles with no period last, `period` absent). */
  periods?: { period?: Ref & { startYear?: number; endYear?: number }; thirdParties: { actor: Ref; roles: ThirdPartyRoleEntry[] }[] }[];
}

export interface SourcePassage {
  section?: string;
  paragraphIndex: number;
  paragraph: string;
  /** Offsets of the quote inside `paragraph`, -1 when not found. */
  start: number;
  end: number;
}

/** A file loaded at start (the embedded data, --data): its graph is absent for the default graph. */
export interface LoadedFile {
  /** The file as a user would name it (relative to the working directory when inside it). */
  path: string;
  triples: number;
  graph?: string;
}

export interface Health {
  /**
   * "loading" while the store still loads (other requests wait for it meanwhile); "degraded" when
   * the engine does not answer a trivial query in time (`problem` says what it answered).
   */
  status: "ok" | "loading" | "degraded";
  problem?: string;
  version: string;
  triples: number;
  engine: string;
  /** While loading: how far, e.g. { percent: 43, triples: 430000, triplesPerSecond: 95000, etaSeconds: 12 }. */
  loading?: { percent: number; triples: number; triplesPerSecond: number; etaSeconds?: number };
  /** What was loaded at start, per file. */
  datasets: LoadedFile[];
}

export interface ApiError {
  code: string;
  message: string;
}

/** An uploaded dataset (GET /api/v1/datasets, POST's answer); server/rdf/uploadStore.ts keeps them. */
export interface UploadedDataset {
  name: string;
  /** Its named graph, urn:caspian:upload:NAME. */
  graph: string;
  triples: number;
  bytes: number;
  uploadedAt: string;
  format: string;
}

/** A stored upload set aside at start because it no longer parses, and why. */
export interface QuarantinedFile {
  file: string;
  reason: string;
}

/** GET /api/v1/datasets: the uploads, and the files loaded at start. */
export interface DatasetList {
  uploads: UploadedDataset[];
  files: LoadedFile[];
  /** Stored files moved to quarantine/ at start because they no longer parse. */
  quarantined: QuarantinedFile[];
}

/** GET /api/v1/places: the article's places with their coordinates and what happened at them. */
export type TerritorialChange = "ceded" | "annexed" | "occupied" | "partitioned" | "evacuated" | "conquered" | "recognised";

export interface MapPlace extends Ref {
  /** "place", or "actor" for a state the data uses as a place (cd:Syria). */
  kind: NodeKind;
  /** The article's other spellings (skos:altLabel). */
  altLabels: string[];
  /** WGS84 degrees (data/place-coordinates.ttl); absent for a place with no single point. */
  lat?: number;
  long?: number;
  /** A region drawn as a labelled approximate point; `note` says where and why. */
  approximate: boolean;
  note?: string;
  /** The gazetteer records the point comes from (their labels carry the gazetteer's names). */
  sources: Ref[];
  /** How many claims (statements) of the data name the place. */
  mentions: number;
}

/** An event, treaty, threat, relationship or treaty provision at a place. */
export interface MapHappening extends Ref {
  place: string;
  kind: NodeKind;
  /** The network's relation kind its marker is coloured by. */
  relation: RelationKind;
  /** Its event type or provision type. */
  type?: Ref;
  /** Set for territorial change as the article states it. */
  change?: TerritorialChange;
  /** The treaty a provision belongs to. */
  treaty?: Ref;
  startYear?: number;
  endYear?: number;
  /** The years are those of the periods it lies in (the article gives none of its own). */
  yearsOfPeriod?: boolean;
  /** The first quote of its evidence, and how many it has. */
  quote?: string;
  evidenceCount: number;
}

export interface PlacesMap {
  places: MapPlace[];
  happenings: MapHappening[];
}
