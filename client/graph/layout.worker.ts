/**
 * Layout worker
 * =============
 * Runs ForceAtlas2 (then noverlap for small graphs) off the main thread, so the page pans and
 * answers clicks while a big graph settles. Receives flat arrays, posts positions as it goes.
 */
import { UndirectedGraph } from "graphology";
import iterate from "graphology-layout-forceatlas2/iterate.js";
import * as noverlapModule from "graphology-layout-noverlap";
import { interopDefault } from "./interopDefault.ts";
import { fa2Settings, type LayoutPlan } from "./layoutPlan.ts";

export interface LayoutRequest {
  positions: Float32Array; // x0, y0, x1, y1 ...
  sizes: Float32Array;
  edges: Uint32Array; // source0, target0, source1, target1 ... (node indexes)
  plan: LayoutPlan;
}

export type LayoutMessage =
  | { type: "progress"; positions: Float32Array; iterations: number }
  | { type: "done"; positions: Float32Array; iterations: number; fa2Ms: number; noverlapMs: number };

interface NoverlapFn {
  assign(graph: UndirectedGraph, params: { maxIterations: number; settings: Record<string, number> }): void;
}
const noverlap = interopDefault<NoverlapFn>(noverlapModule);

const PPN = 10;
const PPE = 3;

function run(request: LayoutRequest): void {
  const { positions, sizes, edges, plan } = request;
  const order = sizes.length;
  const nodes = new Float32Array(order * PPN);
  for (let i = 0; i < order; i++) {
    const j = i * PPN;
    nodes[j] = positions[2 * i]!;
    nodes[j + 1] = positions[2 * i + 1]!;
    nodes[j + 6] = 1; // mass: grows to the degree below
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = sizes[i]!;
  }
  const size = edges.length / 2;
  const edgeMatrix = new Float32Array(size * PPE);
  for (let e = 0; e < size; e++) {
    const s = edges[2 * e]!;
    const t = edges[2 * e + 1]!;
    nodes[s * PPN + 6]! += 1;
    nodes[t * PPN + 6]! += 1;
    edgeMatrix[e * PPE] = s * PPN;
    edgeMatrix[e * PPE + 1] = t * PPN;
    edgeMatrix[e * PPE + 2] = 1;
  }
  const settings = fa2Settings(order, plan.barnesHut);
  const out = new Float32Array(order * 2);
  const copy = () => {
    for (let i = 0; i < order; i++) {
      out[2 * i] = nodes[i * PPN]!;
      out[2 * i + 1] = nodes[i * PPN + 1]!;
    }
  };
  const started = performance.now();
  let lastPost = started;
  // Each post makes sigma re-index every node on the main thread: fewer posts for big graphs.
  const postEvery = order > 5000 ? 3000 : 120;
  let done = 0;
  if (order > 0) {
    for (; done < plan.iterations; done++) {
      iterate(settings, nodes, edgeMatrix);
      const now = performance.now();
      if (now - started > plan.timeBudgetMs) break;
      if (now - lastPost > postEvery) {
        copy();
        postMessage({ type: "progress", positions: out.slice(), iterations: done + 1 } satisfies LayoutMessage);
        lastPost = now;
      }
    }
  }
  copy();
  const fa2Ms = performance.now() - started;
  let noverlapMs = 0;
  if (plan.noverlap && order > 1) {
    const t0 = performance.now();
    const graph = new UndirectedGraph();
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < order; i++) {
      const x = out[2 * i]!, y = out[2 * i + 1]!;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    // Sizes are screen pixels; sigma fits the extent to the container's shorter side, often under 400px, so scale them to graph units.
    const ratio = Math.max(maxX - minX, maxY - minY, 1) / 380;
    for (let i = 0; i < order; i++) graph.addNode(String(i), { x: out[2 * i], y: out[2 * i + 1], size: sizes[i]! * ratio });
    noverlap.assign(graph, { maxIterations: 150, settings: { margin: 3 * ratio, ratio: 1.2, gridSize: 20 } });
    graph.forEachNode((key, attrs) => {
      const i = Number(key);
      out[2 * i] = attrs.x as number;
      out[2 * i + 1] = attrs.y as number;
    });
    noverlapMs = performance.now() - t0;
  }
  postMessage({ type: "done", positions: out, iterations: done, fa2Ms, noverlapMs } satisfies LayoutMessage);
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => run(event.data);
