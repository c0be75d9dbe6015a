/**
 * Graph view
 * ==========
 * The explorer's network as graphology's SerializedGraph: the graph model filtered by years,
 * node kinds and relation kinds, cut to a node budget (the most connected nodes first), in a
 * deterministic order so the same data always gives the same payload.
 */
import type { GraphPayload, NodeKind, RelationKind } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { readGraphModel, type GraphModel, type ModelEdge, type ModelNode } from "./graphModel.ts";
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

/**
 * The nodes an overview keeps within `budget`: the most connected half (the hubs), then the nodes
 * with the most edges to those hubs, so the overview has edges to draw (hubs of a large graph are
 * often not linked to each other directly: states are linked through the treaties and wars they
 * took part in). Whatever budget is left goes to the next most connected nodes.
 */
function overview(kept: readonly ModelNode[], edges: readonly ModelEdge[], degree: ReadonlyMap<string, number>, budget: number): { top: Set<string>; hubs: number } {
  const ranked = [...kept].sort((a, b) => (degree.get(b.key) ?? 0) - (degree.get(a.key) ?? 0) || compareStrings(a.key, b.key)).map((n) => n.key);
  const top = new Set(ranked.slice(0, Math.ceil(Math.max(0, budget) / 2)));
  const hubs = top.size;
  const links = new Map<string, number>();
  for (const e of edges) {
    if (top.has(e.source) && !top.has(e.target)) links.set(e.target, (links.get(e.target) ?? 0) + 1);
    if (top.has(e.target) && !top.has(e.source)) links.set(e.source, (links.get(e.source) ?? 0) + 1);
  }
  const linking = [...links]
    .sort(([a, x], [b, y]) => y - x || (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || compareStrings(a, b))
    .slice(0, Math.max(0, budget - hubs));
  for (const [key] of linking) top.add(key);
  for (const key of ranked) {
    if (top.size >= budget) break;
    top.add(key);
  }
  return { top, hubs };
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
    const { top, hubs } = overview(kept, keptEdges, degree, budget);
    nodes = kept.filter((n) => top.has(n.key));
    edges = keptEdges.filter((e) => top.has(e.source) && top.has(e.target));
    const linking = nodes.length - hubs;
    omitted =
      `${kept.length - nodes.length} of ${kept.length} nodes and ${keptEdges.length - edges.length} of ` +
      `${keptEdges.length} edges left out: the view keeps the ${hubs} most connected nodes` +
      (linking > 0 ? ` and the ${linking} nodes that link most of them.` : ".");
  }

  return {
    attributes: { ...(omitted ? { omitted } : {}), totalNodes: kept.length, totalEdges: keptEdges.length },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: nodes.map(({ key, attributes }) => ({ key, attributes })),
    edges: edges.map(({ key, source, target, attributes }) => ({ key, source, target, attributes })),
  };
}
