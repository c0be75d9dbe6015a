/**
 * What the workbench learns of a cut answer against the real endpoint. A streamed answer cut by
 * the byte cap says so in its trailer, which fetch cannot read; the API client reads the note the
 * answer carries inside (JSON, XML, N-Triples), so the workbench still says the answer was cut.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedTriples, startTestServer, type TestServer } from "../../server/test/testServer.ts";
import { runSparql, setApiBase } from "./client.ts";

const LIMIT = 256 * 1024;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ documents: { "big.nt": generatedTriples(7000) }, workers: 1, rowCap: 200_000, config: { answerLimit: LIMIT }, rateLimit: { sparqlPerMinute: 0 } });
  setApiBase(server.url);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe("a streamed answer cut by the byte cap, as the API client reads it", () => {
  it.each(["application/sparql-results+json", "application/sparql-results+xml"])("says it was cut (%s)", async (accept) => {
    const answer = await runSparql("SELECT ?s ?p ?o { ?s ?p ?o }", accept);
    expect(answer.truncated).toBe(`bytes; limit=${LIMIT}`);
  });

  it("says it was cut (N-Triples)", async () => {
    expect((await runSparql("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")).truncated).toBe(`bytes; limit=${LIMIT}`);
  });

  it("says nothing of an answer that was not cut", async () => {
    expect((await runSparql("SELECT ?s { ?s <http://example.org/p1> ?o } LIMIT 2000", "application/sparql-results+json")).truncated).toBeNull();
  });
});
