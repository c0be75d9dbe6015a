/**
 * Neighbours
 * ==========
 * The 1-hop neighbourhood of one node as a GraphPayload: the node, every edge that touches it
 * and the nodes at their other ends, capped at a node budget (most connected first) with the
 * rest named in `omitted`. The explorer's "expand neighbours" asks for it when the overview of a
 * large graph left some of a node's neighbours out.
 */
import type { GraphPayload } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { NotFoundError } from "./errors.ts";
import { readGraphModel } from "./graphModel.ts";
import { compareStrings } from "./sparqlText.ts";

export const DEFAULT_NEIGHBOUR_BUDGET = 500;

export async function neighbours(engine: QueryEngine, iri: string, maxNodes = DEFAULT_NEIGHBOUR_BUDGET): Promise<GraphPayload> {
  const model = await readGraphModel(engine);
  const centre = model.nodes.get(iri);
  if (!centre) throw new NotFoundError(`${iri} is not a node of the graph view (GET /api/v1/search finds nodes by label).`);
  const touching = model.edges.filter((edge) => edge.source === iri || edge.target === iri);
  const degree = new Map<string, number>();
  for (const edge of touching) {
    const other = edge.source === iri ? edge.target : edge.source;
    degree.set(other, (degree.get(other) ?? 0) + 1);
  }
  const others = [...degree.keys()].sort((a, b) => degree.get(b)! - degree.get(a)! || compareStrings(a, b));
  const kept = new Set([iri, ...others.slice(0, Math.max(0, maxNodes - 1))]);
  const edges = touching.filter((edge) => kept.has(edge.source) && kept.has(edge.target));
  const left = others.length + 1 - kept.size;
  return {
    attributes: {
      ...(left > 0 ? { omitted: `${left} of ${others.length} neighbours and ${touching.length - edges.length} of ${touching.length} edges left out: the most connected ${kept.size - 1} are shown.` } : {}),
      totalNodes: others.length + 1,
      totalEdges: touching.length,
    },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: [...kept].sort(compareStrings).map((key) => ({ key, attributes: model.nodes.get(key)!.attributes })),
    edges: edges.map(({ key, source, target, attributes }) => ({ key, source, target, attributes })),
  };
}
