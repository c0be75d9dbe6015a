/**
 * The workbench's error messages against the real endpoint: the API client reads the endpoint's
 * refusal (status, code, line and column) and the workbench words it, for a syntax error, a
 * query stopped at its deadline, and an update.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSparql, setApiBase, SparqlQueryError } from "../api/client.ts";
import { generatedTriples, startTestServer, type TestServer } from "../../server/test/testServer.ts";
import { describeError } from "./describeError.ts";

let server: TestServer;
beforeAll(async () => {
  // A tight deadline over data whose three-way cartesian product never ends in time.
  server = await startTestServer({ documents: { "many.nt": generatedTriples(3000) }, deadlineMs: 300, workers: 1 });
  setApiBase(server.url);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function refusal(query: string): Promise<SparqlQueryError> {
  const error = await runSparql(query, "application/sparql-results+json").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SparqlQueryError);
  return error as SparqlQueryError;
}

describe("query errors in the workbench", () => {
  it("reads a syntax error's line and column and keeps them in the message", async () => {
    const error = await refusal("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER (?s = )\n}");
    expect(error.status).toBe(400);
    expect(error.code).toBe("QUERY_SYNTAX");
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThan(0);
    expect(describeError(error)).toMatch(/^The query is not valid SPARQL\. Line 3, column \d+: /);
  });

  it("says a query was stopped at its deadline", async () => {
    const error = await refusal("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }");
    expect(error.status).toBe(503);
    expect(error.code).toBe("DEADLINE");
    expect(describeError(error)).toMatch(/^The query was stopped at its deadline: .*300 ms/);
  });

  it("refuses an update in words", async () => {
    const error = await refusal("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }");
    expect(error.status).toBe(403);
    expect(describeError(error)).toMatch(/^Only queries can be run here/);
  });
});
