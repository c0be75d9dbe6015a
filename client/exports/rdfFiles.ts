/**
 * RDF files of a view
 * ===================
 * The triples behind a view (given by the caller: the CLI reads them from the store) written as
 * N-Triples, Turtle (n3's Writer with the project's prefixes) or JSON-LD compacted against a
 * @context of the same prefixes (jsonld.js), so a reader sees `cd:Iran` and `rdfs:label`, not
 * full IRIs, and any JSON-LD processor expands it back to the same triples. No remote context is
 * fetched: the context is inline.
 */
import jsonld from "jsonld";
import { Writer, type Quad } from "n3";

export function toNTriples(quads: Quad[]): string {
  return new Writer({ format: "N-Triples" }).quadsToString(quads);
}

export function toTurtle(quads: Quad[], prefixes: Record<string, string>, header?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const writer = new Writer({ format: "Turtle", prefixes: { ...prefixes } });
    writer.addQuads(quads);
    writer.end((error, result: string) =>
      error ? reject(error) : resolve((header ? header.split("\n").map((l) => `# ${l}`).join("\n") + "\n" : "") + result),
    );
  });
}

/** Compacted JSON-LD: one @context with the prefixes, then the subjects as a @graph. */
export async function toJsonLd(quads: Quad[], prefixes: Record<string, string>): Promise<string> {
  const expanded = await jsonld.fromRDF(toNTriples(quads), { format: "application/n-quads" });
  const compacted = await jsonld.compact(expanded, { ...prefixes }, { compactArrays: true });
  return JSON.stringify(compacted, null, 2) + "\n";
}
