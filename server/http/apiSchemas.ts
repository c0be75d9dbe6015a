/**
 * API response schemas
 * ====================
 * zod schemas of what every /api/v1 route answers, from which openApi.ts writes the OpenAPI 3.1
 * document (/api/v1/openapi.json). They mirror the types of contract/api.ts (which stays free of
 * dependencies); openApi.test.ts validates real answers against the generated document, so a
 * schema that drifts from what the server sends fails there. Objects are open
 * (additionalProperties allowed): a field added to the contract is not a breaking change.
 */
import { z } from "zod";
import { NODE_KINDS, RELATION_KINDS } from "../../contract/kinds.ts";

const nodeKind = z.enum(NODE_KINDS);
const relationKind = z.enum(RELATION_KINDS);
const year = z.number().int();
const open = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

export const Ref = open({ iri: z.string(), label: z.string() }).meta({ id: "Ref" });
const KindRef = open({ iri: z.string(), label: z.string(), kind: nodeKind });
const Window = open({ from: year.optional(), to: year.optional() });

export const ApiError = open({ code: z.string(), message: z.string() }).meta({ id: "ApiError", description: "Every 4xx/5xx answer of the API." });

export const Evidence = open({
  iri: z.string(),
  quote: z.string().describe("Verbatim substring of the source text."),
  section: z.string().optional(),
  citationText: z.string().optional(),
  cites: open({ iri: z.string(), label: z.string(), citation: z.string().optional() }).optional(),
  pages: z.string().optional(),
  disputed: z.boolean().optional(),
  editorialNote: z.string().optional(),
}).meta({ id: "Evidence" });

const NodeAttributes = open({
  label: z.string(),
  kind: nodeKind,
  classIri: z.string(),
  classLabel: z.string(),
  startYear: year.optional(),
  endYear: year.optional(),
  disputed: z.boolean().optional(),
  evidenceCount: z.number().int(),
});

const EdgeAttributes = open({
  kind: relationKind,
  label: z.string(),
  predicate: z.string(),
  via: z.string().optional(),
  startYear: year.optional(),
  endYear: year.optional(),
  evidenceCount: z.number().int(),
  disputed: z.boolean().optional(),
  // The actors' view adds these.
  relation: relationKind.optional(),
  weight: z.number().int().optional(),
  grounds: z.array(z.string()).optional(),
  statements: z.array(z.string()).optional(),
  statementCount: z.number().int().optional(),
  editorial: z.boolean().optional(),
});

export const GraphPayload = open({
  attributes: open({
    omitted: z.string().optional(),
    totalNodes: z.number().int(),
    totalEdges: z.number().int(),
    view: z.enum(["full", "actors"]).optional(),
    window: Window.optional(),
    undatedOmitted: z.number().int().optional(),
    outsideWindow: z.number().int().optional(),
    editorialOmitted: z.number().int().optional(),
  }),
  options: open({ type: z.literal("directed"), multi: z.literal(true), allowSelfLoops: z.literal(false) }),
  nodes: z.array(open({ key: z.string(), attributes: NodeAttributes })),
  edges: z.array(open({ key: z.string(), source: z.string(), target: z.string(), attributes: EdgeAttributes })),
}).meta({ id: "GraphPayload", description: "graphology's serialized graph: the client calls Graph.from(payload)." });

export const EdgeStatements = open({
  source: Ref,
  target: Ref,
  relation: relationKind,
  key: z.string(),
  statements: z.array(
    open({
      iri: z.string().optional(),
      ground: KindRef,
      triples: z.array(open({ subject: Ref, predicate: Ref, object: Ref })),
      startYear: year.optional(),
      endYear: year.optional(),
      latestStartYear: year.optional(),
      earliestEndYear: year.optional(),
      attributedTo: Ref,
      editorial: z.boolean(),
      disputed: z.boolean(),
      note: z.string().optional(),
      alternativeTo: z.array(z.string()),
      evidence: z.array(Evidence),
      evidenceOf: z.enum(["statement", "subject"]),
    }),
  ),
}).meta({ id: "EdgeStatements" });

export const EntityDetails = open({
  iri: z.string(),
  label: z.string(),
  altLabels: z.array(z.string()),
  comment: z.string().optional(),
  kind: nodeKind,
  classes: z.array(Ref),
  startYear: year.optional(),
  endYear: year.optional(),
  dateAsWritten: z.array(z.string()).optional(),
  disputed: z.boolean(),
  editorialNotes: z.array(z.string()),
  properties: z.array(open({ predicate: Ref, value: open({ iri: z.string().optional(), label: z.string(), datatype: z.string().optional(), lang: z.string().optional() }) })),
  outgoing: z.array(open({ predicate: Ref, kind: relationKind, other: KindRef })),
  incoming: z.array(open({ predicate: Ref, kind: relationKind, other: KindRef })),
  evidence: z.array(Evidence),
}).meta({ id: "EntityDetails" });

export const SearchResults = open({
  results: z.array(open({ iri: z.string(), label: z.string(), matched: z.string(), kind: nodeKind, score: z.number(), inWindow: z.boolean().optional() })),
}).meta({ id: "SearchResults" });

const Span = { startYear: year, endYear: year };
export const Timeline = open({
  periods: z.array(open({ iri: z.string(), label: z.string(), kind: z.enum(["dynastic", "analytic", "other"]), country: Ref.optional(), ...Span })),
  events: z.array(open({ iri: z.string(), label: z.string(), kind: nodeKind, ...Span })),
  eventCount: z.number().int(),
  eventsOmitted: z.string().optional(),
  eventBuckets: z.array(open({ ...Span, count: z.number().int() })),
  relationshipStates: z.array(
    open({
      iri: z.string(),
      dyad: z.tuple([Ref, Ref]),
      level: open({ iri: z.string(), label: z.string(), rank: z.number() }),
      geography: Ref.optional(),
      period: Ref.optional(),
      ...Span,
      evidenceCount: z.number().int(),
    }),
  ),
}).meta({ id: "Timeline" });

export const PathsResult = open({
  from: Ref,
  to: Ref,
  order: z.enum(["any", "time"]).optional(),
  paths: z.array(
    open({
      nodes: z.array(Ref),
      steps: z.array(
        open({
          startYear: year.optional(),
          endYear: year.optional(),
          source: Ref,
          target: Ref,
          predicate: Ref,
          sentence: z.string(),
          evidence: z.array(Evidence),
          edge: z.string().optional(),
          via: z.string().optional(),
        }),
      ),
    }),
  ),
}).meta({ id: "PathsResult" });

const RoleEntry = open({
  iri: z.string(),
  role: Ref,
  supports: Ref.optional(),
  period: Ref.optional(),
  startYear: year.optional(),
  endYear: year.optional(),
  evidence: z.array(Evidence),
});
const PartyRoles = z.array(open({ actor: Ref, roles: z.array(RoleEntry) }));
export const ThirdPartyAnalysis = open({
  dyad: z.tuple([Ref, Ref]),
  thirdParties: PartyRoles,
  window: Window.optional(),
  undatedOmitted: z.number().int().optional(),
  periods: z.array(open({ period: open({ iri: z.string(), label: z.string(), startYear: year.optional(), endYear: year.optional() }).optional(), thirdParties: PartyRoles })).optional(),
}).meta({ id: "ThirdPartyAnalysis" });

export const SourcePassage = open({
  section: z.string().optional(),
  paragraphIndex: z.number().int(),
  paragraph: z.string(),
  start: z.number().int(),
  end: z.number().int(),
}).meta({ id: "SourcePassage" });

const LoadedFile = open({ path: z.string(), triples: z.number().int(), graph: z.string().optional() });

export const Health = open({
  status: z.enum(["ok", "loading", "degraded"]),
  version: z.string(),
  triples: z.number().int(),
  engine: z.string(),
  problem: z.string().optional(),
  loading: open({ percent: z.number(), triples: z.number(), triplesPerSecond: z.number(), etaSeconds: z.number().optional() }).optional(),
  datasets: z.array(LoadedFile),
}).meta({ id: "Health" });

export const PlacesMap = open({
  places: z.array(
    open({
      iri: z.string(),
      label: z.string(),
      kind: nodeKind,
      altLabels: z.array(z.string()),
      lat: z.number().optional(),
      long: z.number().optional(),
      approximate: z.boolean(),
      note: z.string().optional(),
      sources: z.array(Ref),
      mentions: z.number().int(),
    }),
  ),
  happenings: z.array(
    open({
      iri: z.string(),
      label: z.string(),
      place: z.string(),
      kind: nodeKind,
      relation: relationKind,
      type: Ref.optional(),
      change: z.enum(["ceded", "annexed", "occupied", "partitioned", "evacuated", "conquered", "recognised"]).optional(),
      treaty: Ref.optional(),
      startYear: year.optional(),
      endYear: year.optional(),
      yearsOfPeriod: z.boolean().optional(),
      quote: z.string().optional(),
      evidenceCount: z.number().int(),
    }),
  ),
}).meta({ id: "PlacesMap" });

export const Examples = open({
  examples: z.array(open({ id: z.string(), question: z.string(), query: z.string() })),
}).meta({ id: "Examples" });

const UploadedDataset = open({ name: z.string(), graph: z.string(), triples: z.number().int(), bytes: z.number().int(), uploadedAt: z.string(), format: z.string() });
export const DatasetList = open({
  uploads: z.array(UploadedDataset),
  files: z.array(LoadedFile),
  quarantined: z.array(open({ file: z.string(), reason: z.string() })),
}).meta({ id: "DatasetList" });
export const UploadAnswer = open({ dataset: UploadedDataset }).meta({ id: "UploadAnswer" });
