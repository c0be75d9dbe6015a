/**
 * Dataset statistics
 * ==================
 * The VoID numbers of the store's default graph (every loaded graph, unioned): triples, entities,
 * classes and properties with a partition per class and per property, distinct subjects and
 * objects, the vocabularies in use and the articles the data is drawn from. Each is one SPARQL
 * aggregate through the QueryEngine (GROUP BY counts are quick on Oxigraph), counted again only
 * when the store's size changes (an upload added or dropped a graph).
 */
import type { QueryEngine } from "../sparql/engine.ts";
import { SPARQL_PREFIXES, int, iriOf, selectAll } from "./sparqlText.ts";

export interface DatasetStatistics {
  triples: number;
  /** Distinct IRIs in subject position: VoID's "entities" as most publishers count them. */
  entities: number;
  classes: number;
  properties: number;
  distinctSubjects: number;
  distinctObjects: number;
  /** Instances per class (rdf:type), most populous first. */
  classPartitions: { class: string; entities: number }[];
  /** Triples per property, most used first. */
  propertyPartitions: { property: string; triples: number }[];
  /** Namespaces of the classes and properties in use, sorted. */
  vocabularies: string[];
  /** The documents the data's evidence quotes (oa:hasSource): VoID's dcterms:source. */
  sources: string[];
  /** Each named graph (a loaded file, an upload) with its triples, by name. */
  namedGraphs: { name: string; triples: number }[];
}

const TOTALS = `SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
  (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }`;
const ENTITIES = `SELECT (COUNT(DISTINCT ?s) AS ?entities) WHERE { ?s ?p ?o FILTER(isIRI(?s)) }`;

const CLASSES = `SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class`;
const GRAPHS = `SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g`;
const PROPERTIES = `SELECT ?property (COUNT(*) AS ?n) WHERE { ?s ?property ?o } GROUP BY ?property ORDER BY DESC(?n) ?property`;
// The documents evidence quotes from (oa:hasSource), not every article the data cites.
const SOURCES = `${SPARQL_PREFIXES}\nSELECT DISTINCT ?doc WHERE { ?target oa:hasSource ?doc FILTER(isIRI(?doc)) } ORDER BY ?doc`;

const cache = new WeakMap<QueryEngine, { size: number; value: Promise<DatasetStatistics> }>();

export async function datasetStatistics(engine: QueryEngine): Promise<DatasetStatistics> {
  const size = await engine.tripleCount();
  const cached = cache.get(engine);
  if (cached && cached.size === size) return cached.value;
  const value = count(engine);
  cache.set(engine, { size, value });
  // A failed count (a deadline) is forgotten, so the next request tries again.
  value.catch(() => {
    if (cache.get(engine)?.value === value) cache.delete(engine);
  });
  return value;
}

async function count(engine: QueryEngine): Promise<DatasetStatistics> {
  const [totals, entities, classes, properties, sources, graphs] = await Promise.all(
    [TOTALS, ENTITIES, CLASSES, PROPERTIES, SOURCES, GRAPHS].map((query) => selectAll(engine, query)),
  );
  const row = totals!.rows[0] ?? {};
  const classPartitions = classes!.rows.flatMap((r) => {
    const iri = iriOf(r, "class");
    return iri ? [{ class: iri, entities: int(r, "n") ?? 0 }] : [];
  });
  const propertyPartitions = properties!.rows.flatMap((r) => {
    const iri = iriOf(r, "property");
    return iri ? [{ property: iri, triples: int(r, "n") ?? 0 }] : [];
  });
  const vocabularies = new Set([...classPartitions.map((p) => p.class), ...propertyPartitions.map((p) => p.property)].map(namespaceOf));
  return {
    triples: int(row, "triples") ?? 0,
    entities: int(entities!.rows[0] ?? {}, "entities") ?? 0,
    classes: classPartitions.length,
    properties: int(row, "properties") ?? 0,
    distinctSubjects: int(row, "subjects") ?? 0,
    distinctObjects: int(row, "objects") ?? 0,
    classPartitions,
    propertyPartitions,
    vocabularies: [...vocabularies].sort(),
    sources: sources!.rows.flatMap((r) => iriOf(r, "doc") ?? []),
    namedGraphs: graphs!.rows.flatMap((r) => {
      const name = iriOf(r, "g");
      return name ? [{ name, triples: int(r, "n") ?? 0 }] : [];
    }),
  };
}

/** An IRI's namespace: up to its last `#` or `/` (VoID's void:vocabulary). */
export function namespaceOf(iri: string): string {
  const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
  return cut > iri.indexOf("://") + 2 ? iri.slice(0, cut + 1) : iri;
}
