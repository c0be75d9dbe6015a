import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../rdf/loadDatasets.ts";
import { SPARQL_PREFIXES } from "../rdf/namespaces.ts";
import { MEDIA } from "../sparql/mediaTypes.ts";
import { readResults } from "../sparql/readResults.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";

/** The embedded ontology and curated data (whatever ontology/*.ttl and data/*.ttl hold now). */
const QUERIES = {
  SELECT: `${SPARQL_PREFIXES}\nSELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class`,
  ASK: `${SPARQL_PREFIXES}\nASK { ?class a owl:Class }`,
  CONSTRUCT: `${SPARQL_PREFIXES}\nCONSTRUCT { ?s rdfs:label ?label } WHERE { ?s rdfs:label ?label }`,
  DESCRIBE: `${SPARQL_PREFIXES}\nDESCRIBE cd:KaramiArticle`,
};
const FORMATS = {
  SELECT: [MEDIA.resultsJson, MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv],
  ASK: [MEDIA.resultsJson, MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv],
  CONSTRUCT: [MEDIA.turtle, MEDIA.nTriples, MEDIA.jsonLd, MEDIA.rdfXml],
  DESCRIBE: [MEDIA.turtle, MEDIA.nTriples, MEDIA.jsonLd, MEDIA.rdfXml],
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sources: DEFAULT_SOURCES });
});
afterAll(() => server.close());

describe("the SPARQL endpoint on the curated data", () => {
  it("holds every triple of the loaded files and reports them in health", async () => {
    const health = await (await fetch(`${server.url}/api/v1/health`)).json();
    expect(health.datasets.map((file: { path: string }) => file.path)).toEqual(server.datasets.files.map((file) => file.path));
    expect(health.triples).toBeGreaterThan(0);
    expect(health.triples).toBeLessThanOrEqual(server.datasets.triples);
  });

  it.each(Object.keys(QUERIES) as (keyof typeof QUERIES)[])("gives the same %s answer in each of its formats", async (form) => {
    const answers = [];
    for (const mediaType of FORMATS[form]) {
      const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent(QUERIES[form])}`, { headers: { Accept: mediaType } });
      expect(response.status, mediaType).toBe(200);
      const read = readResults(mediaType, await response.text());
      answers.push(read.kind === "solutions" ? read.rows.length : read.kind === "boolean" ? read.value : read.triples);
    }
    expect(new Set(answers).size, `${form}: ${answers}`).toBe(1);
    expect(answers[0]).toBeTruthy();
  });
});
