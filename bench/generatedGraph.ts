/**
 * Generated graphs
 * ================
 * Synthetic GraphPayloads of any size for the explorer benchmark: communities of about 40
 * nodes, most edges inside a community, a few across, kinds and relations drawn from a seeded
 * PRNG so every run draws the same graph.
 */
import type { GraphPayload, NodeKind, RelationKind } from "../contract/api.ts";
import { mulberry32 } from "../client/graph/seededPlacement.ts";

const KINDS: NodeKind[] = ["actor", "period", "treaty", "event", "threat", "place", "source"];
const RELATIONS: RelationKind[] = ["alliance", "rivalry", "threat", "war", "treatyParty", "role", "place", "time"];

export function generateGraph(nodeCount: number, edgesPerNode = 2, seed = 7): GraphPayload {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const nodes: GraphPayload["nodes"] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind = pick(KINDS);
    const start = 1500 + Math.floor(random() * 500);
    nodes.push({
      key: `urn:gen:${i}`,
      attributes: { label: `${kind} ${i}`, kind, classIri: `urn:gen:class:${kind}`, classLabel: kind, startYear: start, endYear: start + Math.floor(random() * 30), evidenceCount: 1 },
    });
  }
  const edges: GraphPayload["edges"] = [];
  const community = 40;
  for (let i = 0; i < nodeCount; i++) {
    for (let k = 0; k < edgesPerNode; k++) {
      const base = Math.floor(i / community) * community;
      const j = random() < 0.9 ? base + Math.floor(random() * community) : Math.floor(random() * nodeCount);
      if (j === i || j >= nodeCount) continue;
      const kind = pick(RELATIONS);
      edges.push({ key: `e${edges.length}`, source: `urn:gen:${i}`, target: `urn:gen:${j}`, attributes: { kind, label: kind, predicate: `urn:gen:rel:${kind}`, evidenceCount: 1 } });
    }
  }
  return {
    attributes: { totalNodes: nodes.length, totalEdges: edges.length },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes,
    edges,
  };
}
