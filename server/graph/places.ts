/**
 * Places on the map
 * =================
 * The map's data (GET /api/v1/places): every cas:Place and every state the data uses as a place,
 * with its coordinates from data/place-coordinates.ttl (geo:lat/geo:long, the gazetteer records,
 * cas:approximateLocation and its note), how many claims name it, and what happened there —
 * events, treaties, threats and relationships with cas:place, and treaty provisions with
 * cas:territory — with their years, type, first quote and, for territorial change as the
 * article states it, the kind of change. Years follow the views' one rule (timeWindow.ts). A place without coordinates is still listed: the map
 * shows it beside the base map. Read once per engine and data (perEngine.ts).
 */
import type { MapHappening, MapPlace, PlacesMap, RelationKind, TerritorialChange } from "../../contract/api.ts";
import { NS } from "../rdf/namespaces.ts";
import type { QueryEngine, SparqlRow } from "../sparql/engine.ts";
import { evidenceFor } from "./evidence.ts";
import { LabelMap } from "./labels.ts";
import { perEngine } from "./perEngine.ts";
import { schemaIndex } from "./schemaIndex.ts";
import { readTimeIndex, spanOf } from "./timeWindow.ts";
import { SPARQL_PREFIXES, bool, compareStrings, int, iriOf, selectAll, str } from "./sparqlText.ts";
import { CAS, levelKind } from "./vocabulary.ts";

const GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#";
const PREFIXES = `${SPARQL_PREFIXES}\nPREFIX geo: <${GEO}>`;
const cas = (local: string) => `${NS.cas}${local}`;

/** Territorial change as the article states it: the event or provision type → the change. */
export const TERRITORIAL_CHANGES: Record<string, TerritorialChange> = {
  [cas("TerritoryCeded")]: "ceded",
  [cas("Partition")]: "partitioned",
  [cas("Recognition")]: "recognised",
  [cas("Annexation")]: "annexed",
  [cas("Occupation")]: "occupied",
  [cas("Conquest")]: "conquered",
  [cas("Withdrawal")]: "evacuated",
};

/** The network's relation kind a happening of this type is coloured by on the map. */
const TYPE_RELATIONS: Record<string, RelationKind> = Object.fromEntries([
  ...["War", "CivilWar", "Invasion", "Siege", "Conquest", "Occupation", "Annexation"].map((t) => [cas(t), "war"]),
  ...["Intervention", "Crisis", "Sanctions"].map((t) => [cas(t), "rivalry"]),
  ...["CooperationEpisode", "ArmsTransfer", "DiplomaticMission", "Visit", "Protection"].map((t) => [cas(t), "alliance"]),
  ...["Agreement", "TerritoryCeded", "Partition", "Recognition", "Concession", "ConcessionsAbolished", "MutualAssistance", "Loan",
    "EconomicCooperation", "MilitaryCooperation", "ConsularArrangements"].map((t) => [cas(t), "treatyParty"]),
]);

export const placesMap = perEngine(async (engine: QueryEngine): Promise<PlacesMap> => {
  const placeSet = `{ ?p a/rdfs:subClassOf* cas:Place } UNION { ?any cas:place|cas:territory ?p . ?p a/rdfs:subClassOf* cas:State }`;
  const [times, schema, places, placeClasses, altLabels, sources, notes, mentions, happenings, classes] = await Promise.all([
    readTimeIndex(engine),
    schemaIndex(engine),
    selectAll(engine, `${PREFIXES}
SELECT DISTINCT ?p ?label ?lat ?long ?approx WHERE {
  ${placeSet}
  FILTER(isIRI(?p))
  OPTIONAL { ?p rdfs:label ?label }
  OPTIONAL { ?p geo:lat ?lat ; geo:long ?long }
  OPTIONAL { ?p cas:approximateLocation ?approx }
}`),
    selectAll(engine, `${PREFIXES}\nSELECT DISTINCT ?p ?class WHERE { ${placeSet} ?p a ?class }`),
    selectAll(engine, `${PREFIXES}
SELECT DISTINCT ?p ?alt WHERE { ${placeSet} ?p skos:altLabel ?alt }`),
    selectAll(engine, `${PREFIXES}
SELECT DISTINCT ?p ?src ?srcLabel WHERE { ${placeSet} ?p geo:lat ?lat ; dcterms:source ?src . OPTIONAL { ?src rdfs:label ?srcLabel } }`),
    selectAll(engine, `${PREFIXES}
SELECT DISTINCT ?p ?note WHERE { ${placeSet} ?p cas:approximateLocation ?approx ; skos:editorialNote ?note }`),
    selectAll(engine, `${PREFIXES}
SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ${placeSet}
  ?s ?pred ?p . FILTER(STRSTARTS(STR(?pred), STR(cas:)))
} GROUP BY ?p`),
    selectAll(engine, `${PREFIXES}
SELECT DISTINCT ?x ?xLabel ?place ?type ?typeLabel ?treaty ?treatyLabel ?start ?end ?level WHERE {
  {
    ?x cas:place ?place .
    OPTIONAL { ?x cas:eventType ?type }
    OPTIONAL { ?x cas:relationshipLevel ?level }
    OPTIONAL { ?x cas:startYear ?start } OPTIONAL { ?x cas:endYear ?end }
  } UNION {
    ?treaty cas:provision ?x . ?x cas:territory ?place .
    OPTIONAL { ?x cas:provisionType ?type }
    OPTIONAL { ?treaty rdfs:label ?treatyLabel }
    OPTIONAL { ?x cas:startYear ?own } OPTIONAL { ?treaty cas:startYear ?treatyStart }
    OPTIONAL { ?x cas:endYear ?ownEnd } OPTIONAL { ?treaty cas:endYear ?treatyEnd }
    BIND(COALESCE(?own, ?treatyStart) AS ?start)
    BIND(COALESCE(?ownEnd, ?treatyEnd) AS ?end)
  }
  OPTIONAL { ?x rdfs:label ?xLabel }
  OPTIONAL { ?type rdfs:label|skos:prefLabel ?typeLabel }
}`),
    selectAll(engine, `${PREFIXES}
SELECT DISTINCT ?x ?class WHERE { { ?x cas:place ?place } UNION { ?x cas:territory ?place } ?x a ?class }`),
  ]);

  const labels = new LabelMap();
  for (const row of [...places.rows, ...happenings.rows]) {
    for (const v of ["p", "x", "type", "treaty"]) {
      const iri = iriOf(row, v);
      if (iri) labels.add(iri, row[`${v}Label`] ?? row.label);
    }
  }
  for (const row of sources.rows) {
    const src = iriOf(row, "src");
    if (src) labels.add(src, row.srcLabel);
  }
  const ref = (iri: string) => ({ iri, label: labels.has(iri) ? labels.get(iri) : schema.label(iri) });
  const group = (rows: SparqlRow[], key: string, value: (row: SparqlRow) => string | undefined) => {
    const out = new Map<string, string[]>();
    for (const row of rows) {
      const k = iriOf(row, key);
      const v = value(row);
      if (k && v !== undefined) out.set(k, [...(out.get(k) ?? []), v]);
    }
    for (const list of out.values()) list.sort(compareStrings);
    return out;
  };
  const alts = group(altLabels.rows, "p", (r) => str(r, "alt"));
  const sourceIris = group(sources.rows, "p", (r) => iriOf(r, "src"));
  const noteTexts = group(notes.rows, "p", (r) => str(r, "note"));
  const mentionCount = new Map(mentions.rows.map((r) => [iriOf(r, "p") ?? "", int(r, "n") ?? 0]));
  const classesOf = group(classes.rows, "x", (r) => iriOf(r, "class"));
  // States standing for their territory classify as actors, places as places.
  const placeClassesOf = group(placeClasses.rows, "p", (r) => iriOf(r, "class"));

  const placeList = new Map<string, MapPlace>();
  for (const row of places.rows) {
    const iri = iriOf(row, "p");
    if (!iri || placeList.has(iri)) continue;
    const lat = Number(str(row, "lat"));
    const long = Number(str(row, "long"));
    const placed = str(row, "lat") !== undefined && Number.isFinite(lat) && Number.isFinite(long);
    const approximate = bool(row, "approx") ?? false;
    const note = noteTexts.get(iri)?.join(" ");
    placeList.set(iri, {
      ...ref(iri),
      kind: schema.classify(placeClassesOf.get(iri) ?? [CAS.Place]).kind,
      altLabels: alts.get(iri) ?? [],
      ...(placed ? { lat, long } : {}),
      approximate,
      ...(note ? { note } : {}),
      sources: (sourceIris.get(iri) ?? []).map(ref),
      mentions: mentionCount.get(iri) ?? 0,
    });
  }

  const seen = new Set<string>();
  const happeningList: Omit<MapHappening, "quote" | "evidenceCount">[] = [];
  for (const row of happenings.rows) {
    const x = iriOf(row, "x");
    const place = iriOf(row, "place");
    if (!x || !place || !placeList.has(place)) continue;
    const key = `${x} ${place}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const type = iriOf(row, "type");
    const treaty = iriOf(row, "treaty");
    const info = schema.classify(classesOf.get(x) ?? []);
    const kind = treaty ? "treaty" : info.kind;
    const level = iriOf(row, "level");
    const relation: RelationKind = level
      ? levelKind(level, schema.rank(level))
      : (type ? TYPE_RELATIONS[type] : undefined) ?? (kind === "threat" ? "threat" : kind === "treaty" ? "treatyParty" : "other");
    // Years of its own (a provision: its treaty's), else the views' one rule (timeWindow.ts):
    // the years of the dated periods it lies in.
    const own = spanOf({ startYear: int(row, "start"), endYear: int(row, "end") });
    const span = own ?? times.ownSpan(x) ?? (treaty ? times.ownSpan(treaty) : undefined);
    const startYear = span?.start;
    const endYear = span?.end;
    const change = type ? TERRITORIAL_CHANGES[type] : undefined;
    happeningList.push({
      ...ref(x),
      place,
      kind,
      relation,
      ...(type ? { type: ref(type) } : {}),
      ...(change ? { change } : {}),
      ...(treaty ? { treaty: ref(treaty) } : {}),
      ...(startYear !== undefined ? { startYear, endYear } : {}),
      ...(span && !own ? { yearsOfPeriod: true } : {}),
    });
  }
  const evidence = await evidenceFor(engine, happeningList.map((h) => h.iri));
  const withQuotes: MapHappening[] = happeningList.map((h) => {
    const list = evidence.get(h.iri) ?? [];
    return { ...h, ...(list[0] ? { quote: list[0].quote } : {}), evidenceCount: list.length };
  });
  withQuotes.sort((a, b) => (a.startYear ?? Infinity) - (b.startYear ?? Infinity) || compareStrings(a.iri, b.iri) || compareStrings(a.place, b.place));
  return {
    places: [...placeList.values()].sort((a, b) => compareStrings(a.label, b.label) || compareStrings(a.iri, b.iri)),
    happenings: withQuotes,
  };
});
