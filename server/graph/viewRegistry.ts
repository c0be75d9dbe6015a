/**
 * The views, by name
 * ==================
 * Every explorer view the API serves, as one table: its name and how it runs on an engine with
 * the request's (already validated) parameters. The API router names a view and its parameters;
 * a view runner (viewRunner.ts) runs it — in the view thread (viewThread.ts), so the views' own
 * work and their JSON never hold the main thread, or in-process. A new view is one entry here
 * and one route.
 */
import { DEFAULT_DYAD } from "../../contract/dyad.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { actorEdgeStatements, modelEdgeStatements } from "./edgeStatements.ts";
import { entityDetails } from "./entityDetails.ts";
import { graphView, prepareViews, type GraphFilters } from "./graphView.ts";
import { neighbours, type NeighbourFilters } from "./neighbours.ts";
import { paths, type PathOptions } from "./paths.ts";
import { placesMap } from "./places.ts";
import { search } from "./search.ts";
import { sourceText, type SourceRequest } from "./sourceText.ts";
import { thirdParties } from "./thirdParties.ts";
import { timeline, type TimelineOptions } from "./timeline.ts";
import type { TimeWindow, UndatedPolicy } from "./timeWindow.ts";
import type { RelationKind } from "../../contract/api.ts";

/** What a view may need besides the engine. */
export interface ViewEnvironment {
  /** Folder holding the article text (data/source). */
  sourceDir: string;
}

type Dyad = { a?: string; b?: string };

/** Each view's parameters, as the API router hands them over (plain data: they cross threads). */
export interface ViewArgs {
  graph: GraphFilters;
  edge: GraphFilters & { key?: string; source?: string; target?: string; relation?: RelationKind };
  entity: { iri: string };
  search: { q: string; limit?: number; from?: number; to?: number };
  timeline: Dyad & TimelineOptions;
  paths: { from: string; to: string; max?: number; order?: PathOptions["order"]; start?: number; end?: number };
  thirdParties: Dyad & TimeWindow & { undated?: UndatedPolicy };
  places: Record<string, never>;
  source: SourceRequest;
  neighbours: NeighbourFilters & { iri: string; maxNodes?: number };
  /** The server's own: reads what the first views need (main.ts, on a large store). */
  prepare: Record<string, never>;
}

export type ViewName = keyof ViewArgs;

type ViewFunction<K extends ViewName> = (engine: QueryEngine, args: ViewArgs[K], env: ViewEnvironment) => Promise<unknown>;

const dyad = (args: Dyad): [string, string] => [args.a ?? DEFAULT_DYAD[0], args.b ?? DEFAULT_DYAD[1]];

export const VIEWS: { [K in ViewName]: ViewFunction<K> } = {
  graph: (engine, filters) => graphView(engine, filters),
  edge: (engine, { key, source, target, relation, ...filters }) =>
    key !== undefined ? modelEdgeStatements(engine, key, filters) : actorEdgeStatements(engine, { source: source!, target: target!, relation: relation! }, filters),
  entity: (engine, { iri }) => entityDetails(engine, iri),
  search: async (engine, { q, limit, from, to }) => ({ results: await search(engine, q, limit, { from, to }) }),
  timeline: (engine, args) => timeline(engine, dyad(args), { from: args.from, to: args.to, maxEvents: args.maxEvents }),
  paths: (engine, { from, to, max, order, start, end }) => paths(engine, from, to, max, { order, window: { from: start, to: end } }),
  thirdParties: (engine, args) => thirdParties(engine, dyad(args), { from: args.from, to: args.to, undated: args.undated }),
  places: (engine) => placesMap(engine),
  source: (engine, request, env) => sourceText(engine, env.sourceDir, request),
  neighbours: (engine, { iri, maxNodes, ...filters }) => neighbours(engine, iri, maxNodes, filters),
  prepare: async (engine) => {
    await prepareViews(engine);
    return {};
  },
};

/** Runs view `name` in this thread. */
export function runView<K extends ViewName>(name: K, engine: QueryEngine, args: ViewArgs[K], env: ViewEnvironment): Promise<unknown> {
  const view = VIEWS[name] as ViewFunction<K> | undefined;
  if (!view) return Promise.reject(new Error(`No view named ${String(name)}`));
  return view(engine, args, env);
}
