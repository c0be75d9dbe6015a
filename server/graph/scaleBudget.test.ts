import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTriples } from "../../scripts/generateGraph.ts";
import type { GraphPayload } from "../../contract/api.ts";
import { startTestServer, type TestServer } from "../test/testServer.ts";

// A generated 50,000-triple diplomatic history (fixed seed) with the ontology: more nodes than
// the view's default budget of 5,000, so the overview must choose and say what it left out.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    sources: [fileURLToPath(new URL("../../ontology/", import.meta.url))],
    documents: { "generated.nt": [...generateTriples({ triples: 50_000 })].join("") },
    workers: 1,
    deadlineMs: 50_000,
  });
});
afterAll(() => server.close());

describe("the graph view of a graph larger than its node budget", () => {
  it("draws 5,000 nodes (the most connected, and the nodes linking them) and says how many nodes and edges it left out", async () => {
    const graph = (await (await fetch(`${server.url}/api/v1/graph`)).json()) as GraphPayload;
    expect(graph.attributes.totalNodes).toBeGreaterThan(5000);
    expect(graph.nodes).toHaveLength(5000);
    expect(graph.attributes.omitted).toBe(
      `${graph.attributes.totalNodes - 5000} of ${graph.attributes.totalNodes} nodes and ${graph.attributes.totalEdges - graph.edges.length} of ${graph.attributes.totalEdges} edges left out: the view keeps the 2500 most connected nodes and the 2500 nodes that link most of them.`,
    );
    // Hubs (states) meet through the treaties and wars that link them, so the overview has edges.
    expect(graph.edges.length).toBeGreaterThan(2500);
    // The great powers of the generator (low actor numbers) are the most connected: kept.
    expect(graph.nodes.map((n) => n.key)).toContain("https://w3id.org/caspian/generated/actor/0");
  });

  it("expands a node the overview cut short through /neighbours", async () => {
    const iri = "https://w3id.org/caspian/generated/actor/0";
    const around = (await (await fetch(`${server.url}/api/v1/neighbours?iri=${encodeURIComponent(iri)}&maxNodes=50`)).json()) as GraphPayload;
    expect(around.nodes).toHaveLength(50);
    expect(around.nodes.map((n) => n.key)).toContain(iri);
    expect(around.attributes.omitted).toMatch(/^\d+ of \d+ neighbours and \d+ of \d+ edges left out: the most connected 49 are shown\.$/);
  });
});
