/**
 * IRIs in the client
 * ==================
 * Curated IRIs shortened to cd:Name for links and the URL, and expanded back.
 */
import { NS } from "../../contract/namespaces.ts";

export const CD = NS.cd;

/** cd:Name for curated IRIs, the IRI itself otherwise. */
export function compactIri(iri: string): string {
  return iri.startsWith(CD) ? `cd:${iri.slice(CD.length)}` : iri;
}

export function expandIri(text: string): string {
  return text.startsWith("cd:") ? CD + text.slice(3) : text;
}
