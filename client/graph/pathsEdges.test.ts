import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { PathStep } from "../../contract/api.ts";
import { drawnNodes, edgesForSteps } from "./pathsEdges.ts";

const CD = "https://w3id.org/caspian/data/";
const CAS = "https://w3id.org/caspian/ontology#";
const ref = (name: string) => ({ iri: CD + name, label: name });
const step = (s: string, t: string, predicate: string): PathStep => ({
  source: ref(s),
  target: ref(t),
  predicate: { iri: CAS + predicate, label: predicate },
  sentence: `${s} ${predicate} ${t}.`,
  evidence: [],
});

function graph() {
  const g = new MultiDirectedGraph();
  for (const n of ["Iran", "Russia", "Britain", "TreatyOfTurkmenchay", "SovietUnion"]) g.addNode(CD + n);
  g.addEdgeWithKey("e1", CD + "Russia", CD + "TreatyOfTurkmenchay", { predicate: CAS + "party" });
  g.addEdgeWithKey("e2", CD + "Iran", CD + "TreatyOfTurkmenchay", { predicate: CAS + "party" });
  g.addEdgeWithKey("e3", CD + "Iran", CD + "TreatyOfTurkmenchay", { predicate: CAS + "place" });
  g.addEdgeWithKey("s1", CD + "Iran", CD + "SovietUnion", { predicate: CAS + "RelationshipState", startYear: 1920, endYear: 1979 });
  g.addEdgeWithKey("s2", CD + "Iran", CD + "SovietUnion", { predicate: CAS + "RelationshipState", startYear: 1960, endYear: 1979 });
  g.addEdgeWithKey("e4", CD + "Britain", CD + "Iran", { predicate: CAS + "threatened", via: CD + "threat-BritainIran" });
  return g;
}

describe("path edges", () => {
  it("finds the edge of each step in either direction, preferring the step's predicate", () => {
    const steps = [step("Russia", "TreatyOfTurkmenchay", "party"), step("TreatyOfTurkmenchay", "Iran", "party")];
    expect(edgesForSteps(graph(), steps).sort()).toEqual(["e1", "e2"]);
  });

  it("picks, of parallel edges with the step's predicate, the one whose years the sentence names", () => {
    const s = { ...step("Iran", "SovietUnion", "RelationshipState"), sentence: "Iran — in cooperation (1960–1979) with — Soviet Union" };
    expect(edgesForSteps(graph(), [s])).toEqual(["s2"]);
  });

  it("stands an n-ary node the graph draws as an edge for by the edge that runs via it", () => {
    const steps = [step("Britain", "threat-BritainIran", "threatSource"), step("threat-BritainIran", "Iran", "threatTarget")];
    expect(edgesForSteps(graph(), steps)).toEqual(["e4"]);
    expect(drawnNodes(graph(), [ref("Britain"), ref("threat-BritainIran"), ref("Iran")])).toEqual([CD + "Britain", CD + "Iran"]);
  });
});
