import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityDetails, GraphPayload } from "../../contract/api.ts";
import { MINI_FIXTURE } from "../../server/test/testEngine.ts";
import { startTestServer, type TestServer } from "../../server/test/testServer.ts";
import { addNeighbourhood, mergeNeighbours } from "./addNeighbourhood.ts";
import { buildGraph } from "./model.ts";

const payload: GraphPayload = {
  attributes: { totalNodes: 3, totalEdges: 1 },
  options: { type: "directed", multi: true, allowSelfLoops: false },
  nodes: [
    { key: "t", attributes: { label: "Treaty of Turkmenchay", kind: "treaty", classIri: "c", classLabel: "Treaty", evidenceCount: 2 } },
    { key: "iran", attributes: { label: "Iran", kind: "actor", classIri: "c", classLabel: "State", evidenceCount: 1 } },
  ],
  edges: [{ key: "t|party|iran", source: "t", target: "iran", attributes: { kind: "treatyParty", label: "party", predicate: "party", evidenceCount: 1 } }],
};

const entity: EntityDetails = {
  iri: "t",
  label: "Treaty of Turkmenchay",
  altLabels: [],
  kind: "treaty",
  classes: [],
  disputed: false,
  editorialNotes: [],
  properties: [],
  evidence: [],
  outgoing: [
    { predicate: { iri: "party", label: "party" }, kind: "treatyParty", other: { iri: "iran", label: "Iran", kind: "actor" } },
    { predicate: { iri: "party", label: "party" }, kind: "treatyParty", other: { iri: "russia", label: "Russia", kind: "actor" } },
  ],
  incoming: [{ predicate: { iri: "mentions", label: "mentions" }, kind: "other", other: { iri: "article", label: "Karami", kind: "source" } }],
};

describe("expand neighbours", () => {
  it("adds the neighbours and relations the view lacks, and none twice", () => {
    const graph = buildGraph(payload);
    const result = addNeighbourhood(graph, entity);
    expect([...result.neighbours].sort()).toEqual(["article", "iran", "russia"]);
    expect(result).toMatchObject({ addedNodes: 2, addedEdges: 2 });
    expect(graph.hasEdge("article|mentions|t")).toBe(true);
    expect(graph.edges("t", "iran")).toHaveLength(1);
    expect(addNeighbourhood(graph, entity)).toMatchObject({ addedNodes: 0, addedEdges: 0 });
  });

  describe("from the real server's /api/v1/neighbours", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ sources: [MINI_FIXTURE], workers: 1 });
    });
    afterAll(() => server.close());
    const get = async (path: string): Promise<GraphPayload> => {
      const response = await fetch(`${server.url}/api/v1${path}`);
      expect(response.status).toBe(200);
      return (await response.json()) as GraphPayload;
    };

    it("adds a neighbour the overview's budget left out, near the expanded node, with its server attributes", async () => {
      const graph = buildGraph(await get("/graph?maxNodes=2"));
      expect(graph.order).toBe(2);
      const centre = graph.nodes()[0]!;
      const payload = await get(`/neighbours?iri=${encodeURIComponent(centre)}`);
      const missing = payload.nodes.find((n) => !graph.hasNode(n.key));
      expect(missing).toBeDefined();
      const lacking = payload.nodes.filter((n) => !graph.hasNode(n.key)).length;

      const result = mergeNeighbours(graph, centre, payload);
      expect(graph.hasNode(missing!.key)).toBe(true);
      expect(graph.getNodeAttributes(missing!.key)).toMatchObject(missing!.attributes);
      const { x, y } = graph.getNodeAttributes(centre);
      const added = graph.getNodeAttributes(missing!.key);
      expect(Math.hypot(added.x - x, added.y - y)).toBeCloseTo(30);
      expect(result.neighbours.has(missing!.key)).toBe(true);
      expect(result.addedNodes).toBe(lacking);
      expect(result.addedEdges).toBeGreaterThan(0);
      expect(result.omitted).toBeUndefined();
      expect(mergeNeighbours(graph, centre, payload)).toMatchObject({ addedNodes: 0, addedEdges: 0 });
    });

    it("passes on the server's omitted text when the neighbourhood is over its own budget", async () => {
      const graph = buildGraph(await get("/graph?maxNodes=1"));
      const centre = graph.nodes()[0]!;
      const result = mergeNeighbours(graph, centre, await get(`/neighbours?iri=${encodeURIComponent(centre)}&maxNodes=2`));
      expect(result.omitted).toMatch(/neighbours and .* edges left out/);
      expect(graph.order).toBe(2);
    });
  });
});
