/**
 * Add a neighbourhood
 * ===================
 * "Expand neighbours": merges a node's 1-hop neighbourhood into the drawn graph, from
 * /api/v1/neighbours (mergeNeighbours: the nodes with all their attributes, capped by the
 * server's own budget) or from an entity's relations in /api/v1/entity (addNeighbourhood: for an
 * entity that is not a node of the graph view). Nodes the view lacks (beyond the overview's node
 * budget) fan out around the expanded node; an edge is added only when no edge with the same
 * ends and predicate is drawn yet.
 */
import type { EntityDetails, GraphPayload, NodeKind } from "../../contract/api.ts";
import { edgeStyle, type ExplorerGraph } from "./model.ts";
import { NODE_COLOR, nodeColor } from "./palette.ts";

export interface Neighbourhood {
  /** Every neighbour of the entity, drawn before or added now. */
  neighbours: Set<string>;
  addedNodes: number;
  addedEdges: number;
}

const GOLDEN_ANGLE = 2.399963;

/** A spot 30 units from `near` (the origin if it is not drawn), a different angle per node added. */
function fanOut(graph: ExplorerGraph, near: string | undefined): { x: number; y: number } {
  const centre = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
  const angle = (graph.order * GOLDEN_ANGLE) % (2 * Math.PI);
  return { x: centre.x + 30 * Math.cos(angle), y: centre.y + 30 * Math.sin(angle) };
}

const drawn = (graph: ExplorerGraph, source: string, target: string, predicate: string) =>
  graph.edges(source, target).some((e) => graph.getEdgeAttribute(e, "predicate") === predicate);

/** Merges `/api/v1/neighbours?iri=centre`'s payload; `omitted` is the server's note of what it left out. */
export function mergeNeighbours(graph: ExplorerGraph, centre: string, payload: GraphPayload): Neighbourhood & { omitted?: string } {
  let addedNodes = 0;
  let addedEdges = 0;
  // The centre first, so its neighbours fan out around it when it was not drawn either.
  const nodes = [...payload.nodes].sort((a, b) => Number(b.key === centre) - Number(a.key === centre));
  for (const { key, attributes } of nodes) {
    if (graph.hasNode(key)) continue;
    graph.addNode(key, { ...attributes, ...fanOut(graph, key === centre ? undefined : centre), size: 4, color: nodeColor(attributes.kind, attributes.classIri) });
    addedNodes++;
  }
  const neighbours = new Set<string>();
  for (const { key, source, target, attributes } of payload.edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    neighbours.add(source === centre ? target : source);
    if (graph.hasEdge(key) || drawn(graph, source, target, attributes.predicate)) continue;
    graph.addDirectedEdgeWithKey(key, source, target, { ...attributes, ...edgeStyle(attributes.kind) });
    addedEdges++;
  }
  neighbours.delete(centre);
  const omitted = payload.attributes.omitted;
  return { neighbours, addedNodes, addedEdges, ...(omitted ? { omitted } : {}) };
}

export function addNeighbourhood(graph: ExplorerGraph, entity: EntityDetails): Neighbourhood {
  let addedNodes = 0;
  let addedEdges = 0;
  const ensureNode = (ref: { iri: string; label: string; kind: NodeKind }, near?: string) => {
    if (graph.hasNode(ref.iri)) return;
    const { x, y } = fanOut(graph, near);
    graph.addNode(ref.iri, {
      label: ref.label,
      kind: ref.kind,
      classIri: "",
      classLabel: "",
      evidenceCount: 0,
      x,
      y,
      size: 4,
      color: NODE_COLOR[ref.kind] ?? NODE_COLOR.other,
    });
    addedNodes++;
  };
  const link = (source: string, target: string, rel: EntityDetails["outgoing"][number]) => {
    if (source === target) return;
    if (drawn(graph, source, target, rel.predicate.iri)) return;
    graph.addDirectedEdgeWithKey(`${source}|${rel.predicate.iri}|${target}`, source, target, {
      kind: rel.kind,
      label: rel.predicate.label,
      predicate: rel.predicate.iri,
      evidenceCount: 0,
      ...edgeStyle(rel.kind),
    });
    addedEdges++;
  };

  ensureNode({ iri: entity.iri, label: entity.label, kind: entity.kind });
  const neighbours = new Set<string>();
  for (const rel of entity.outgoing) {
    ensureNode(rel.other, entity.iri);
    link(entity.iri, rel.other.iri, rel);
    neighbours.add(rel.other.iri);
  }
  for (const rel of entity.incoming) {
    ensureNode(rel.other, entity.iri);
    link(rel.other.iri, entity.iri, rel);
    neighbours.add(rel.other.iri);
  }
  neighbours.delete(entity.iri);
  return { neighbours, addedNodes, addedEdges };
}
