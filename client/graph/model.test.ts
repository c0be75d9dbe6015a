import { describe, expect, it } from "vitest";
import { generateGraph } from "../../bench/generatedGraph.ts";
import { buildGraph, countKinds, sizeForDegree } from "./model.ts";
import { NODE_COLOR } from "./palette.ts";
import { planLayout } from "./layoutPlan.ts";

describe("the graph model", () => {
  it("places every node the same way for the same data", () => {
    const a = buildGraph(generateGraph(200));
    const b = buildGraph(generateGraph(200));
    a.forEachNode((node, attrs) => {
      expect(b.getNodeAttribute(node, "x")).toBe(attrs.x);
      expect(b.getNodeAttribute(node, "y")).toBe(attrs.y);
    });
  });

  it("colours nodes by kind and sizes them by degree", () => {
    const graph = buildGraph(generateGraph(300));
    graph.forEachNode((node, attrs) => {
      expect(attrs.color).toBe(NODE_COLOR[attrs.kind]);
      expect(attrs.size).toBe(sizeForDegree(graph.degree(node), graph.order));
    });
    const { kinds, relations } = countKinds(graph);
    expect([...kinds.values()].reduce((s, n) => s + n, 0)).toBe(graph.order);
    expect([...relations.values()].reduce((s, n) => s + n, 0)).toBe(graph.size);
  });

  it("skips an edge whose end is missing instead of failing", () => {
    const payload = generateGraph(10);
    payload.edges.push({ key: "stray", source: "urn:gen:0", target: "urn:missing", attributes: { kind: "other", label: "x", predicate: "p", evidenceCount: 0 } });
    expect(buildGraph(payload).hasEdge("stray")).toBe(false);
  });

  it("plans less layout work and no noverlap for very big graphs", () => {
    expect(planLayout(300, 600)).toMatchObject({ iterations: 600, noverlap: true, barnesHut: false });
    const big = planLayout(50_000, 100_000);
    expect(big.noverlap).toBe(false);
    expect(big.barnesHut).toBe(true);
    expect(big.iterations).toBeLessThan(100);
  });
});

describe("foreign classes", () => {
  it("colours a node of a class outside the ontology by its class, the same class alike, and counts the classes for the legend", async () => {
    const { buildGraph, countKinds } = await import("./model.ts");
    const node = (key: string, classIri: string, classLabel: string) => ({ key, attributes: { label: key, kind: "other" as const, classIri, classLabel, evidenceCount: 0 } });
    const graph = buildGraph({
      attributes: { totalNodes: 3, totalEdges: 0 },
      options: { type: "directed", multi: true, allowSelfLoops: false },
      nodes: [node("a", "http://example.org/treaty", "treaty"), node("b", "http://example.org/treaty", "treaty"), node("c", "http://example.org/state", "state")],
      edges: [],
    });
    expect(graph.getNodeAttribute("a", "color")).toBe(graph.getNodeAttribute("b", "color"));
    expect(graph.getNodeAttribute("a", "color")).not.toBe(graph.getNodeAttribute("c", "color"));
    expect([...countKinds(graph).classes]).toEqual([
      ["http://example.org/treaty", { label: "treaty", count: 2 }],
      ["http://example.org/state", { label: "state", count: 1 }],
    ]);
  });
});
