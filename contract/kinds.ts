/**
 * Kinds
 * =====
 * What a node is drawn as and how an edge is styled: the one list of each, in legend order (the
 * seven kinds the article reasons with, then the rest). The API validates against them, the
 * legend and the CLI list them, and the types are derived from them.
 */
export const NODE_KINDS = ["actor", "period", "treaty", "event", "threat", "place", "source", "other"] as const;

/** What a node is drawn as; derived from its rdf:type through rdfs:subClassOf*. */
export type NodeKind = (typeof NODE_KINDS)[number];

export const RELATION_KINDS = [
  "alliance", // relationship state: strategic alliance / partnership / cooperation / cooperation
  "rivalry", // relationship state: rivalry
  "threat", // cas:threatened, threat source/target, relationship state "threat"
  "war", // relationship state "war", aggressor/target of a war
  "treatyParty", // cas:party
  "thirdParty", // a third party's role in a dyad
  "role", // an actor's role in an event (aggressor, target, mediator, supporter, participant)
  "place", // cas:place, cas:territory
  "time", // cas:duringPeriod, cas:periodOf
  "citation", // a claim and the work its evidence cites
  "other",
] as const;

/** How an edge is styled; derived from the predicate (or the n-ary node) it stands for. */
export type RelationKind = (typeof RELATION_KINDS)[number];
