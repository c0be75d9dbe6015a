/**
 * View data
 * =========
 * What the graph views share: their filters, the model and indexes they read once per data
 * version (graph model, time index, statement index), and the window's bookkeeping — which
 * resources a window keeps and how many it left out, reported in the payload's attributes.
 */
import type { GraphPayload, GraphViewName, NodeKind, RelationKind } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { readGraphModel, type GraphModel, type ModelEdge } from "./graphModel.ts";
import { perEngine } from "./perEngine.ts";
import { appendTo, sortedIndexOf } from "./sparqlText.ts";
import { readStatements, type StatementIndex } from "./statements.ts";
import { hasWindow, readTimeIndex, type TimeIndex, type TimeWindow, type UndatedPolicy } from "./timeWindow.ts";

export const DEFAULT_NODE_BUDGET = 5000;

export interface GraphFilters {
  /** Which view (default "full"). */
  view?: GraphViewName;
  from?: number;
  to?: number;
  /** Undated resources in a window: left out (default) or kept. */
  undated?: UndatedPolicy;
  /** The editors' statements: kept (default) or left out. */
  editorial?: "include" | "exclude";
  kinds?: NodeKind[];
  relations?: RelationKind[];
  /** At most this many nodes (default 5000); the rest are named in `attributes.omitted`. */
  maxNodes?: number;
}

/** What a view reads: the model and its indexes, read once per data version. */
export interface ViewData {
  model: GraphModel;
  time: TimeIndex;
  statements: StatementIndex;
  /** The edges touching each node: lookups without a scan of every edge. */
  incident: ReadonlyMap<string, readonly ModelEdge[]>;
  /** Payloads already answered for this data version, by their filters (graphView.ts). */
  payloads: Map<string, Promise<GraphPayload>>;
}

export const readViewData = perEngine(async (engine: QueryEngine): Promise<ViewData> => {
  const [model, time, statements] = await Promise.all([readGraphModel(engine), readTimeIndex(engine), readStatements(engine)]);
  const incident = new Map<string, ModelEdge[]>();
  for (const edge of model.edges) {
    appendTo(incident, edge.source, edge);
    appendTo(incident, edge.target, edge);
  }
  return { model, time, statements, incident, payloads: new Map() };
});

/** The model edge with `key`: a binary search of the edges, which are sorted by key (a map by key
 * would keep the key strings a plain edge does not, graphModel.ts). */
export function edgeByKey(model: GraphModel, key: string): ModelEdge | undefined {
  return model.edges[sortedIndexOf(model.edges, (edge) => edge.key, key)];
}

/** The window of the filters, or undefined when none was asked. */
export function windowOf(filters: { from?: number; to?: number }): TimeWindow | undefined {
  const window = { ...(filters.from !== undefined ? { from: filters.from } : {}), ...(filters.to !== undefined ? { to: filters.to } : {}) };
  return hasWindow(window) ? window : undefined;
}

/** True when every statement node behind the edge is the editors' (and it has some). */
export function isEditorialEdge(edge: ModelEdge, statements: StatementIndex): boolean {
  if (edge.triples.length === 0) return false;
  return edge.triples.every(([s, p, o]) => {
    const about = statements.about(s, p, o);
    return about.length > 0 && about.every((st) => st.editorial);
  });
}

/** The window's bookkeeping shared by the views: which keys it keeps and what it counted out. */
export function windowNodes(keys: Iterable<string>, time: TimeIndex, window: TimeWindow | undefined, undated: UndatedPolicy) {
  const kept: string[] = [];
  let undatedOmitted = 0;
  let outsideWindow = 0;
  for (const key of keys) {
    if (time.keeps(key, window, undated)) kept.push(key);
    else if (time.verdict(key, window) === "undated") undatedOmitted++;
    else outsideWindow++;
  }
  return { kept, undatedOmitted, outsideWindow };
}

/** The `attributes` a view reports about its window and attribution. */
export function windowAttributes(view: GraphViewName, window: TimeWindow | undefined, counts: { undatedOmitted: number; outsideWindow: number; editorialOmitted: number }) {
  return {
    view,
    ...(window ? { window, undatedOmitted: counts.undatedOmitted, outsideWindow: counts.outsideWindow } : {}),
    ...(counts.editorialOmitted > 0 ? { editorialOmitted: counts.editorialOmitted } : {}),
  };
}

