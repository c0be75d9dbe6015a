/**
 * Layout for a figure
 * ===================
 * The explorer's picture without a browser: the same seeded start (seededPlacement.ts), the same
 * ForceAtlas2 settings and iteration plan (layoutPlan.ts) and the same noverlap pass as the layout
 * worker, run synchronously to the end with no time budget, so one input always gives one layout.
 * Float32 matrices as in the worker, so the numbers match what the worker computes.
 */
import { UndirectedGraph } from "graphology";
import iterate from "graphology-layout-forceatlas2/iterate.js";
import * as noverlapModule from "graphology-layout-noverlap";
import type { GraphPayload } from "../../server/http/apiTypes.ts";
import { interopDefault } from "../graph/interopDefault.ts";
import { fa2Settings, planLayout } from "../graph/layoutPlan.ts";
import { buildGraph, type ExplorerGraph } from "../graph/model.ts";

interface NoverlapFn {
  assign(graph: UndirectedGraph, params: { maxIterations: number; settings: Record<string, number> }): void;
}
const noverlap = interopDefault<NoverlapFn>(noverlapModule);

const PPN = 10;
const PPE = 3;

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
  const nodes = new Float32Array(order * PPN);
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    const j = i * PPN;
    nodes[j] = a.x;
    nodes[j + 1] = a.y;
    nodes[j + 6] = 1;
    nodes[j + 7] = 1;
    nodes[j + 8] = a.size;
  });
  const edgeMatrix = new Float32Array(graph.size * PPE);
  let e = 0;
  graph.forEachEdge((_edge, _attrs, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    nodes[s * PPN + 6]! += 1;
    nodes[t * PPN + 6]! += 1;
    edgeMatrix[e * PPE] = s * PPN;
    edgeMatrix[e * PPE + 1] = t * PPN;
    edgeMatrix[e * PPE + 2] = 1;
    e++;
  });
  const settings = fa2Settings(order, plan.barnesHut);
  for (let i = 0; i < plan.iterations; i++) iterate(settings, nodes, edgeMatrix);
  const out = new Float32Array(order * 2);
  for (let i = 0; i < order; i++) {
    out[2 * i] = nodes[i * PPN]!;
    out[2 * i + 1] = nodes[i * PPN + 1]!;
  }
  if (plan.noverlap && order > 1) {
    const sizes = keys.map((key) => graph.getNodeAttribute(key, "size"));
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < order; i++) {
      const x = out[2 * i]!, y = out[2 * i + 1]!;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    // As in the worker: sizes are screen pixels for a ~380px view, scaled to graph units.
    const ratio = Math.max(maxX - minX, maxY - minY, 1) / 380;
    const g = new UndirectedGraph();
    for (let i = 0; i < order; i++) g.addNode(String(i), { x: out[2 * i], y: out[2 * i + 1], size: sizes[i]! * ratio });
    noverlap.assign(g, { maxIterations: 150, settings: { margin: 3 * ratio, ratio: 1.2, gridSize: 20 } });
    g.forEachNode((key, attrs) => {
      const i = Number(key);
      out[2 * i] = attrs.x as number;
      out[2 * i + 1] = attrs.y as number;
    });
  }
  keys.forEach((key, i) => {
    graph.setNodeAttribute(key, "x", out[2 * i]!);
    graph.setNodeAttribute(key, "y", out[2 * i + 1]!);
  });
}
