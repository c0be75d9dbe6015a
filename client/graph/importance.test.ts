import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { BETWEENNESS_MAX_NODES, importanceScores, rankNodesByImportance } from "./importance.ts";

function graphOf(edges: [string, string][]): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const [s, t] of edges) {
    graph.mergeNode(s);
    graph.mergeNode(t);
    graph.addEdge(s, t);
  }
  return graph;
}

describe("node importance", () => {
  it("ranks the hub of a star first and its leaves equal", () => {
    const ranked = rankNodesByImportance(graphOf([["hub", "a"], ["hub", "b"], ["c", "hub"]]));
    expect(ranked[0]!.key).toBe("hub");
    expect(ranked[0]!.score).toBe(1);
    expect(new Set(ranked.slice(1).map((r) => r.score)).size).toBe(1);
    expect(ranked.map((r) => r.rank)).toEqual([0, 1, 2, 3]);
  });

  it("ranks a bridge between two blocs above the blocs' leaves though its degree is only two", () => {
    // Two triangles joined through "treaty": every path between the blocs runs through it.
    const graph = graphOf([
      ["a1", "a2"], ["a2", "a3"], ["a3", "a1"],
      ["b1", "b2"], ["b2", "b3"], ["b3", "b1"],
      ["a1", "treaty"], ["treaty", "b1"],
    ]);
    const scores = importanceScores(graph);
    expect(scores.get("treaty")!).toBeGreaterThan(scores.get("a2")!);
    expect(scores.get("treaty")!).toBeGreaterThan(scores.get("b3")!);
    expect(rankNodesByImportance(graph)[0]!.key).toMatch(/^(a1|b1)$/);
  });

  it("counts parallel and reciprocal relations between two nodes once", () => {
    const graph = graphOf([["x", "y"], ["y", "x"], ["x", "y"], ["z", "w"], ["z", "v"]]);
    const byKey = new Map(rankNodesByImportance(graph).map((r) => [r.key, r]));
    expect(byKey.get("x")!.degree).toBe(1);
    expect(byKey.get("z")!.degree).toBe(2);
    expect(byKey.get("z")!.score).toBeGreaterThan(byKey.get("x")!.score);
  });

  it("gives the same order for the same graph, ties broken by key", () => {
    const edges: [string, string][] = [["m", "n"], ["o", "p"], ["q", "r"]];
    const a = rankNodesByImportance(graphOf(edges)).map((r) => r.key);
    expect(a).toEqual(rankNodesByImportance(graphOf([...edges].reverse())).map((r) => r.key));
    expect(a).toEqual([...a].sort());
  });

  it("falls back to degree alone above the betweenness limit", () => {
    const edges: [string, string][] = [];
    for (let i = 1; i <= BETWEENNESS_MAX_NODES; i++) edges.push(["centre", `leaf${i}`]);
    const ranked = rankNodesByImportance(graphOf(edges));
    expect(ranked[0]).toMatchObject({ key: "centre", betweenness: 0, score: 1 });
  });

  it("answers an empty list for an empty graph", () => {
    expect(rankNodesByImportance(new MultiDirectedGraph())).toEqual([]);
  });
});
