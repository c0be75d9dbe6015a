/**
 * Graph view
 * ==========
 * The explorer's network as graphology's SerializedGraph, in one of two views (a registry, so a
 * third is one entry): `full`, the graph model — events, places, periods, sources — and `actors`,
 * the actors' network (actorsView.ts). Both keep what meets the time window by the one rule of
 * timeWindow.ts, filter by node and relation kinds and by attribution, cut to a node budget (the
 * most connected nodes first) and come in a deterministic order so the same data always gives the
 * same payload.
 */
import type { GraphPayload, GraphViewName } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { actorsView, readActorNetwork } from "./actorsView.ts";
import { applyBudget } from "./nodeBudget.ts";
import { compareStrings } from "./sparqlText.ts";
import {
  DEFAULT_NODE_BUDGET, isEditorialEdge, readViewData, windowAttributes, windowNodes, windowOf, type GraphFilters, type ViewData,
} from "./viewData.ts";

export { DEFAULT_NODE_BUDGET, type GraphFilters } from "./viewData.ts";

type ViewBuilder = (engine: QueryEngine, data: ViewData, filters: GraphFilters) => Promise<GraphPayload> | GraphPayload;

const VIEWS: Record<GraphViewName, ViewBuilder> = {
  full: (_engine, data, filters) => filterGraph(data, filters),
  actors: (engine, data, filters) => actorsView(engine, data, filters),
};

/** How many payloads a data version remembers (the explorer asks a handful of views over and over). */
const REMEMBERED_PAYLOADS = 32;

/** The view's payload; the same filters on the same data answer the remembered (shared, never
 * changed) payload, so a warm request costs a lookup. */
export async function graphView(engine: QueryEngine, filters: GraphFilters = {}): Promise<GraphPayload> {
  const data = await readViewData(engine);
  const key = JSON.stringify([filters.view ?? "full", filters.from, filters.to, filters.undated, filters.editorial, [...(filters.kinds ?? [])].sort(), [...(filters.relations ?? [])].sort(), filters.maxNodes]);
  let payload = data.payloads.get(key);
  if (!payload) {
    payload = Promise.resolve(VIEWS[filters.view ?? "full"](engine, data, filters));
    data.payloads.set(key, payload);
    payload.catch(() => data.payloads.delete(key));
    if (data.payloads.size > REMEMBERED_PAYLOADS) data.payloads.delete(data.payloads.keys().next().value!);
  }
  return payload;
}

/** Reads what the first views need — the model, its time and statement indexes, the actors'
 * network — so the first visitor does not wait for them (main.ts calls it at start on big stores). */
export async function prepareViews(engine: QueryEngine): Promise<void> {
  await Promise.all([readViewData(engine), readActorNetwork(engine)]);
}

export function filterGraph(data: ViewData, filters: GraphFilters): GraphPayload {
  const { model, time, statements } = data;
  const { kinds, relations } = filters;
  const window = windowOf(filters);
  const undated = filters.undated ?? "exclude";
  const budget = filters.maxNodes ?? DEFAULT_NODE_BUDGET;
  const kindSet = kinds && kinds.length > 0 ? new Set(kinds) : undefined;
  const relationSet = relations && relations.length > 0 ? new Set(relations) : undefined;

  const ofKind = [...model.nodes.values()].filter((n) => !kindSet || kindSet.has(n.attributes.kind)).map((n) => n.key);
  const counted = windowNodes(ofKind, time, window, undated);
  const kept = counted.kept.sort(compareStrings).map((key) => model.nodes.get(key)!);
  const keptKeys = new Set(counted.kept);
  let editorialOmitted = 0;
  const keptEdges = model.edges.filter((e) => {
    if (!keptKeys.has(e.source) || !keptKeys.has(e.target)) return false;
    if (relationSet && !relationSet.has(e.attributes.kind)) return false;
    if (!time.keepsEdge(e, window, undated)) return false;
    if (filters.editorial === "exclude" && isEditorialEdge(e, statements)) {
      editorialOmitted++;
      return false;
    }
    return true;
  });

  const { nodes, edges, omitted } = applyBudget(kept, keptEdges, budget);
  return {
    attributes: {
      ...(omitted ? { omitted } : {}),
      totalNodes: kept.length,
      totalEdges: keptEdges.length,
      ...windowAttributes("full", window, { ...counted, editorialOmitted }),
    },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: nodes.map(({ key, attributes }) => ({ key, attributes })),
    edges: edges.map(({ key, source, target, attributes }) => ({ key, source, target, attributes })),
  };
}
