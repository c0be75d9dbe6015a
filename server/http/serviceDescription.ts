/**
 * SPARQL service description and VoID
 * ====================================
 * What GET /sparql without a query answers, as the SPARQL 1.1 Service Description says: the
 * endpoint, the language, every result format on offer (W3C format IRIs), the features, and the
 * default dataset described with VoID statistics (triples, entities, class and property
 * partitions, vocabularies, source) and its named graphs. /.well-known/void answers the same dataset description.
 * Built as triples, then written in the negotiated RDF format (Turtle by default).
 */
import N3 from "n3";
import type { DatasetStatistics } from "../graph/datasetStatistics.ts";
import { NS } from "../rdf/namespaces.ts";
import { MEDIA } from "../sparql/mediaTypes.ts";
import { serializeTriples } from "../sparql/serializeTriples.ts";

const { namedNode, literal, blankNode, quad } = N3.DataFactory;
type Term = N3.NamedNode | N3.BlankNode | N3.Literal;

const FORMATS = "http://www.w3.org/ns/formats/";

/** The W3C format IRI of each media type the endpoint answers in. */
export const FORMAT_IRIS: Record<string, string> = {
  [MEDIA.resultsJson]: `${FORMATS}SPARQL_Results_JSON`,
  [MEDIA.resultsXml]: `${FORMATS}SPARQL_Results_XML`,
  [MEDIA.csv]: `${FORMATS}SPARQL_Results_CSV`,
  [MEDIA.tsv]: `${FORMATS}SPARQL_Results_TSV`,
  [MEDIA.turtle]: `${FORMATS}Turtle`,
  [MEDIA.nTriples]: `${FORMATS}N-Triples`,
  [MEDIA.jsonLd]: `${FORMATS}JSON-LD`,
  [MEDIA.rdfXml]: `${FORMATS}RDF_XML`,
};

export const DATASET_TITLE = "Caspian: Iran and Russia, after Jahangir Karami's article";

export interface DescriptionIris {
  /** The endpoint's URL, e.g. http://localhost:8080/sparql. */
  endpoint: string;
  /** The VoID dataset's IRI, e.g. http://localhost:8080/.well-known/void#dataset. */
  dataset: string;
}

const sd = (name: string) => namedNode(`${NS.sd}${name}`);
const voidTerm = (name: string) => namedNode(`${NS.void}${name}`);
const count = (n: number) => literal(String(n), namedNode(`${NS.xsd}integer`));
const A = namedNode(`${NS.rdf}type`);

/** The service description with the dataset's VoID, as N-Triples-ready quads. */
export function serviceDescriptionQuads(iris: DescriptionIris, stats: DatasetStatistics): N3.Quad[] {
  const service = namedNode(`${iris.endpoint}#service`);
  const triples: [N3.NamedNode | N3.BlankNode, N3.NamedNode, Term][] = [
    [service, A, sd("Service")],
    [service, sd("endpoint"), namedNode(iris.endpoint)],
    [service, sd("supportedLanguage"), sd("SPARQL11Query")],
    // Without default-graph-uri, the default graph is the union of every loaded graph.
    [service, sd("feature"), sd("UnionDefaultGraph")],
    ...Object.values(FORMAT_IRIS).map((iri): [N3.NamedNode, N3.NamedNode, Term] => [service, sd("resultFormat"), namedNode(iri)]),
    [service, sd("defaultDataset"), namedNode(iris.dataset)],
  ];
  return [...triples.map(([s, p, o]) => quad(s, p, o)), ...voidQuads(iris, stats)];
}

/** The dataset alone, as /.well-known/void serves it. */
export function voidQuads(iris: DescriptionIris, stats: DatasetStatistics): N3.Quad[] {
  const dataset = namedNode(iris.dataset);
  const defaultGraph = namedNode(`${iris.dataset.replace(/#.*$/, "")}#defaultGraph`);
  const out: N3.Quad[] = [];
  const add = (s: N3.NamedNode | N3.BlankNode, p: N3.NamedNode, o: Term) => out.push(quad(s, p, o));
  add(dataset, A, sd("Dataset"));
  add(dataset, A, voidTerm("Dataset"));
  add(dataset, namedNode(`${NS.dcterms}title`), literal(DATASET_TITLE, "en"));
  for (const source of stats.sources) add(dataset, namedNode(`${NS.dcterms}source`), namedNode(source));
  add(dataset, voidTerm("sparqlEndpoint"), namedNode(iris.endpoint));
  add(dataset, voidTerm("uriSpace"), literal(NS.cd));
  add(dataset, voidTerm("triples"), count(stats.triples));
  add(dataset, voidTerm("entities"), count(stats.entities));
  add(dataset, voidTerm("classes"), count(stats.classes));
  add(dataset, voidTerm("properties"), count(stats.properties));
  add(dataset, voidTerm("distinctSubjects"), count(stats.distinctSubjects));
  add(dataset, voidTerm("distinctObjects"), count(stats.distinctObjects));
  for (const vocabulary of stats.vocabularies) add(dataset, voidTerm("vocabulary"), namedNode(vocabulary));
  for (const partition of stats.classPartitions) {
    const node = blankNode();
    add(dataset, voidTerm("classPartition"), node);
    add(node, voidTerm("class"), namedNode(partition.class));
    add(node, voidTerm("entities"), count(partition.entities));
  }
  for (const partition of stats.propertyPartitions) {
    const node = blankNode();
    add(dataset, voidTerm("propertyPartition"), node);
    add(node, voidTerm("property"), namedNode(partition.property));
    add(node, voidTerm("triples"), count(partition.triples));
  }
  add(dataset, sd("defaultGraph"), defaultGraph);
  add(defaultGraph, A, sd("Graph"));
  add(defaultGraph, voidTerm("triples"), count(stats.triples));
  // The named graphs the default graph unites, each a file or an upload, for GRAPH and FROM NAMED.
  for (const graph of stats.namedGraphs) {
    const named = blankNode();
    const inner = blankNode();
    add(dataset, sd("namedGraph"), named);
    add(named, A, sd("NamedGraph"));
    add(named, sd("name"), namedNode(graph.name));
    add(named, sd("graph"), inner);
    add(inner, A, sd("Graph"));
    add(inner, voidTerm("triples"), count(graph.triples));
  }
  return out;
}

/** Writes quads in one of the endpoint's RDF media types (Turtle with Caspian's prefixes). */
export function writeDescription(quads: N3.Quad[], mediaType: string): string {
  const nTriples = new N3.Writer({ format: "N-Triples" }).quadsToString(quads);
  return serializeTriples(nTriples, mediaType, Number.POSITIVE_INFINITY).body;
}
