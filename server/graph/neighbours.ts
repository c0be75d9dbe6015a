/**
 * Neighbours
 * ==========
 * The 1-hop neighbourhood of one node as a GraphPayload: the node, every edge that touches it
 * and the nodes at their other ends, capped at a node budget (most connected first) with the
 * rest named in `omitted`. The explorer's "expand neighbours" asks for it when the overview of a
 * large graph left some of a node's neighbours out. With a time window, only the edges and
 * neighbours the window keeps (timeWindow.ts, the views' one rule), and how many it left out.
 */
import type { GraphPayload } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { NotFoundError } from "./errors.ts";
import { compareStrings } from "./sparqlText.ts";
import { readViewData, windowOf } from "./viewData.ts";
import type { UndatedPolicy } from "./timeWindow.ts";

export const DEFAULT_NEIGHBOUR_BUDGET = 500;

export interface NeighbourFilters {
  from?: number;
  to?: number;
  undated?: UndatedPolicy;
}

export async function neighbours(engine: QueryEngine, iri: string, maxNodes = DEFAULT_NEIGHBOUR_BUDGET, filters: NeighbourFilters = {}): Promise<GraphPayload> {
  const { model, time, incident } = await readViewData(engine);
  const centre = model.nodes.get(iri);
  if (!centre) throw new NotFoundError(`${iri} is not a node of the graph view (GET /api/v1/search finds nodes by label).`);
  const window = windowOf(filters);
  const undated = filters.undated ?? "exclude";
  let undatedOmitted = 0;
  let outsideWindow = 0;
  const touching = (incident.get(iri) ?? []).filter((edge) => {
    const other = edge.source === iri ? edge.target : edge.source;
    if (!time.keepsEdge(edge, window, undated)) return false;
    if (time.keeps(other, window, undated)) return true;
    if (time.verdict(other, window) === "undated") undatedOmitted++;
    else outsideWindow++;
    return false;
  });
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
      ...(window ? { window, undatedOmitted, outsideWindow } : {}),
    },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: [...kept].sort(compareStrings).map((key) => ({ key, attributes: model.nodes.get(key)!.attributes })),
    edges: edges.map(({ key, source, target, attributes }) => ({ key, source, target, attributes })),
  };
}
