/**
 * JSON API router (v1)
 * ====================
 * The explorer's read-only JSON routes (the contract is contract/api.ts). Each route validates its
 * query string (apiParams.ts) and has one view of server/graph run (viewRegistry.ts, in the view
 * thread) and answers its JSON. app.ts mounts this router at /api/v1; errors go to its error middleware
 * (errors.ts), which answers `{code, message}` with 400/404.
 */
import express from "express";
import { EXAMPLES } from "../graph/exampleQueries.ts";
import type { ViewRunner } from "../graph/viewRunner.ts";
import type { ViewArgs, ViewName } from "../graph/viewRegistry.ts";
import { jsonRoute, jsonTextRoute } from "./route.ts";
import { edgeParams, entityParams, graphParams, neighbourParams, parseParams, pathsParams, searchParams, sourceParams, thirdPartyParams, timelineParams } from "./apiParams.ts";
import type { ExampleQuery } from "../../contract/api.ts";

export interface ApiRouterDeps {
  /** Runs the views (server/graph/viewRunner.ts): in the view thread, or in-process. */
  views: ViewRunner;
}

export function createApiRouter(deps: ApiRouterDeps): express.Router {
  const { views } = deps;
  const router = express.Router();
  // Each route validates its query string here, then names its view (viewRegistry.ts).
  const view = <K extends ViewName>(path: string, name: K, params: (query: unknown) => ViewArgs[K]) =>
    jsonTextRoute(router, path, async (query) => views.run(name, params(query)));

  view("/graph", "graph", (query) => parseParams(graphParams, query));
  view("/edge", "edge", (query) => parseParams(edgeParams, query));
  view("/entity", "entity", (query) => parseParams(entityParams, query));
  view("/search", "search", (query) => parseParams(searchParams, query));
  view("/timeline", "timeline", (query) => parseParams(timelineParams, query));
  view("/paths", "paths", (query) => parseParams(pathsParams, query));
  view("/third-parties", "thirdParties", (query) => parseParams(thirdPartyParams, query));
  view("/places", "places", () => ({}));
  view("/source", "source", (query) => {
    const { evidence, quote } = parseParams(sourceParams, query);
    return evidence !== undefined ? { evidence } : { quote: quote! };
  });
  view("/neighbours", "neighbours", (query) => parseParams(neighbourParams, query));

  jsonRoute<{ examples: readonly ExampleQuery[] }>(router, "/examples", async () => ({ examples: EXAMPLES }));

  return router;
}
