/**
 * Prefixes
 * ========
 * The project's namespaces as the workbench declares them above every query. The client may not
 * import server code, so they are restated here; prefixes.test.ts checks they equal
 * server/rdf/namespaces.ts, so no namespace drifts.
 */
export const PREFIXES: Readonly<Record<string, string>> = {
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
};

/** The PREFIX block, one line per namespace, as the server's SPARQL_PREFIXES. */
export const PREFIX_BLOCK = Object.entries(PREFIXES)
  .map(([prefix, iri]) => `PREFIX ${prefix}: <${iri}>`)
  .join("\n");

/** A query body with the project's prefixes above it, as the editor shows it. */
export function withPrefixes(body: string): string {
  return `${PREFIX_BLOCK}\n\n${body}`;
}

/** prefix:local when a project namespace covers the IRI and the rest is a plain local name. */
export function shortIri(iri: string): string {
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w-]*$/.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return `<${iri}>`;
}
