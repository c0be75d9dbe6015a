import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueryEngine } from "./sparql/engine.ts";
import { MEDIA } from "./sparql/mediaTypes.ts";
import { readResults } from "./sparql/readResults.ts";
import { generatedTriples, startTestServer, type TestServer } from "./test/testServer.ts";
import { TRUNCATED_HEADER } from "./http/sparqlRoute.ts";

const SMALL = `@prefix ex: <http://example.org/> .
ex:a ex:p 1, 2, 3, 4, 5 .`;

describe("health and routing", () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "caspian-dist-"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>Caspian explorer</title>");
    await writeFile(join(dist, "app.js"), "console.log('caspian')");
    server = await startTestServer({ documents: { "small.ttl": SMALL }, distDir: dist });
  });
  afterAll(async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  });

  it("reports the engine, the triple count and each loaded file in /api/v1/health", async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", triples: 5, engine: expect.stringContaining("oxigraph") });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.datasets).toEqual([{ path: expect.stringMatching(/small\.ttl$/), triples: 5, graph: expect.stringMatching(/^urn:caspian:file:.*small\.ttl$/) }]);
  });

  it("answers an unknown API route with a JSON 404", async () => {
    const response = await fetch(`${server.url}/api/v1/no-such-route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("serves the built explorer at / and its files, and index.html for the client's own paths", async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toContain("Caspian explorer");
    expect(await (await fetch(`${server.url}/app.js`)).text()).toContain("caspian");
    const deep = await fetch(`${server.url}/entity/Iran`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain("Caspian explorer");
  });

  it("answers 404, not the page, for a file that is not there and for an unknown /api path", async () => {
    for (const path of ["/missing.js", "/assets/nope.css", "/favicon.ico"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).not.toContain("text/html");
    }
    expect((await fetch(`${server.url}/api/no-such-version/graph`)).status).toBe(404);
  });

  it("says how to build the explorer when dist/ is missing", async () => {
    const bare = await startTestServer({ documents: { "small.ttl": SMALL }, workers: 1 });
    try {
      const response = await fetch(`${bare.url}/`);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain("npm run build");
    } finally {
      await bare.close();
    }
  });
});

describe("the row cap", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ documents: { "small.ttl": SMALL }, rowCap: 3, workers: 1 });
  });
  afterAll(() => server.close());

  it("cuts a SELECT at the cap in every format and says so in a header", async () => {
    for (const mediaType of [MEDIA.resultsJson, MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv]) {
      const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent("SELECT ?o WHERE { ?s ?p ?o }")}`, { headers: { Accept: mediaType } });
      expect(response.headers.get(TRUNCATED_HEADER)).toBe("true; limit=3");
      const read = readResults(mediaType, await response.text());
      expect(read.kind === "solutions" && read.rows, mediaType).toHaveLength(3);
    }
  });

  it("cuts a CONSTRUCT at the cap too", async () => {
    const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent("CONSTRUCT WHERE { ?s ?p ?o }")}`);
    expect(response.headers.get(TRUNCATED_HEADER)).toBe("true; limit=3");
    expect(readResults(MEDIA.turtle, await response.text())).toMatchObject({ triples: 3 });
  });

  it("sends no truncation header when the result fits", async () => {
    const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent("SELECT ?o WHERE { ?s ?p ?o } LIMIT 3")}`);
    expect(response.headers.get(TRUNCATED_HEADER)).toBeNull();
  });
});

describe("the query deadline over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ documents: { "generated.nt": generatedTriples(20_000) }, deadlineMs: 2_000, workers: 2, spare: true });
  });
  afterAll(() => server.close());

  it("answers 503 with Retry-After for a runaway query while a simple query sent meanwhile answers first", async () => {
    const order: string[] = [];
    const sparql = (query: string) => fetch(`${server.url}/sparql?query=${encodeURIComponent(query)}`);
    const slow = sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }").then(async (response) => {
      order.push(`slow ${response.status}`);
      return response;
    });
    const fast = sparql("ASK { <http://example.org/s1> ?p ?o }").then(async (response) => {
      order.push(`fast ${response.status}`);
      return response;
    });
    const [slowResponse, fastResponse] = await Promise.all([slow, fast]);
    expect(order).toEqual(["fast 200", "slow 503"]);
    expect(await fastResponse.json()).toEqual({ head: {}, boolean: true });
    expect(slowResponse.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await slowResponse.text()).toMatch(/^DEADLINE: /);
    // The stopped worker was replaced: the pool answers as before.
    const after = await sparql("ASK { ?s ?p ?o }");
    expect(`${after.status} ${await after.text()}`).toBe(`200 {"head":{},"boolean":true}`);
  });
});

describe("internal errors", () => {
  const failing: QueryEngine = {
    name: "failing",
    select: () => Promise.reject(new Error("store exploded at /secret/path")),
    ask: () => Promise.reject(new Error("store exploded at /secret/path")),
    serialize: () => Promise.reject(new Error("store exploded at /secret/path")),
    tripleCount: () => Promise.reject(new TypeError("cannot read /secret/path")),
    close: () => Promise.resolve(),
  };
  let server: TestServer;
  const logged: unknown[] = [];
  beforeAll(async () => {
    server = await startTestServer({ engine: failing, log: (error) => logged.push(error) });
  });
  afterAll(() => server.close());

  it("masks an engine failure on /sparql as a plain 500 without internals", async () => {
    const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent("ASK {}")}`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toBe("INTERNAL: Internal error\n");
    expect(logged.length).toBeGreaterThan(0);
  });

  it("masks an engine failure on /api as JSON {code, message} without internals", async () => {
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ code: "INTERNAL", message: "Internal error" });
  });
});
