import { describe, expect, it } from "vitest";
import type { EntityDetails, GraphPayload } from "../../server/http/apiTypes.ts";
import { addNeighbourhood } from "./addNeighbourhood.ts";
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
});
