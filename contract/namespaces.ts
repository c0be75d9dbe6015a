/**
 * Namespaces
 * ==========
 * Every IRI prefix Caspian uses, typed once (as N3's IRIs.js does), so no IRI string is typed
 * twice: the server's views, the workbench's PREFIX block and the client's links all read this.
 */
export const NS = {
  cas: "https://w3id.org/caspian/ontology#",
  cd: "https://w3id.org/caspian/data/",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  owl: "http://www.w3.org/2002/07/owl#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  sem: "http://semanticweb.cs.vu.nl/2009/11/sem/",
  time: "http://www.w3.org/2006/time#",
  prov: "http://www.w3.org/ns/prov#",
  oa: "http://www.w3.org/ns/oa#",
  dcterms: "http://purl.org/dc/terms/",
  bibo: "http://purl.org/ontology/bibo/",
  skos: "http://www.w3.org/2004/02/skos/core#",
  foaf: "http://xmlns.com/foaf/0.1/",
  schema: "http://schema.org/",
  sh: "http://www.w3.org/ns/shacl#",
  sd: "http://www.w3.org/ns/sparql-service-description#",
  void: "http://rdfs.org/ns/void#",
} as const;

export type Prefix = keyof typeof NS;

/** The PREFIX block every server view and the workbench pre-declare. */
export const SPARQL_PREFIXES = Object.entries(NS)
  .map(([prefix, iri]) => `PREFIX ${prefix}: <${iri}>`)
  .join("\n");
