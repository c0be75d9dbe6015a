/**
 * Prefixes
 * ========
 * The project's namespaces (contract/namespaces.ts) as the workbench declares them above every
 * query.
 */
import { NS, SPARQL_PREFIXES } from "../../contract/namespaces.ts";

export const PREFIXES: Readonly<Record<string, string>> = NS;

/** The PREFIX block, one line per namespace, as the server's views declare it. */
export const PREFIX_BLOCK = SPARQL_PREFIXES;

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
