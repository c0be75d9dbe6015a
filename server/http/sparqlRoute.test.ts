import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/testServer.ts";
import { MEDIA } from "../sparql/mediaTypes.ts";
import { readResults } from "../sparql/readResults.ts";

const FIXTURE = `
@prefix ex: <http://example.org/> .
ex:Iran ex:name "Iran"@en ; ex:borders ex:Russia ; ex:founded 1501 .
ex:Russia ex:name "Russia" ; ex:note "has, \\"quotes\\"\\tand\\na newline" .
ex:g1 { ex:Turkmenchay ex:party ex:Iran , ex:Russia ; ex:year 1828 . }
ex:g2 { ex:Paris ex:party ex:Britain . }
`;

const PREFIX = "PREFIX ex: <http://example.org/>\n";
const QUERIES = {
  SELECT: `${PREFIX}SELECT ?s ?name WHERE { ?s ex:name ?name } ORDER BY ?s`,
  ASK: `${PREFIX}ASK { ex:Iran ex:borders ex:Russia }`,
  CONSTRUCT: `${PREFIX}CONSTRUCT { ?s ex:label ?n } WHERE { ?s ex:name ?n }`,
  DESCRIBE: `${PREFIX}DESCRIBE ex:Iran`,
};

/** Every form in every media type it is offered in, with what a client must read back. */
const SAMPLES = [
  ...[MEDIA.resultsJson, MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv].flatMap((mediaType) => [
    { form: "SELECT" as const, mediaType, expected: { kind: "solutions", rows: [{ s: "http://example.org/Iran", name: "Iran" }, { s: "http://example.org/Russia", name: "Russia" }] } },
    { form: "ASK" as const, mediaType, expected: { kind: "boolean", value: true } },
  ]),
  ...[MEDIA.turtle, MEDIA.nTriples, MEDIA.jsonLd, MEDIA.rdfXml].flatMap((mediaType) => [
    { form: "CONSTRUCT" as const, mediaType, expected: { kind: "graph", triples: 2, subjects: ["http://example.org/Iran", "http://example.org/Russia"] } },
    { form: "DESCRIBE" as const, mediaType, expected: { kind: "graph", triples: 3, subjects: ["http://example.org/Iran"] } },
  ]),
];

let server: TestServer;
const get = (params: Record<string, string | string[]>, headers: Record<string, string> = {}, method = "GET") => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) search.append(key, v);
  return fetch(`${server.url}/sparql?${search}`, { method, headers });
};

beforeAll(async () => {
  server = await startTestServer({ documents: { "fixture.trig": FIXTURE } });
});
afterAll(() => server.close());

describe("the SPARQL endpoint's result formats", () => {
  it.each(SAMPLES)("answers a $form query in $mediaType that parses back to the right answer", async ({ form, mediaType, expected }) => {
    const response = await get({ query: QUERIES[form] }, { Accept: mediaType });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(mediaType);
    const read = readResults(mediaType, await response.text());
    expect(read).toMatchObject(expected);
    if (read.kind === "solutions") expect(read.rows).toHaveLength(2);
  });

  it("keeps commas, quotes, tabs and newlines inside a literal intact in every solution format", async () => {
    const query = `${PREFIX}SELECT ?note WHERE { ex:Russia ex:note ?note }`;
    for (const mediaType of [MEDIA.resultsJson, MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv]) {
      const response = await get({ query }, { Accept: mediaType });
      const read = readResults(mediaType, await response.text());
      expect(read, mediaType).toEqual({ kind: "solutions", vars: ["note"], rows: [{ note: 'has, "quotes"\tand\na newline' }] });
    }
  });
});

describe("Turtle answers", () => {
  it("declare the prefixes of Caspian's namespaces they use", async () => {
    const query = `${PREFIX}CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?n } WHERE { ?s ex:name ?n }`;
    const body = await (await get({ query }, { Accept: MEDIA.turtle })).text();
    expect(body).toMatch(/^@prefix rdfs: <http:\/\/www\.w3\.org\/2000\/01\/rdf-schema#>\s*\./m);
    expect(body).toContain("rdfs:label");
    expect(readResults(MEDIA.turtle, body)).toMatchObject({ triples: 2 });
  });
});

describe("content negotiation", () => {
  it.each([
    { form: "SELECT", accept: undefined, chosen: MEDIA.resultsJson },
    { form: "SELECT", accept: "*/*", chosen: MEDIA.resultsJson },
    { form: "SELECT", accept: "application/json", chosen: MEDIA.resultsJson },
    { form: "SELECT", accept: "text/*", chosen: MEDIA.csv },
    { form: "SELECT", accept: "text/csv;q=0.5, application/sparql-results+xml", chosen: MEDIA.resultsXml },
    { form: "SELECT", accept: "text/html, */*;q=0.1", chosen: MEDIA.resultsJson },
    { form: "ASK", accept: "text/tab-separated-values", chosen: MEDIA.tsv },
    { form: "CONSTRUCT", accept: undefined, chosen: MEDIA.turtle },
    { form: "CONSTRUCT", accept: "application/json", chosen: MEDIA.jsonLd },
    { form: "DESCRIBE", accept: "text/plain", chosen: MEDIA.nTriples },
  ] as const)("answers $form with Accept $accept in $chosen", async ({ form, accept, chosen }) => {
    const response = await get({ query: QUERIES[form] }, accept ? { Accept: accept } : {});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")?.split(";")[0]).toBe(chosen);
  });

  it("lets the format parameter choose the media type over the Accept header", async () => {
    const response = await get({ query: QUERIES.SELECT, format: "csv" }, { Accept: MEDIA.resultsXml });
    expect(response.headers.get("content-type")?.split(";")[0]).toBe(MEDIA.csv);
    const graph = await get({ query: QUERIES.CONSTRUCT, format: "application/n-triples" });
    expect(graph.headers.get("content-type")?.split(";")[0]).toBe(MEDIA.nTriples);
  });

  it("takes the first usable of repeated format values, as SPARQLWrapper sends them", async () => {
    const tsv = await get({ query: QUERIES.SELECT, format: ["tsv", "text/tab-separated-values"], output: "tsv" });
    expect(tsv.headers.get("content-type")?.split(";")[0]).toBe(MEDIA.tsv);
    const rdf = await get({ query: QUERIES.CONSTRUCT, format: ["rdf", ""] });
    expect(rdf.headers.get("content-type")?.split(";")[0]).toBe(MEDIA.rdfXml);
    const n3 = await get({ query: QUERIES.CONSTRUCT, format: "n3" });
    expect(n3.headers.get("content-type")?.split(";")[0]).toBe(MEDIA.turtle);
  });

  it("answers 406 listing what it offers when nothing acceptable is asked for", async () => {
    for (const [params, headers] of [
      [{ query: QUERIES.SELECT }, { Accept: "image/png" }],
      [{ query: QUERIES.SELECT }, { Accept: MEDIA.turtle }],
      [{ query: QUERIES.CONSTRUCT }, { Accept: MEDIA.csv }],
      [{ query: QUERIES.SELECT, format: "pdf" }, {}],
    ] as const) {
      const response = await get(params, headers);
      expect(response.status).toBe(406);
      expect(await response.text()).toMatch(/^NOT_ACCEPTABLE: .*Supported media types/);
    }
  });
});

describe("the SPARQL 1.1 Protocol operations", () => {
  const expectSameAnswer = async (response: Response) => {
    expect(response.status).toBe(200);
    expect(readResults(MEDIA.resultsJson, await response.text())).toMatchObject({ kind: "solutions", vars: ["s", "name"] });
  };

  it("answers a query POSTed directly as application/sparql-query", async () => {
    await expectSameAnswer(await fetch(`${server.url}/sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: QUERIES.SELECT }));
  });

  it("answers a query POSTed as an URL-encoded form", async () => {
    await expectSameAnswer(await fetch(`${server.url}/sparql`, { method: "POST", body: new URLSearchParams({ query: QUERIES.SELECT }) }));
  });

  it("answers HEAD with the GET headers and no body", async () => {
    const response = await get({ query: QUERIES.SELECT }, { Accept: MEDIA.csv }, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(MEDIA.csv);
    expect(await response.text()).toBe("");
  });

  it("describes the service in Turtle on a GET without a query", async () => {
    const response = await get({});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(MEDIA.turtle);
    const quads = new Parser({ baseIRI: server.url }).parse(await response.text());
    const value = (predicate: string) => quads.filter((quad) => quad.predicate.value === predicate).map((quad) => quad.object.value);
    expect(value("http://www.w3.org/ns/sparql-service-description#endpoint")).toEqual([`${server.url}/sparql`]);
    expect(value("http://www.w3.org/ns/sparql-service-description#resultFormat")).toHaveLength(8);
  });

  it("answers a CORS preflight so browser clients elsewhere can query", async () => {
    const response = await fetch(`${server.url}/sparql`, {
      method: "OPTIONS",
      headers: { Origin: "http://elsewhere.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, accept" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")?.split(", ")).toEqual(["GET", "POST"]);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase().split(", ")).toEqual(expect.arrayContaining(["accept", "content-type"]));
  });

  it("queries only the graphs named by default-graph-uri as the default graph", async () => {
    const query = `${PREFIX}SELECT ?s WHERE { ?s ex:party ?o }`;
    const one = readResults(MEDIA.resultsJson, await (await get({ query, "default-graph-uri": "http://example.org/g1" })).text());
    expect(one).toMatchObject({ kind: "solutions", rows: [{ s: "http://example.org/Turkmenchay" }, { s: "http://example.org/Turkmenchay" }] });
    const both = readResults(MEDIA.resultsJson, await (await get({ query, "default-graph-uri": ["http://example.org/g1", "http://example.org/g2"] })).text());
    expect(both.kind === "solutions" && both.rows).toHaveLength(3);
    // Without default-graph-uri the default graph is the union of all graphs (each loaded file is a named graph).
    const union = readResults(MEDIA.resultsJson, await (await get({ query })).text());
    expect(union.kind === "solutions" && union.rows).toHaveLength(3);
  });

  it("offers only the graphs named by named-graph-uri to GRAPH patterns", async () => {
    const query = `${PREFIX}SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }`;
    const all = readResults(MEDIA.resultsJson, await (await get({ query })).text());
    expect(all.kind === "solutions" && all.rows.map((row) => row.g).sort()).toEqual(["http://example.org/g1", "http://example.org/g2", "urn:caspian:file:fixture.trig"]);
    const form = new URLSearchParams({ query, "named-graph-uri": "http://example.org/g2" });
    const only = readResults(MEDIA.resultsJson, await (await fetch(`${server.url}/sparql`, { method: "POST", body: form })).text());
    expect(only).toMatchObject({ kind: "solutions", rows: [{ g: "http://example.org/g2" }] });
  });

  it("leaves the default graph empty when only named graphs are given, as the protocol says", async () => {
    const query = `${PREFIX}SELECT ?s WHERE { ?s ex:name ?n }`;
    const read = readResults(MEDIA.resultsJson, await (await get({ query, "named-graph-uri": "http://example.org/g1" })).text());
    expect(read).toMatchObject({ kind: "solutions", rows: [] });
  });
});

describe("the endpoint's errors", () => {
  it("answers 400 with the position when the query is not SPARQL", async () => {
    const response = await get({ query: "SELECT * WHERE {\n  ?s ?p }" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toMatch(/^QUERY_SYNTAX: Line 2, column \d+:/);
  });

  it("answers 400 when a prefix is not declared", async () => {
    const response = await get({ query: "SELECT * WHERE { ?s foo:bar ?o }" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("foo");
  });

  it("answers 400 when the query is missing from a POST, repeated, or a graph IRI is not absolute", async () => {
    expect((await fetch(`${server.url}/sparql`, { method: "POST", body: new URLSearchParams({ format: "json" }) })).status).toBe(400);
    expect((await get({ query: [QUERIES.ASK, QUERIES.ASK] })).status).toBe(400);
    expect((await get({ query: QUERIES.ASK, "default-graph-uri": "not an iri" })).status).toBe(400);
  });

  it("answers 400 for SERVICE, which the embedded store does not federate", async () => {
    const response = await get({ query: "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }" });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^QUERY_UNSUPPORTED/);
  });

  it("answers 405 with Allow for a method the protocol does not use", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const response = await fetch(`${server.url}/sparql`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    }
  });

  it("answers valid SPARQL that sparqljs cannot parse: \\u escapes in IRIs, a bare [ p o ] template", async () => {
    const escaped = await get({ query: "ASK { <http://example.org/\\u0049ran> <http://example.org/borders> ?x }" });
    expect(readResults(MEDIA.resultsJson, await escaped.text())).toEqual({ kind: "boolean", value: true });
    const template = `${PREFIX}CONSTRUCT { [ ex:about ?s ] } WHERE { ?s ex:borders ?o }`;
    const graph = await get({ query: template }, { Accept: MEDIA.nTriples });
    expect(graph.status).toBe(200);
    expect(await graph.text()).toMatch(/^_:\S+ <http:\/\/example.org\/about> <http:\/\/example.org\/Iran> \.$/m);
  });

  it("answers 400 with sparqljs's position when neither parser reads the query", async () => {
    const response = await get({ query: "SELECT * WHERE { <\\u0078> ?p }" });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^QUERY_SYNTAX: Line 1, column \d+:/);
  });

  it("answers 403 to an update that sparqljs cannot parse, and does not run it", async () => {
    const update = "PREFIX ex: <http://example.org/>\nINSERT DATA { <http://example.org/\\u0078> ex:b ex:c }";
    expect((await get({ query: update })).status).toBe(403);
    const still = readResults(MEDIA.resultsJson, await (await get({ query: `${PREFIX}ASK { ex:x ex:b ex:c }` })).text());
    expect(still).toEqual({ kind: "boolean", value: false });
  });

  it("answers 403 to every way of sending an update", async () => {
    const update = "PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }";
    const responses = [
      await get({ update }),
      await get({ query: update }),
      await fetch(`${server.url}/sparql`, { method: "POST", body: new URLSearchParams({ update }) }),
      await fetch(`${server.url}/sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-update" }, body: update }),
      await fetch(`${server.url}/sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: update }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/^READ_ONLY: /);
    }
    const still = readResults(MEDIA.resultsJson, await (await get({ query: `${PREFIX}ASK { ex:a ex:b ex:c }` })).text());
    expect(still).toEqual({ kind: "boolean", value: false });
  });

  it("answers 415 to a POST body that is neither a query nor a form", async () => {
    const response = await fetch(`${server.url}/sparql`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: QUERIES.ASK });
    expect(response.status).toBe(415);
  });
});
