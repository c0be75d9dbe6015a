/**
 * Caspian vocabulary for the views
 * ================================
 * The IRIs the views reason with, and how each relation reads in English: which RelationKind
 * styles it, how it is phrased from subject to object and back, and which way the explorer
 * draws it. One table, so the graph, the entity panel and the path sentences agree.
 */
import { NS } from "../rdf/namespaces.ts";
import type { NodeKind, RelationKind } from "../../contract/api.ts";

const { cas, cd, rdf, rdfs, skos, oa, dcterms, bibo, owl, prov, sem, time, foaf } = NS;

export const CAS = {
  Actor: `${cas}Actor`,
  Place: `${cas}Place`,
  Period: `${cas}Period`,
  DynasticPeriod: `${cas}DynasticPeriod`,
  AnalyticAge: `${cas}AnalyticAge`,
  Event: `${cas}Event`,
  Treaty: `${cas}Treaty`,
  Threat: `${cas}Threat`,
  CitedWork: `${cas}CitedWork`,
  Evidence: `${cas}Evidence`,
  RelationshipState: `${cas}RelationshipState`,
  ThirdPartyRole: `${cas}ThirdPartyRole`,
  Provision: `${cas}Provision`,
  evidence: `${cas}evidence`,
  cites: `${cas}cites`,
  party: `${cas}party`,
  provision: `${cas}provision`,
  territory: `${cas}territory`,
  dyadMember: `${cas}dyadMember`,
  threatened: `${cas}threatened`,
  threatSource: `${cas}threatSource`,
  threatTarget: `${cas}threatTarget`,
  thirdParty: `${cas}thirdParty`,
  thirdPartyRoleType: `${cas}thirdPartyRoleType`,
  supports: `${cas}supports`,
  relationshipLevel: `${cas}relationshipLevel`,
  geography: `${cas}geography`,
  duringPeriod: `${cas}duringPeriod`,
  periodOf: `${cas}periodOf`,
  startYear: `${cas}startYear`,
  endYear: `${cas}endYear`,
  disputed: `${cas}disputed`,
  dateAsWritten: `${cas}dateAsWritten`,
  eventType: `${cas}eventType`,
  inSection: `${cas}inSection`,
  citationText: `${cas}citationText`,
  Statement: `${cas}Statement`,
  latestStartYear: `${cas}latestStartYear`,
  earliestEndYear: `${cas}earliestEndYear`,
  alternativeTo: `${cas}alternativeTo`,
  State: `${cas}State`,
  Dynasty: `${cas}Dynasty`,
  People: `${cas}People`,
  PoliticalMovement: `${cas}PoliticalMovement`,
  ArmedGroup: `${cas}ArmedGroup`,
  aggressor: `${cas}aggressor`,
  target: `${cas}target`,
  mediator: `${cas}mediator`,
  supporter: `${cas}supporter`,
  participant: `${cas}participant`,
} as const;

export const CD = {
  Iran: `${cd}Iran`,
  Russia: `${cd}Russia`,
  SovietUnion: `${cd}SovietUnion`,
  /** The article's author: a claim with no statement node, or attributed to him, is his. */
  Karami: `${cd}Karami`,
  /** The editors: a statement attributed to them is their reading (editorial). */
  CaspianEditors: `${cd}CaspianEditors`,
} as const;

/** Classes whose members are nodes of the actors' network (view=actors): states, peoples,
 * dynasties, movements and armed groups, as issue #12 lists them (persons and organisations are
 * reached through the full view). */
export const NETWORK_ACTOR_CLASSES = [CAS.State, CAS.People, CAS.Dynasty, CAS.PoliticalMovement, CAS.ArmedGroup] as const;

export const RDF_TYPE = `${rdf}type`;
export const PROV_ATTRIBUTED = `${prov}wasAttributedTo`;
export const RDFS_LABEL = `${rdfs}label`;
export const RDFS_COMMENT = `${rdfs}comment`;
export const SKOS_ALT = `${skos}altLabel`;
export const SKOS_HIDDEN = `${skos}hiddenLabel`;
export const SKOS_NOTE = `${skos}editorialNote`;

/** The class roots of what the explorer draws, in the order that decides a node's kind. */
export const KIND_ROOTS: readonly [string, NodeKind][] = [
  [CAS.Treaty, "treaty"],
  [CAS.Threat, "threat"],
  [CAS.Event, "event"],
  [CAS.Period, "period"],
  [CAS.Actor, "actor"],
  [CAS.Place, "place"],
  [CAS.CitedWork, "source"],
  [`${bibo}Document`, "source"],
];

/** Root classes of the nodes graphView draws from rdf:type (sources are drawn when cited). */
export const DRAWN_ROOTS = [CAS.Actor, CAS.Place, CAS.Period, CAS.Event, CAS.Threat] as const;

/** bibo classes that are documents even when the ontology does not load bibo itself. */
export const SOURCE_CLASSES = [
  `${bibo}Document`, `${bibo}Book`, `${bibo}Article`, `${bibo}AcademicArticle`, `${bibo}Thesis`,
  `${bibo}Chapter`, CAS.CitedWork,
];

export interface RelationSpec {
  kind: RelationKind;
  /** Reading from subject to object: "Treaty of Turkmenchay — has party — Russia". */
  forward: string;
  /** Reading from object to subject: "Russia — party to — Treaty of Turkmenchay". */
  inverse: string;
  /** Drawn from the object to the subject, so the edge label reads as `inverse` (actor → event). */
  drawReversed?: boolean;
}

const c = (local: string) => `${cas}${local}`;

export const RELATIONS: Record<string, RelationSpec> = {
  [c("party")]: { kind: "treatyParty", forward: "has party", inverse: "party to", drawReversed: true },
  [c("aggressor")]: { kind: "role", forward: "aggressor", inverse: "aggressor in", drawReversed: true },
  [c("target")]: { kind: "role", forward: "directed against", inverse: "target of", drawReversed: true },
  [c("mediator")]: { kind: "role", forward: "mediated by", inverse: "mediator in", drawReversed: true },
  [c("supporter")]: { kind: "role", forward: "supported by", inverse: "supporter in", drawReversed: true },
  [c("participant")]: { kind: "role", forward: "involved", inverse: "participant in", drawReversed: true },
  [c("place")]: { kind: "place", forward: "took place in", inverse: "place of" },
  [c("territory")]: { kind: "place", forward: "concerned the territory", inverse: "territory in" },
  [c("duringPeriod")]: { kind: "time", forward: "during", inverse: "period of" },
  [c("periodOf")]: { kind: "time", forward: "period of", inverse: "had the period" },
  [c("threatened")]: { kind: "threat", forward: "threatened", inverse: "threatened by" },
  [c("threatSource")]: { kind: "threat", forward: "posed by", inverse: "posed" },
  [c("threatTarget")]: { kind: "threat", forward: "directed at", inverse: "faced" },
  [c("ruler")]: { kind: "other", forward: "ruled by", inverse: "ruler in" },
  [c("ruled")]: { kind: "other", forward: "ruled", inverse: "ruled by" },
  [c("ledBy")]: { kind: "other", forward: "led by", inverse: "led" },
  [c("memberOf")]: { kind: "other", forward: "member of", inverse: "had the member" },
  [c("fromActor")]: { kind: "other", forward: "from", inverse: "gave in" },
  [c("toActor")]: { kind: "other", forward: "to", inverse: "received in" },
  [c("supports")]: { kind: "thirdParty", forward: "supports", inverse: "supported by" },
  [c("thirdParty")]: { kind: "thirdParty", forward: "third party", inverse: "third party in" },
  [c("dyadMember")]: { kind: "other", forward: "between", inverse: "member of the dyad in" },
  [c("provision")]: { kind: "other", forward: "provided", inverse: "provision of" },
  [CAS.cites]: { kind: "citation", forward: "cites", inverse: "cited by" },
};

/** Readable names of standard predicates the ontology does not label itself. */
export const STANDARD_PREDICATE_LABELS: Record<string, string> = {
  [RDF_TYPE]: "type",
  [RDFS_LABEL]: "label",
  [RDFS_COMMENT]: "comment",
  [`${rdfs}subClassOf`]: "subclass of",
  [`${rdfs}seeAlso`]: "see also",
  [SKOS_ALT]: "also written",
  [SKOS_HIDDEN]: "hidden label",
  [`${skos}prefLabel`]: "preferred label",
  [`${skos}notation`]: "notation",
  [`${skos}inScheme`]: "in scheme",
  [SKOS_NOTE]: "editorial note",
  [`${skos}definition`]: "definition",
  [`${oa}hasBody`]: "about",
  [`${oa}hasTarget`]: "target",
  [`${oa}motivatedBy`]: "motivated by",
  [`${dcterms}title`]: "title",
  [`${dcterms}creator`]: "creator",
  [`${dcterms}date`]: "date",
  [`${dcterms}bibliographicCitation`]: "bibliographic citation",
  [`${dcterms}isPartOf`]: "part of",
  [`${dcterms}hasPart`]: "has part",
  [`${dcterms}references`]: "references",
  [`${dcterms}subject`]: "subject",
  [`${dcterms}language`]: "language",
  [`${bibo}pages`]: "pages",
  [`${bibo}translator`]: "translator",
  [`${prov}wasQuotedFrom`]: "quoted from",
  [`${sem}hasTimeStamp`]: "date",
  [`${owl}sameAs`]: "same as",
  [`${foaf}name`]: "name",
  [`${time}hasBeginning`]: "beginning",
};

/** Predicates that are plumbing, not relations a reader follows (kept among properties). */
export const NOT_A_RELATION = new Set<string>([RDF_TYPE, CAS.evidence, `${oa}hasBody`, `${rdfs}subClassOf`]);

/** A relationship level's RelationKind, from its rank (skos:notation 1–7) or else its name. */
export function levelKind(levelIri: string | undefined, rank: number | undefined): RelationKind {
  if (rank !== undefined) {
    if (rank <= 4) return "alliance";
    if (rank === 5) return "rivalry";
    if (rank === 6) return "threat";
    return "war";
  }
  const name = (levelIri ?? "").slice(cas.length);
  if (/War/.test(name)) return "war";
  if (/Threat/.test(name)) return "threat";
  if (/Rivalry/.test(name)) return "rivalry";
  if (/Alliance|Partnership|Cooperation/.test(name)) return "alliance";
  return "other";
}

/** Ranks of the README's levels, used when the ontology gives no skos:notation. */
export const LEVEL_RANKS: Record<string, number> = {
  [c("StrategicAlliance")]: 1,
  [c("StrategicPartnership")]: 2,
  [c("StrategicCooperation")]: 3,
  [c("Cooperation")]: 4,
  [c("Rivalry")]: 5,
  [c("ThreatLevel")]: 6,
  [c("War")]: 7,
};
