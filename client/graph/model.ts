/**
 * Graph model
 * ===========
 * Turns the API's GraphPayload into the graphology graph the explorer draws: the server's
 * attributes kept as they are, plus the display attributes sigma reads (x, y, size, color, type).
 */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphPayload, NodeAttributes, NodeKind, RelationKind } from "../../contract/api.ts";
import { qualifyHomonyms } from "./homonyms.ts";
import { nodeColor, RELATION_STYLE } from "./palette.ts";
import { seededPosition } from "./seededPlacement.ts";

export interface DisplayNode extends NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  /** Set when another node shares the label ("place", "state", years): see homonyms.ts. */
  qualifier?: string;
  /** Louvain community, when colouring by community (appearance.ts). */
  community?: number;
}

export interface DisplayEdge extends EdgeAttributes {
  size: number;
  color: string;
  type: "arrow" | "line";
  /** Bend of a parallel or reciprocal edge (0 when alone): see parallelEdges.ts. */
  curvature?: number;
}

export type ExplorerGraph = MultiDirectedGraph<DisplayNode, DisplayEdge, GraphPayload["attributes"]>;

/**
 * Node radius by degree: square root, so hubs (Iran, Russia) stand out without hiding the rest.
 * Big graphs get smaller discs: less overlap to read, and far fewer pixels to fill per frame.
 */
export function sizeForDegree(degree: number, order = 0): number {
  return order > 5000 ? Math.min(1.5 + 0.8 * Math.sqrt(degree), 8) : Math.min(3 + 1.5 * Math.sqrt(degree), 22);
}

export function buildGraph(payload: GraphPayload): ExplorerGraph {
  const graph: ExplorerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ ...payload.attributes });
  const count = payload.nodes.length;
  for (const { key, attributes } of payload.nodes) {
    const { x, y } = seededPosition(key, count);
    graph.addNode(key, { ...attributes, x, y, size: 4, color: nodeColor(attributes.kind, attributes.classIri) });
  }
  for (const { key, source, target, attributes } of payload.edges) {
    // The server promises both ends are in the payload; a stray edge is skipped, not fatal.
    if (!graph.hasNode(source) || !graph.hasNode(target) || graph.hasEdge(key) || source === target) continue;
    graph.addDirectedEdgeWithKey(key, source, target, { ...attributes, ...edgeStyle(attributes.kind) });
  }
  resize(graph);
  refreshDerived(graph);
  return graph;
}

/**
 * What depends on the whole graph (homonym qualifiers): after any merge. The view adds the
 * parallel-edge curves itself (client/graph/parallelEdges.ts needs sigma's WebGL programs).
 */
export function refreshDerived(graph: ExplorerGraph): void {
  qualifyHomonyms(graph);
}

export function edgeStyle(kind: RelationKind): { size: number; color: string; type: "arrow" | "line" } {
  const style = RELATION_STYLE[kind] ?? RELATION_STYLE.other;
  return { size: style.size, color: style.color, type: style.type };
}

export function resize(graph: ExplorerGraph): void {
  const order = graph.order;
  graph.updateEachNodeAttributes((node, attrs) => {
    attrs.size = sizeForDegree(graph.degree(node), order);
    return attrs;
  }, { attributes: ["size"] });
}

/** Counts per node kind and relation kind, for the filter panel. */
export function countKinds(graph: ExplorerGraph): { kinds: Map<NodeKind, number>; relations: Map<RelationKind, number>; classes: Map<string, { label: string; count: number }> } {
  const kinds = new Map<NodeKind, number>();
  const relations = new Map<RelationKind, number>();
  // Classes outside Caspian's ontology, for the legend (they share the kind "other").
  const classes = new Map<string, { label: string; count: number }>();
  graph.forEachNode((_, a) => {
    kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    if (a.kind === "other" && a.classIri) {
      const entry = classes.get(a.classIri) ?? { label: a.classLabel || a.classIri, count: 0 };
      entry.count++;
      classes.set(a.classIri, entry);
    }
  });
  graph.forEachEdge((_, a) => relations.set(a.kind, (relations.get(a.kind) ?? 0) + 1));
  return { kinds, relations, classes };
}
