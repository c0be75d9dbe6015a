/**
 * Lens highlight
 * ==============
 * What the graph shows for a third-party analysis: the dyad and its third parties, each third
 * party coloured by its (first) role, and the edges that stand for those roles — the ones drawn
 * via a role node of the analysis, or a third-party edge between a third party and one of the
 * two. No DOM: tested in node.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import type { ThirdPartyAnalysis } from "../../contract/api.ts";
import { DYAD_COLOR, roleStyle } from "./lensRoles.ts";

export interface Highlight {
  nodes: string[];
  edges: string[];
  colorByNode: Record<string, string>;
}

export function lensHighlight(graph: Graph, result: ThirdPartyAnalysis): Highlight {
  const [a, b] = result.dyad;
  const colorByNode: Record<string, string> = { [a.iri]: DYAD_COLOR, [b.iri]: DYAD_COLOR };
  const nodes = [a.iri, b.iri];
  const edges = new Set<string>();
  for (const party of result.thirdParties) {
    const first = party.roles[0];
    nodes.push(party.actor.iri);
    if (first) colorByNode[party.actor.iri] = roleStyle(first).color;
    if (!graph.hasNode(party.actor.iri)) continue;
    const roleNodes = new Set(party.roles.map((r) => r.iri));
    for (const edge of graph.edges(party.actor.iri)) {
      const other = graph.opposite(party.actor.iri, edge);
      const via = graph.getEdgeAttribute(edge, "via") as string | undefined;
      const ofRole = via !== undefined && roleNodes.has(via);
      const toDyad = (other === a.iri || other === b.iri) && graph.getEdgeAttribute(edge, "kind") === "thirdParty";
      if (ofRole || toDyad) edges.add(edge);
    }
  }
  return { nodes, edges: [...edges], colorByNode };
}
