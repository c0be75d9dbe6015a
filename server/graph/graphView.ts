/**
 * Graph view
 * ==========
 * The explorer's network as graphology's SerializedGraph: the graph model filtered by years,
 * node kinds and relation kinds, cut to a node budget (the most connected nodes first), in a
 * deterministic order so the same data always gives the same payload.
 */
import type { GraphPayload, NodeKind, RelationKind } from "../http/apiTypes.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { readGraphModel, type GraphModel, type ModelEdge } from "./graphModel.ts";
import { compareStrings } from "./sparqlText.ts";

export const DEFAULT_NODE_BUDGET = 5000;

export interface GraphFilters {
  from?: number;
  to?: number;
  kinds?: NodeKind[];
  relations?: RelationKind[];
  /** At most this many nodes (default 5000); the rest are named in `attributes.omitted`. */
  maxNodes?: number;
}

export async function graphView(engine: QueryEngine, filters: GraphFilters = {}): Promise<GraphPayload> {
  return filterGraph(await readGraphModel(engine), filters);
}

/** True when [start, end] meets [from, to]; a thing without years is always kept. */
export function inYears(item: { startYear?: number; endYear?: number }, from?: number, to?: number): boolean {
  if (to !== undefined && item.startYear !== undefined && item.startYear > to) return false;
  if (from !== undefined && item.endYear !== undefined && item.endYear < from) return false;
  return true;
}

export function filterGraph(model: GraphModel, filters: GraphFilters): GraphPayload {
  const { from, to, kinds, relations } = filters;
  const budget = filters.maxNodes ?? DEFAULT_NODE_BUDGET;
  const kindSet = kinds && kinds.length > 0 ? new Set(kinds) : undefined;
  const relationSet = relations && relations.length > 0 ? new Set(relations) : undefined;

  const kept = [...model.nodes.values()]
    .filter((n) => (!kindSet || kindSet.has(n.attributes.kind)) && inYears(n.attributes, from, to))
    .sort((a, b) => compareStrings(a.key, b.key));
  const keptKeys = new Set(kept.map((n) => n.key));
  const keptEdges = model.edges.filter(
    (e) =>
      keptKeys.has(e.source) &&
      keptKeys.has(e.target) &&
      (!relationSet || relationSet.has(e.attributes.kind)) &&
      inYears(e.attributes, from, to),
  );

  let nodes = kept;
  let edges: ModelEdge[] = keptEdges;
  let omitted: string | undefined;
  if (kept.length > budget) {
    const degree = new Map<string, number>();
    for (const e of keptEdges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    const top = new Set(
      [...kept]
        .sort((a, b) => (degree.get(b.key) ?? 0) - (degree.get(a.key) ?? 0) || compareStrings(a.key, b.key))
        .slice(0, Math.max(0, budget))
        .map((n) => n.key),
    );
    nodes = kept.filter((n) => top.has(n.key));
    edges = keptEdges.filter((e) => top.has(e.source) && top.has(e.target));
    omitted =
      `${kept.length - nodes.length} of ${kept.length} nodes and ${keptEdges.length - edges.length} of ` +
      `${keptEdges.length} edges left out: the view keeps the ${nodes.length} most connected nodes.`;
  }

  return {
    attributes: { ...(omitted ? { omitted } : {}), totalNodes: kept.length, totalEdges: keptEdges.length },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: nodes.map(({ key, attributes }) => ({ key, attributes })),
    edges: edges.map(({ key, source, target, attributes }) => ({ key, source, target, attributes })),
  };
}
