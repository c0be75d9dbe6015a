/**
 * Every example query over the real endpoint
 * ==========================================
 * Each example of the workbench's library, as /api/v1/examples serves it, runs through the real
 * server (the embedded engine over the curated data, on port 0) and must give exactly the answer
 * its competency question states (data/competencyQuestions.ts), through the endpoint as a user
 * runs it. Rows are the selected values joined with " | ", IRIs by local name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExampleQuery } from "../../contract/api.ts";
import { NS, SPARQL_PREFIXES } from "../../contract/namespaces.ts";
import { COMPETENCY_QUESTIONS } from "../../data/competencyQuestions.ts";
import { DEFAULT_SOURCES } from "../rdf/loadDatasets.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";

const withPrefixes = (body: string) => `${SPARQL_PREFIXES}\n\n${body}`;

interface Binding {
  type: string;
  value: string;
}

let server: TestServer;
let examples: ExampleQuery[];
beforeAll(async () => {
  server = await startTestServer({ sources: [...DEFAULT_SOURCES] });
  examples = ((await (await fetch(`${server.url}/api/v1/examples`)).json()) as { examples: ExampleQuery[] }).examples;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

function show(term: Binding | undefined): string {
  if (!term) return "-";
  if (term.type === "uri") for (const ns of [NS.cd, NS.cas]) if (term.value.startsWith(ns)) return term.value.slice(ns.length);
  return term.value;
}

async function run(query: string, accept: string): Promise<Response> {
  return fetch(`${server.url}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-query", accept }, body: withPrefixes(query) });
}

describe("the workbench's example queries", () => {
  it("serves every competency question, in words and SPARQL, at /api/v1/examples", () => {
    for (const { id, question, query } of COMPETENCY_QUESTIONS) expect(examples).toContainEqual({ id, question, query });
  });

  it.each(COMPETENCY_QUESTIONS.map((q) => [q.question, q] as const))("%s", async (_question, question) => {
    const response = await run(question.query, "application/sparql-results+json");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { head: { vars: string[] }; results: { bindings: Record<string, Binding>[] } };
    const rows = body.results.bindings.map((row) => body.head.vars.map((v) => show(row[v])).join(" | ")).sort();
    expect(rows).toEqual([...question.answer].sort());
  });

  it("answer the network example with triples and the yes/no example with true", async () => {
    const graph = await run(examples.find((e) => e.id === "treaty-network")!.query, "application/n-triples");
    expect(graph.status).toBe(200);
    expect(await graph.text()).toContain(`<${NS.cd}TreatyOfTurkmenchay> <${NS.cas}party> <${NS.cd}Russia>`);
    const ask = await run(examples.find((e) => e.id === "turkmenchay-ceded-caucasus")!.query, "application/sparql-results+json");
    expect(((await ask.json()) as { boolean: boolean }).boolean).toBe(true);
  });
});
