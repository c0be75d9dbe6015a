import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SOURCES } from "../rdf/loadDatasets.ts";
import { generatedTriples, startTestServer, type TestServer } from "../test/testServer.ts";
import { QuerySyntaxError } from "./errors.ts";
import { HttpSparqlEngine, RemoteStoreError, RemoteTimeoutError } from "./httpEngine.ts";
import { MEDIA } from "./mediaTypes.ts";
import { readResults } from "./readResults.ts";

const FIXTURE = `@prefix ex: <http://example.org/> .
ex:Iran ex:name "Iran"@en ; ex:borders ex:Russia .
ex:Russia ex:name "Russia" .
ex:g1 { ex:Turkmenchay ex:party ex:Iran , ex:Russia . }`;
const PREFIX = "PREFIX ex: <http://example.org/>\n";

describe("the HTTP engine against a real SPARQL endpoint", () => {
  let remote: TestServer;
  let engine: HttpSparqlEngine;
  beforeAll(async () => {
    remote = await startTestServer({ documents: { "fixture.trig": FIXTURE }, workers: 1 });
    engine = new HttpSparqlEngine({ endpoint: `${remote.url}/sparql`, deadlineMs: 10_000, rowCap: 1 });
  });
  afterAll(() => remote.close());

  it("answers SELECT and ASK as the embedded engine does, under its own row cap", async () => {
    const query = `${PREFIX}SELECT ?s ?name WHERE { ?s ex:name ?name } ORDER BY ?s`;
    expect(await engine.select(query, { rowCap: 10 })).toEqual(await remote.engine.select(query));
    expect(await engine.select(query)).toMatchObject({ truncated: true, rows: [{ s: { value: "http://example.org/Iran" } }] });
    expect(await engine.ask(`${PREFIX}ASK { ex:Iran ex:borders ex:Russia }`)).toBe(true);
  });

  it("serializes every form in the asked media type", async () => {
    const csv = await engine.serialize(`${PREFIX}SELECT ?name WHERE { ?s ex:name ?name } ORDER BY ?name`, "SELECT", MEDIA.csv, { rowCap: 10 });
    expect(readResults(MEDIA.csv, csv.body)).toEqual({ kind: "solutions", vars: ["name"], rows: [{ name: "Iran" }, { name: "Russia" }] });
    const turtle = await engine.serialize(`${PREFIX}DESCRIBE ex:Iran`, "DESCRIBE", MEDIA.turtle, { rowCap: 10 });
    expect(readResults(MEDIA.turtle, turtle.body)).toMatchObject({ triples: 2 });
    expect(await engine.tripleCount()).toBe(5);
  });

  it("passes the dataset parameters on", async () => {
    const rows = await engine.select(`${PREFIX}SELECT ?o WHERE { ex:Turkmenchay ex:party ?o }`, { defaultGraphs: ["http://example.org/g1"], rowCap: 10 });
    expect(rows.rows).toHaveLength(2);
  });

  it("turns the endpoint's 400 into a QuerySyntaxError with its position", async () => {
    const error = await engine.select("SELECT * WHERE {\n ?s ?p }").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuerySyntaxError);
    expect(error).toMatchObject({ line: 2 });
  });
});

describe("the HTTP engine's deadline", () => {
  let remote: TestServer;
  beforeAll(async () => {
    remote = await startTestServer({ documents: { "generated.nt": generatedTriples(20_000) }, deadlineMs: 3_000, workers: 1 });
  });
  afterAll(() => remote.close());

  it("gives up on a request past its deadline with a RemoteTimeoutError (504)", async () => {
    const engine = new HttpSparqlEngine({ endpoint: `${remote.url}/sparql`, deadlineMs: 300, rowCap: 10 });
    await expect(engine.select("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")).rejects.toBeInstanceOf(RemoteTimeoutError);
  });
});

describe("the explorer's views over HTTP", () => {
  let embedded: TestServer;
  let viaHttp: TestServer;
  beforeAll(async () => {
    embedded = await startTestServer({ sources: DEFAULT_SOURCES, workers: 1 });
    viaHttp = await startTestServer({ engine: new HttpSparqlEngine({ endpoint: `${embedded.url}/sparql`, deadlineMs: 10_000, rowCap: 10_000 }) });
  });
  afterAll(async () => {
    await viaHttp.close();
    await embedded.close();
  });

  it.each(["/api/v1/search?q=turk", `/api/v1/entity?iri=${encodeURIComponent("https://w3id.org/caspian/data/Iran")}`, "/api/v1/third-parties"])(
    "answers %s the same from an external endpoint as from the embedded store",
    async (path) => {
      const [direct, remote] = await Promise.all([fetch(`${embedded.url}${path}`), fetch(`${viaHttp.url}${path}`)]);
      expect(remote.status).toBe(200);
      expect(await remote.json()).toEqual(await direct.json());
    },
  );
});

describe("the HTTP engine's errors and credentials", () => {
  it("reports a store that cannot be reached as a RemoteStoreError naming it", async () => {
    const engine = new HttpSparqlEngine({ endpoint: "http://127.0.0.1:9/sparql", deadlineMs: 2_000, rowCap: 10 });
    const error = await engine.select("SELECT * WHERE { ?s ?p ?o }").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteStoreError);
    expect((error as Error).message).toMatch(/127\.0\.0\.1:9.*did not answer/);
  });

  it("sends Basic credentials and passes the remote's error message on", async () => {
    const { createServer } = await import("node:http");
    let seen = "";
    const fake = createServer((req, res) => {
      seen = req.headers.authorization ?? "";
      res.writeHead(500, { "Content-Type": "text/plain" }).end("Virtuoso 42000 Error SR186: No permission");
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    const { port } = fake.address() as { port: number };
    try {
      const engine = new HttpSparqlEngine({ endpoint: `http://127.0.0.1:${port}/sparql`, deadlineMs: 2_000, rowCap: 10, credentials: { user: "dba", password: "dba" } });
      const error = await engine.select("SELECT * WHERE { ?s ?p ?o }").catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "REMOTE_STORE", message: expect.stringContaining("SR186: No permission") });
      expect(seen).toBe(`Basic ${Buffer.from("dba:dba").toString("base64")}`);
    } finally {
      fake.close();
    }
  });
});
