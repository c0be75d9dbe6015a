/**
 * Layout steps
 * ============
 * The ForceAtlas2 and noverlap steps shared by the layout worker (the explorer) and the figure
 * layout (exports, CLI): one implementation, so a figure is the picture the screen shows. Works
 * on flat Float32 arrays, as FA2's iterate does, with no DOM.
 */
import { UndirectedGraph } from "graphology";
import * as noverlapModule from "graphology-layout-noverlap";
import { interopDefault } from "./interopDefault.ts";

interface NoverlapFn {
  assign(graph: UndirectedGraph, params: { maxIterations: number; settings: Record<string, number> }): void;
}
const noverlap = interopDefault<NoverlapFn>(noverlapModule);

/** Properties per node and per edge in FA2's matrices. */
const PPN = 10;
const PPE = 3;

/**
 * FA2's node and edge matrices from flat positions (x0, y0, x1, y1 ...), sizes and edges
 * (source0, target0 ... as node indexes); a node's mass grows with its degree.
 */
export function fa2Matrices(positions: ArrayLike<number>, sizes: ArrayLike<number>, edges: ArrayLike<number>) {
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
  return { nodes, edgeMatrix };
}

/** Copies the x, y of FA2's node matrix into `out` (x0, y0, x1, y1 ...). */
export function readPositions(nodes: Float32Array, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length / 2; i++) {
    out[2 * i] = nodes[i * PPN]!;
    out[2 * i + 1] = nodes[i * PPN + 1]!;
  }
  return out;
}

/** Moves overlapping nodes apart in place; sizes are screen pixels, scaled to graph units. */
export function removeOverlaps(out: Float32Array, sizes: ArrayLike<number>): void {
  const order = sizes.length;
  if (order < 2) return;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < order; i++) {
    const x = out[2 * i]!, y = out[2 * i + 1]!;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  // Sigma fits the extent to the container's shorter side, often under 400px.
  const ratio = Math.max(maxX - minX, maxY - minY, 1) / 380;
  const graph = new UndirectedGraph();
  for (let i = 0; i < order; i++) graph.addNode(String(i), { x: out[2 * i], y: out[2 * i + 1], size: sizes[i]! * ratio });
  noverlap.assign(graph, { maxIterations: 150, settings: { margin: 3 * ratio, ratio: 1.2, gridSize: 20 } });
  graph.forEachNode((key, attrs) => {
    const i = Number(key);
    out[2 * i] = attrs.x as number;
    out[2 * i + 1] = attrs.y as number;
  });
}
