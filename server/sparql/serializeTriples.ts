/**
 * Graph serialization
 * ===================
 * Turns a CONSTRUCT/DESCRIBE answer, as N-Triples, into the negotiated RDF format after cutting
 * it at the row cap: Turtle with Caspian's prefixes via n3, JSON-LD and RDF/XML via a scratch
 * Oxigraph store.
 */
import { Parser, Writer } from "n3";
import oxigraph from "oxigraph";
import { NS } from "../rdf/namespaces.ts";
import { MEDIA } from "./mediaTypes.ts";
import type { SerializedAnswer } from "./workerProtocol.ts";

export function serializeTriples(nTriples: string, mediaType: string, rowCap: number): SerializedAnswer {
  // N-Triples holds one triple per line (newlines inside literals are escaped), so lines count triples.
  const lines = [...new Set(nTriples.split("\n").filter((line) => line.trim() !== ""))];
  const truncated = lines.length > rowCap;
  const kept = truncated ? lines.slice(0, rowCap) : lines;
  const text = kept.map((line) => `${line}\n`).join("");
  if (mediaType === MEDIA.nTriples) return { body: text, count: kept.length, truncated };
  if (mediaType === MEDIA.turtle) return { body: prefixedTurtle(text), count: kept.length, truncated };
  const scratch = new oxigraph.Store();
  scratch.load(text, { format: MEDIA.nTriples });
  const body = scratch.dump({ format: mediaType, from_graph_name: oxigraph.defaultGraph() });
  return { body, count: kept.length, truncated };
}

/** Turtle with Caspian's prefixes, for people reading it (Oxigraph's JS dump writes full IRIs). */
function prefixedTurtle(nTriples: string): string {
  const quads = new Parser({ format: "application/n-triples" }).parse(nTriples);
  const used = Object.fromEntries(Object.entries(NS).filter(([, iri]) => nTriples.includes(`<${iri}`)));
  const writer = new Writer({ format: "text/turtle", prefixes: used });
  writer.addQuads(quads);
  // Writing to a string, n3 calls back synchronously; quadsToString would drop the @prefix lines.
  let turtle = "";
  writer.end((error, result: string) => {
    if (error) throw error;
    turtle = result;
  });
  return turtle;
}
