/**
 * Layout for a figure
 * ===================
 * The explorer's picture without a browser: the same seeded start (seededPlacement.ts), the same
 * ForceAtlas2 settings and iteration plan (layoutPlan.ts) and the same noverlap pass as the layout
 * worker, run synchronously to the end with no time budget, so one input always gives one layout.
 * Float32 matrices as in the worker, so the numbers match what the worker computes.
 */
import iterate from "graphology-layout-forceatlas2/iterate.js";
import type { GraphPayload } from "../../contract/api.ts";
import { fa2Settings, planLayout } from "../graph/layoutPlan.ts";
import { fa2Matrices, readPositions, removeOverlaps } from "../graph/layoutSteps.ts";
import { buildGraph, type ExplorerGraph } from "../graph/model.ts";

/** Builds the explorer graph of a payload and lays it out to the end of its plan. */
export function layoutForFigure(payload: GraphPayload): ExplorerGraph {
  const graph = buildGraph(payload);
  layOut(graph);
  return graph;
}

export function layOut(graph: ExplorerGraph): void {
  const keys = graph.nodes();
  const order = keys.length;
  if (order === 0) return;
  const index = new Map(keys.map((key, i) => [key, i]));
  const plan = planLayout(graph.order, graph.size);
  const positions = new Float32Array(order * 2);
  const sizes = new Float32Array(order);
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    positions[2 * i] = a.x;
    positions[2 * i + 1] = a.y;
    sizes[i] = a.size;
  });
  const edges: number[] = [];
  graph.forEachEdge((_edge, _attrs, source, target) => edges.push(index.get(source)!, index.get(target)!));
  const { nodes, edgeMatrix } = fa2Matrices(positions, sizes, edges);
  const settings = fa2Settings(order, plan.barnesHut);
  for (let i = 0; i < plan.iterations; i++) iterate(settings, nodes, edgeMatrix);
  const out = readPositions(nodes, new Float32Array(order * 2));
  if (plan.noverlap) removeOverlaps(out, sizes);
  keys.forEach((key, i) => {
    graph.setNodeAttribute(key, "x", out[2 * i]!);
    graph.setNodeAttribute(key, "y", out[2 * i + 1]!);
  });
}
