/**
 * Graph model
 * ===========
 * Reads the whole drawable graph from the store with a handful of SPARQL queries: the nodes
 * (actors, places, periods, events, treaties, threats, and the works evidence cites) and the
 * edges (cas: object properties between drawn nodes, treaty → territory through provisions,
 * relationship states and third-party roles drawn between actors, claims → cited works).
 * graphView.ts filters and budgets it; paths.ts walks it. Read once per engine (perEngine.ts).
 */
import type { EdgeAttributes, NodeAttributes } from "../../contract/api.ts";
import type { QueryEngine, SparqlJsonTerm, SparqlRow } from "../sparql/engine.ts";
import { readForeignGraph } from "./foreignGraph.ts";
import { yearsText } from "./labels.ts";
import { perEngine } from "./perEngine.ts";
import { readFacts, setYears, type Facts } from "./resourceFacts.ts";
import { schemaIndex } from "./schemaIndex.ts";
import { NS } from "../rdf/namespaces.ts";
import { SPARQL_PREFIXES, compareStrings, iriOf, selectAll, selectByPredicate } from "./sparqlText.ts";
import { CAS, DRAWN_ROOTS, RELATIONS, levelKind } from "./vocabulary.ts";

export interface ModelNode {
  key: string;
  attributes: NodeAttributes;
}

export interface ModelEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
  /** The edge read from source to target and back, for path sentences: "party to" / "has party". */
  phrase: string;
  inversePhrase: string;
  /** The claims whose evidence backs the edge: its n-ary node, the threats behind a plain
   * cas:threatened, or else its event, treaty or threat end. */
  claims: string[];
  /** The asserted triples [subject, predicate, object] the edge stands for, so their cas:Statement
   * nodes (statements.ts) can be found: one for a plain edge, two through an n-ary node. */
  triples: [string, string, string][];
}

export interface GraphModel {
  nodes: Map<string, ModelNode>;
  /** Sorted by key. */
  edges: ModelEdge[];
  /** cas:eventType of each event (the actors' network reads wars and cooperation from it). */
  eventTypes: Map<string, string[]>;
  /** Years of every resource, drawn or not (n-ary nodes too), for the time rule (timeWindow.ts). */
  start: ReadonlyMap<string, number>;
  end: ReadonlyMap<string, number>;
}

/** The engine's graph model, read once (see perEngine.ts); views filter it, never change it. */
export const readGraphModel = perEngine(loadGraphModel);

async function loadGraphModel(engine: QueryEngine): Promise<GraphModel> {
  const [schema, typed, citations, facts, plain, territories, states, roles] = await Promise.all([
    schemaIndex(engine),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT DISTINCT ?node ?class WHERE {
  VALUES ?root { ${DRAWN_ROOTS.map((r) => `<${r}>`).join(" ")} }
  ?class rdfs:subClassOf* ?root .
  ?node a ?class .
  FILTER(isIRI(?node))
}`),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?claim ?ev ?src ?class WHERE {
  ?claim cas:evidence ?ev . ?ev cas:cites ?src .
  OPTIONAL { ?src a ?class }
}`),
    readFacts(engine),
    casStatements(engine),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?treaty ?provision ?place WHERE { ?treaty cas:provision ?provision . ?provision cas:territory ?place }`),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?state ?member ?level WHERE {
  ?state a cas:RelationshipState ; cas:dyadMember ?member .
  OPTIONAL { ?state cas:relationshipLevel ?level }
}`),
    selectAll(engine, `${SPARQL_PREFIXES}
SELECT ?role ?party ?member ?type WHERE {
  ?role a cas:ThirdPartyRole ; cas:thirdParty ?party ; cas:dyadMember ?member .
  OPTIONAL { ?role cas:thirdPartyRoleType ?type }
}`),
  ]);

  // ------------------------------------------------------------------ nodes
  const classes = new Map<string, string[]>();
  const addClass = (node: string, cls: string | undefined) => {
    const list = classes.get(node) ?? [];
    if (cls) list.push(cls);
    classes.set(node, list);
  };
  for (const row of typed.rows) {
    const node = iriOf(row, "node");
    if (node) addClass(node, iriOf(row, "class"));
  }
  const sources = new Map<string, Set<string>>(); // source → citing evidence
  const citationsOf = new Map<string, Map<string, Set<string>>>(); // claim → source → evidence
  for (const row of citations.rows) {
    const [claim, ev, src] = [iriOf(row, "claim"), iriOf(row, "ev"), iriOf(row, "src")];
    if (!claim || !ev || !src) continue;
    if (!classes.has(src)) addClass(src, undefined);
    addClass(src, iriOf(row, "class"));
    (sources.get(src) ?? sources.set(src, new Set()).get(src)!).add(ev);
    const bySource = citationsOf.get(claim) ?? citationsOf.set(claim, new Map()).get(claim)!;
    (bySource.get(src) ?? bySource.set(src, new Set()).get(src)!).add(ev);
  }

  const nodes = new Map<string, ModelNode>();
  for (const [key, list] of classes) {
    const info = schema.classify(list);
    const kind = sources.has(key) && info.kind === "other" ? "source" : info.kind;
    const attributes: NodeAttributes = {
      label: facts.labels.get(key),
      kind,
      classIri: info.classIri,
      classLabel: info.classLabel,
      evidenceCount: kind === "source" ? (sources.get(key)?.size ?? 0) : (facts.evidenceCount.get(key) ?? 0),
    };
    setYears(attributes, facts, key);
    if (facts.disputed.has(key)) attributes.disputed = true;
    nodes.set(key, { key, attributes });
  }

  // ------------------------------------------------------------------ edges
  const edges = new Map<string, ModelEdge>();
  const add = (edge: ModelEdge) => {
    if (edge.source !== edge.target && nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.key, edge);
  };

  // A plain `source cas:threatened target` is backed by the cas:Threat nodes between the two.
  const threatEnds = new Map<string, { sources: string[]; targets: string[] }>();
  for (const row of plain.rows) {
    const [s, p, o] = [iriOf(row, "s")!, iriOf(row, "p")!, iriOf(row, "o")!];
    if (p !== CAS.threatSource && p !== CAS.threatTarget) continue;
    const ends = threatEnds.get(s) ?? { sources: [], targets: [] };
    (p === CAS.threatSource ? ends.sources : ends.targets).push(o);
    threatEnds.set(s, ends);
  }
  const threatsBetween = new Map<string, string[]>();
  for (const [threat, { sources, targets }] of threatEnds) {
    for (const source of sources) for (const target of targets) {
      threatsBetween.set(`${source} ${target}`, [...(threatsBetween.get(`${source} ${target}`) ?? []), threat].sort(compareStrings));
    }
  }
  const evidenceOf = (claims: string[]) => claims.reduce((sum, claim) => sum + (facts.evidenceCount.get(claim) ?? 0), 0);
  // Plain edges of one relation mostly carry equal attributes: one object for each distinct set
  // (views read them, never change them), not one per edge.
  const attributeSets = new Map<string, EdgeAttributes>();
  const sharedAttributes = (attributes: EdgeAttributes): EdgeAttributes => {
    const key = `${attributes.kind}\0${attributes.label}\0${attributes.predicate}\0${attributes.via ?? ""}\0${attributes.evidenceCount}`;
    const known = attributeSets.get(key);
    if (known) return known;
    attributeSets.set(key, attributes);
    return attributes;
  };
  // So do the claims: an event's edges (its aggressor, target, place, ...) all have [event].
  const claimLists = new Map<string, string[]>();
  const sharedClaims = (claims: string[]): string[] => {
    const key = claims.join("\0");
    const known = claimLists.get(key);
    if (known) return known;
    claimLists.set(key, claims);
    return claims;
  };

  for (const row of plain.rows) {
    const [s, p, o] = [iriOf(row, "s")!, iriOf(row, "p")!, iriOf(row, "o")!];
    if (p === CAS.evidence || !nodes.has(s) || !nodes.has(o)) continue;
    const threats = p === CAS.threatened ? (threatsBetween.get(`${s} ${o}`) ?? []) : [];
    const claims = sharedClaims(threats.length > 0 ? threats : [s, o].filter((n) => CLAIM_KINDS.has(nodes.get(n)!.attributes.kind)));
    const spec = RELATIONS[p];
    let kind = spec?.kind ?? "other";
    // An aggressor or target of a war is drawn as war, of anything else as a role.
    if ((p === `${NS.cas}aggressor` || p === `${NS.cas}target`) && isWar(facts.eventTypes.get(s))) kind = "war";
    const reversed = spec?.drawReversed ?? false;
    const attributes = sharedAttributes({
      kind,
      label: spec ? (reversed ? spec.inverse : spec.forward) : schema.label(p),
      predicate: p,
      ...(threats[0] ? { via: threats[0] } : {}),
      evidenceCount: evidenceOf(claims),
    });
    const forward = spec?.forward ?? attributes.label;
    const inverse = spec?.inverse ?? `is ${attributes.label} of`;
    add(new PlainEdge(reversed ? o : s, reversed ? s : o, attributes, reversed ? inverse : forward, reversed ? forward : inverse, claims, reversed));
  }

  for (const row of territories.rows) {
    const [treaty, provision, place] = [iriOf(row, "treaty"), iriOf(row, "provision"), iriOf(row, "place")];
    if (!treaty || !provision || !place) continue;
    const attributes = viaAttributes(facts, provision, "place", RELATIONS[CAS.territory]!.forward, CAS.territory);
    const { forward, inverse } = RELATIONS[CAS.territory]!;
    add({ key: `${treaty}|${CAS.territory}|${place}|${provision}`, source: treaty, target: place, attributes, phrase: forward, inversePhrase: inverse, claims: [provision], triples: [[treaty, CAS.provision, provision], [provision, CAS.territory, place]] });
  }

  for (const [state, { members, level }] of groupDyads(states.rows, "state", "level")) {
    if (members.length !== 2) continue;
    const [a, b] = members as [string, string];
    const rank = level ? schema.rank(level) : undefined;
    const levelLabel = level ? lowerFirst(schema.label(level)) : "relationship";
    const years = yearsText(facts.start.get(state), facts.end.get(state));
    const attributes = viaAttributes(facts, state, levelKind(level, rank), years ? `${levelLabel} (${years})` : levelLabel, CAS.RelationshipState);
    const phrase = `in ${attributes.label} with`;
    add({ key: state, source: a, target: b, attributes, phrase, inversePhrase: phrase, claims: [state], triples: [[state, CAS.dyadMember, a], [state, CAS.dyadMember, b]] });
  }

  const roleParties = new Map<string, string>();
  for (const row of roles.rows) {
    const [role, party] = [iriOf(row, "role"), iriOf(row, "party")];
    if (role && party && (!roleParties.has(role) || party < roleParties.get(role)!)) roleParties.set(role, party);
  }
  for (const [role, { members, level: type }] of groupDyads(roles.rows, "role", "type")) {
    const party = roleParties.get(role);
    if (!party) continue;
    const roleLabel = type ? lowerFirst(schema.label(type)) : "third party";
    const label = `${roleLabel} (third party)`;
    for (const member of members) {
      const attributes = viaAttributes(facts, role, "thirdParty", label, CAS.ThirdPartyRole);
      const years = yearsText(attributes.startYear, attributes.endYear);
      const detail = `${roleLabel} (third party${years ? `, ${years}` : ""})`;
      add({
        key: `${role}|${member}`,
        source: party,
        target: member,
        attributes,
        phrase: `${detail} for`,
        inversePhrase: `had as ${detail}`,
        claims: [role],
        triples: [[role, CAS.thirdParty, party], [role, CAS.dyadMember, member]],
      });
    }
  }

  for (const [claim, bySource] of citationsOf) {
    for (const [src, evidence] of bySource) {
      const evs = [...evidence].sort(compareStrings);
      const attributes: EdgeAttributes = {
        kind: "citation",
        label: RELATIONS[CAS.cites]!.forward,
        predicate: CAS.cites,
        via: evs[0],
        evidenceCount: evs.length,
      };
      const { forward, inverse } = RELATIONS[CAS.cites]!;
      add({ key: `${claim}|${CAS.cites}|${src}`, source: claim, target: src, attributes, phrase: forward, inversePhrase: inverse, claims: [], triples: [] });
    }
  }

  // Resources outside Caspian's ontology, read through the view profile (foreignGraph.ts).
  const foreign = await readForeignGraph(engine, new Set(nodes.keys()));
  for (const node of foreign.nodes) nodes.set(node.key, node);
  for (const edge of foreign.edges) add(edge);

  // Sorted by the build's own keys: a plain edge makes its key anew each time it is asked.
  const sorted = [...edges].sort(([a], [b]) => compareStrings(a, b)).map(([, edge]) => edge);
  return { nodes, edges: sorted, eventTypes: facts.eventTypes, start: facts.start, end: facts.end };
}

/**
 * An edge for one asserted triple, the bulk of the model (500k at a million triples): its key
 * (`s|p|o`) and its triple are derived when asked rather than kept, ~85 MB of key strings and two
 * arrays per edge at a million triples.
 */
class PlainEdge implements ModelEdge {
  constructor(
    readonly source: string,
    readonly target: string,
    readonly attributes: EdgeAttributes,
    readonly phrase: string,
    readonly inversePhrase: string,
    readonly claims: string[],
    private readonly reversed: boolean,
  ) {}

  get key(): string {
    const [s, o] = this.reversed ? [this.target, this.source] : [this.source, this.target];
    return `${s}|${this.attributes.predicate}|${o}`;
  }

  get triples(): [string, string, string][] {
    return [this.reversed ? [this.target, this.attributes.predicate, this.source] : [this.source, this.attributes.predicate, this.target]];
  }
}

/** Every IRI-to-IRI statement with a cas: predicate, as ?s ?p ?o rows, a predicate at a time. */
async function casStatements(engine: QueryEngine): Promise<{ rows: SparqlRow[] }> {
  const { rows: predicates } = await selectAll(engine, `SELECT DISTINCT ?p WHERE { ?s ?p ?o . FILTER(STRSTARTS(STR(?p), "${NS.cas}")) }`);
  const iris = predicates.map((row) => iriOf(row, "p")).filter((p): p is string => p !== undefined).sort(compareStrings);
  return selectByPredicate(engine, iris, "isIRI(?s) && isIRI(?o)");
}

function viaAttributes(facts: Facts, via: string, kind: EdgeAttributes["kind"], label: string, predicate: string): EdgeAttributes {
  const attributes: EdgeAttributes = { kind, label, predicate, via, evidenceCount: facts.evidenceCount.get(via) ?? 0 };
  setYears(attributes, facts, via);
  if (facts.disputed.has(via)) attributes.disputed = true;
  return attributes;
}

function groupDyads(rows: Record<string, SparqlJsonTerm>[], nodeVar: string, typeVar: string) {
  const groups = new Map<string, { members: string[]; level?: string }>();
  for (const row of rows) {
    const node = iriOf(row, nodeVar);
    const member = iriOf(row, "member");
    if (!node || !member) continue;
    const group = groups.get(node) ?? { members: [] };
    if (!group.members.includes(member)) group.members.push(member);
    const type = iriOf(row, typeVar);
    if (type && (!group.level || type < group.level)) group.level = type;
    groups.set(node, group);
  }
  for (const group of groups.values()) group.members.sort(compareStrings);
  return [...groups].sort(([a], [b]) => compareStrings(a, b));
}

/** Kinds of node whose evidence backs the plain edges they take part in. */
const CLAIM_KINDS = new Set(["event", "treaty", "threat"]);

/** Event types whose aggressor and target are at war (cas:EventTypes). */
const WAR_EVENT_TYPES = new Set(["War", "CivilWar", "Invasion", "Conquest", "Siege"].map((t) => `${NS.cas}${t}`));

export function isWar(types: string[] | undefined): boolean {
  return (types ?? []).some((t) => WAR_EVENT_TYPES.has(t));
}

/** "Strategic cooperation" → "strategic cooperation", but "USSR support" stays. */
export function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

