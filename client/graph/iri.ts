/**
 * IRIs in the client
 * ==================
 * The client may not import server code (only the API types), so the one namespace it needs to
 * shorten links — the curated data's — is restated here; it must equal NS.cd of
 * server/rdf/namespaces.ts (checked by client/graph/iri.test.ts).
 */
export const CD = "https://w3id.org/caspian/data/";

/** cd:Name for curated IRIs, the IRI itself otherwise. */
export function compactIri(iri: string): string {
  return iri.startsWith(CD) ? `cd:${iri.slice(CD.length)}` : iri;
}

export function expandIri(text: string): string {
  return text.startsWith("cd:") ? CD + text.slice(3) : text;
}
