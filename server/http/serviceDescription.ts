/**
 * SPARQL service description
 * ==========================
 * What GET /sparql without a query answers, as the SPARQL 1.1 Service Description recommends:
 * the endpoint, the language, the result formats on offer and the size of the default graph,
 * in Turtle (or N-Triples / JSON-LD when asked).
 */
import { NS } from "../rdf/namespaces.ts";
import { MEDIA } from "../sparql/mediaTypes.ts";

const FORMATS = "http://www.w3.org/ns/formats/";

/** The W3C format IRI of each media type the endpoint answers in. */
const FORMAT_IRIS: Record<string, string> = {
  [MEDIA.resultsJson]: "SPARQL_Results_JSON",
  [MEDIA.resultsXml]: "SPARQL_Results_XML",
  [MEDIA.csv]: "SPARQL_Results_CSV",
  [MEDIA.tsv]: "SPARQL_Results_TSV",
  [MEDIA.turtle]: "Turtle",
  [MEDIA.nTriples]: "N-Triples",
  [MEDIA.jsonLd]: "JSON-LD",
  [MEDIA.rdfXml]: "RDF_XML",
};

export function serviceDescription(endpoint: string, triples: number): string {
  const formats = Object.values(FORMAT_IRIS)
    .map((name) => `<${FORMATS}${name}>`)
    .join(", ");
  return `@prefix sd: <${NS.sd}> .
@prefix void: <${NS.void}> .

<${endpoint}#service> a sd:Service ;
  sd:endpoint <${endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat ${formats} ;
  sd:defaultDataset [
    a sd:Dataset ;
    sd:defaultGraph [ a sd:Graph ; void:triples ${triples} ]
  ] .
`;
}
