/**
 * Add a neighbourhood
 * ===================
 * "Expand neighbours": merges an entity's relations (from /api/v1/entity) into the drawn graph.
 * Nodes the view lacks (beyond the server's node budget) fan out around the entity; an edge is
 * added only when no edge with the same ends and predicate is drawn yet.
 */
import type { EntityDetails, NodeKind } from "../../server/http/apiTypes.ts";
import { edgeStyle, type ExplorerGraph } from "./model.ts";
import { NODE_COLOR } from "./palette.ts";

export interface Neighbourhood {
  /** Every neighbour of the entity, drawn before or added now. */
  neighbours: Set<string>;
  addedNodes: number;
  addedEdges: number;
}

const GOLDEN_ANGLE = 2.399963;

export function addNeighbourhood(graph: ExplorerGraph, entity: EntityDetails): Neighbourhood {
  let addedNodes = 0;
  let addedEdges = 0;
  const ensureNode = (ref: { iri: string; label: string; kind: NodeKind }, near?: string) => {
    if (graph.hasNode(ref.iri)) return;
    const centre = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
    const angle = (graph.order * GOLDEN_ANGLE) % (2 * Math.PI);
    graph.addNode(ref.iri, {
      label: ref.label,
      kind: ref.kind,
      classIri: "",
      classLabel: "",
      evidenceCount: 0,
      x: centre.x + 30 * Math.cos(angle),
      y: centre.y + 30 * Math.sin(angle),
      size: 4,
      color: NODE_COLOR[ref.kind] ?? NODE_COLOR.other,
    });
    addedNodes++;
  };
  const link = (source: string, target: string, rel: EntityDetails["outgoing"][number]) => {
    if (source === target) return;
    if (graph.edges(source, target).some((e) => graph.getEdgeAttribute(e, "predicate") === rel.predicate.iri)) return;
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
