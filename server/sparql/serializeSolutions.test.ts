import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { MEDIA } from "./mediaTypes.ts";
import { serializeSolutions, type SparqlJsonResults } from "./serializeSolutions.ts";

const DATA = `@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:p "plain", "with, comma", "quote \\" and \\\\ back", "tab\\tline\\nbreak", "chat"@fr, 42, -7, 3.14, 1.5e3, true,
  "1599-07-09"^^xsd:date, "<b>&amp</b>", ex:b, _:blank .
ex:c ex:p "only c" .`;

const QUERIES = [
  "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o",
  "SELECT ?s ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/none> ?missing } }",
  "ASK { ?s ?p 42 }",
];

describe("serializeSolutions", () => {
  const store = new oxigraph.Store();
  store.load(DATA, { format: "text/turtle" });

  it.each(QUERIES.flatMap((query) => [MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv, MEDIA.resultsJson].map((mediaType) => ({ query, mediaType }))))(
    "writes $mediaType exactly as Oxigraph does for: $query",
    ({ query, mediaType }) => {
      const json = JSON.parse(store.query(query, { results_format: MEDIA.resultsJson }) as string) as SparqlJsonResults;
      const expected = store.query(query, { results_format: mediaType }) as string;
      expect(serializeSolutions(json, mediaType)).toBe(expected);
    },
  );
});
