/**
 * Result media types
 * ==================
 * The media types the endpoint answers in, per query form, with the short names the `format`
 * parameter accepts. The first of each list is the default.
 */
import type { QueryForm } from "./engine.ts";

export const MEDIA = {
  resultsJson: "application/sparql-results+json",
  resultsXml: "application/sparql-results+xml",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  turtle: "text/turtle",
  nTriples: "application/n-triples",
  jsonLd: "application/ld+json",
  rdfXml: "application/rdf+xml",
} as const;

export type MediaType = (typeof MEDIA)[keyof typeof MEDIA];

const SOLUTIONS: readonly MediaType[] = [MEDIA.resultsJson, MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv];
const GRAPHS: readonly MediaType[] = [MEDIA.turtle, MEDIA.nTriples, MEDIA.jsonLd, MEDIA.rdfXml];

/** Media types a query form can be answered in; the first is the default. */
export function mediaTypesFor(form: QueryForm): readonly MediaType[] {
  return form === "SELECT" || form === "ASK" ? SOLUTIONS : GRAPHS;
}

/**
 * Other names clients use for the same thing, per family: generic JSON/XML mean the results
 * format for solutions and JSON-LD/RDF-XML for graphs; text/plain is N-Triples' old type.
 */
export const ALIASES: Record<"solutions" | "graphs", Record<string, MediaType>> = {
  solutions: {
    json: MEDIA.resultsJson,
    xml: MEDIA.resultsXml,
    csv: MEDIA.csv,
    tsv: MEDIA.tsv,
    "application/json": MEDIA.resultsJson,
    "application/xml": MEDIA.resultsXml,
    "text/xml": MEDIA.resultsXml,
  },
  graphs: {
    turtle: MEDIA.turtle,
    ttl: MEDIA.turtle,
    ntriples: MEDIA.nTriples,
    "n-triples": MEDIA.nTriples,
    nt: MEDIA.nTriples,
    jsonld: MEDIA.jsonLd,
    "json-ld": MEDIA.jsonLd,
    json: MEDIA.jsonLd,
    rdfxml: MEDIA.rdfXml,
    "rdf+xml": MEDIA.rdfXml,
    xml: MEDIA.rdfXml,
    "application/json": MEDIA.jsonLd,
    "application/xml": MEDIA.rdfXml,
    "text/xml": MEDIA.rdfXml,
    "text/plain": MEDIA.nTriples,
    "application/x-turtle": MEDIA.turtle,
    // SPARQLWrapper's format names for graphs: Turtle is N3 too, and "rdf" means RDF/XML.
    n3: MEDIA.turtle,
    rdf: MEDIA.rdfXml,
  },
};

export function familyOf(form: QueryForm): "solutions" | "graphs" {
  return form === "SELECT" || form === "ASK" ? "solutions" : "graphs";
}
