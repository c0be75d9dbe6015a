import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTriples } from "../../scripts/generateGraph.ts";
import { EDGE_LIST_CAP, type ActorEdgeAttributes, type EdgeStatements, type GraphPayload } from "../../contract/api.ts";
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

// Two states bound by more treaties than an actors' edge lists in the graph payload.
describe("an actors' edge with more grounds than the payload lists", () => {
  let busy: TestServer;
  const gen = (local: string) => `https://w3id.org/caspian/generated/${local}`;
  beforeAll(async () => {
    const treaties = Array.from({ length: EDGE_LIST_CAP + 5 }, (_, i) => `<${gen(`treaty/${i}`)}> a cas:Treaty ; rdfs:label "Gen. Treaty ${i}"@en ; cas:startYear ${1700 + i} ; cas:party <${gen("actor/0")}>, <${gen("actor/1")}> .`);
    busy = await startTestServer({
      sources: [fileURLToPath(new URL("../../ontology/", import.meta.url))],
      documents: {
        "busy.ttl": `@prefix cas: <https://w3id.org/caspian/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<${gen("actor/0")}> a cas:State ; rdfs:label "Gen. State 0"@en .
<${gen("actor/1")}> a cas:State ; rdfs:label "Gen. State 1"@en .
${treaties.join("\n")}
`,
      },
      workers: 1,
      deadlineMs: 50_000,
    });
  });
  afterAll(() => busy.close());

  it("lists the first EDGE_LIST_CAP (5) grounds and statements, counts them all, and the edge's own request lists every one", async () => {
    const graph = (await (await fetch(`${busy.url}/api/v1/graph?view=actors`)).json()) as GraphPayload;
    const edge = graph.edges.find((e) => (e.attributes as ActorEdgeAttributes).relation === "treatyParty")!;
    const attributes = edge.attributes as ActorEdgeAttributes;
    expect(attributes.weight).toBe(EDGE_LIST_CAP + 5);
    expect(attributes.grounds).toHaveLength(EDGE_LIST_CAP);
    expect(attributes.statements).toHaveLength(EDGE_LIST_CAP);
    expect(attributes.statementCount).toBe(EDGE_LIST_CAP + 5);
    expect([...attributes.grounds].sort()).toEqual(attributes.grounds);
    const params = new URLSearchParams({ source: edge.source, target: edge.target, relation: attributes.relation });
    const all = (await (await fetch(`${busy.url}/api/v1/edge?${params}`)).json()) as EdgeStatements;
    expect(all.statements).toHaveLength(EDGE_LIST_CAP + 5);
  });
});
