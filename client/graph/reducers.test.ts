import { describe, expect, it } from "vitest";
import type { GraphPayload } from "../../contract/api.ts";
import { buildGraph } from "./model.ts";
import { focusSet, inYearRange, reduceEdge, reduceNode, type FocusState } from "./reducers.ts";

const payload: GraphPayload = {
  attributes: { totalNodes: 4, totalEdges: 2 },
  options: { type: "directed", multi: true, allowSelfLoops: false },
  nodes: [
    { key: "iran", attributes: { label: "Iran", kind: "actor", classIri: "c", classLabel: "State", evidenceCount: 1 } },
    { key: "russia", attributes: { label: "Russia", kind: "actor", classIri: "c", classLabel: "State", evidenceCount: 1 } },
    { key: "turkmenchay", attributes: { label: "Treaty of Turkmenchay", kind: "treaty", classIri: "t", classLabel: "Treaty", startYear: 1828, endYear: 1828, evidenceCount: 2 } },
    { key: "caspian", attributes: { label: "Caspian Sea", kind: "place", classIri: "p", classLabel: "Place", evidenceCount: 1 } },
  ],
  edges: [
    { key: "e1", source: "iran", target: "turkmenchay", attributes: { kind: "treatyParty", label: "party to", predicate: "party", evidenceCount: 1 } },
    { key: "e2", source: "russia", target: "turkmenchay", attributes: { kind: "treatyParty", label: "party to", predicate: "party", evidenceCount: 1 } },
  ],
};

const base: FocusState = { hidden: new Set(), dimColor: "#eee" };

describe("reducers", () => {
  it("treats undated things as always active and dated ones by overlap", () => {
    expect(inYearRange({}, 1900, 2000)).toBe(true);
    expect(inYearRange({ startYear: 1828, endYear: 1828 }, 1800, 1850)).toBe(true);
    expect(inYearRange({ startYear: 1828, endYear: 1828 }, 1829, 1900)).toBe(false);
    expect(inYearRange({ startYear: -500, endYear: 1771 }, undefined, -400)).toBe(true);
  });

  it("hides nodes of unticked kinds, hidden nodes and their edges", () => {
    const graph = buildGraph(payload);
    const state: FocusState = { ...base, kinds: new Set(["actor", "place"]) };
    expect(reduceNode("turkmenchay", graph.getNodeAttributes("turkmenchay"), state, undefined).hidden).toBe(true);
    expect(reduceEdge(graph, "e1", graph.getEdgeAttributes("e1"), state, undefined).hidden).toBe(true);
    const hidden: FocusState = { ...base, hidden: new Set(["russia"]) };
    expect(reduceNode("russia", graph.getNodeAttributes("russia"), hidden, undefined).hidden).toBe(true);
    expect(reduceEdge(graph, "e2", graph.getEdgeAttributes("e2"), hidden, undefined).hidden).toBe(true);
    expect(reduceEdge(graph, "e1", graph.getEdgeAttributes("e1"), hidden, undefined).hidden).toBeUndefined();
  });

  it("keeps the selected node's neighbourhood lit and dims the rest", () => {
    const graph = buildGraph(payload);
    const state: FocusState = { ...base, selected: "iran" };
    const focus = focusSet(graph, state);
    expect([...focus!].sort()).toEqual(["iran", "turkmenchay"]);
    expect(reduceNode("turkmenchay", graph.getNodeAttributes("turkmenchay"), state, focus).color).not.toBe("#eee");
    const caspian = reduceNode("caspian", graph.getNodeAttributes("caspian"), state, focus);
    expect(caspian.color).toBe("#eee");
    expect(caspian.label).toBe("");
    expect(reduceEdge(graph, "e1", graph.getEdgeAttributes("e1"), state, focus).forceLabel).toBe(true);
    expect(reduceEdge(graph, "e2", graph.getEdgeAttributes("e2"), state, focus).color).toBe("#eee");
  });

  it("lets a highlight (a path, a lens) win over the selection, in its own colours", () => {
    const graph = buildGraph(payload);
    const state: FocusState = { ...base, selected: "caspian", highlightNodes: new Set(["iran", "russia"]), highlightEdges: new Set(["e2"]), colorByNode: { iran: "#123456" } };
    const focus = focusSet(graph, state);
    expect(reduceNode("iran", graph.getNodeAttributes("iran"), state, focus).color).toBe("#123456");
    expect(reduceNode("caspian", graph.getNodeAttributes("caspian"), state, focus).color).toBe("#eee");
    expect(reduceEdge(graph, "e2", graph.getEdgeAttributes("e2"), state, focus).forceLabel).toBe(true);
    expect(reduceEdge(graph, "e1", graph.getEdgeAttributes("e1"), state, focus).color).toBe("#eee");
  });
});
