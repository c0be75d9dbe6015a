/**
 * JSON API router (v1)
 * ====================
 * The explorer's read-only JSON routes (the contract is contract/api.ts). Each route validates its
 * query string (apiParams.ts), runs one view from server/graph behind the QueryEngine interface
 * and answers JSON. app.ts mounts this router at /api/v1; errors go to its error middleware
 * (errors.ts), which answers `{code, message}` with 400/404.
 */
import express from "express";
import { DEFAULT_DYAD } from "../../contract/dyad.ts";
import { entityDetails } from "../graph/entityDetails.ts";
import { EXAMPLES } from "../graph/exampleQueries.ts";
import { graphView } from "../graph/graphView.ts";
import { paths } from "../graph/paths.ts";
import { placesMap } from "../graph/places.ts";
import { search } from "../graph/search.ts";
import { sourceText } from "../graph/sourceText.ts";
import { thirdParties } from "../graph/thirdParties.ts";
import { actorEdgeStatements, modelEdgeStatements } from "../graph/edgeStatements.ts";
import { timeline } from "../graph/timeline.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { jsonRoute } from "./route.ts";
import { edgeParams, timelineParams, entityParams, graphParams, parseParams, pathsParams, searchParams, sourceParams, thirdPartyParams } from "./apiParams.ts";
import type {
  EdgeStatements, EntityDetails, ExampleQuery, GraphPayload, PathsResult, PlacesMap, SearchHit, SourcePassage, ThirdPartyAnalysis, Timeline,
} from "../../contract/api.ts";

export interface ApiRouterDeps {
  engine: QueryEngine;
  /** Folder holding the article text (data/source); the file name is fixed, never from a request. */
  sourceDir: string;
}

export function createApiRouter(deps: ApiRouterDeps): express.Router {
  const { engine, sourceDir } = deps;
  const router = express.Router();
  const route = <T>(path: string, answer: (query: unknown) => Promise<T>) => jsonRoute(router, path, answer);

  route<GraphPayload>("/graph", (query) => graphView(engine, parseParams(graphParams, query)));

  route<EdgeStatements>("/edge", (query) => {
    const { key, source, target, relation, ...filters } = parseParams(edgeParams, query);
    return key !== undefined ? modelEdgeStatements(engine, key, filters) : actorEdgeStatements(engine, { source: source!, target: target!, relation: relation! }, filters);
  });

  route<EntityDetails>("/entity", (query) => entityDetails(engine, parseParams(entityParams, query).iri));

  route<{ results: SearchHit[] }>("/search", async (query) => {
    const { q, limit, from, to } = parseParams(searchParams, query);
    return { results: await search(engine, q, limit, { from, to }) };
  });

  route<Timeline>("/timeline", (query) => {
    const { a, b, from, to, maxEvents } = parseParams(timelineParams, query);
    return timeline(engine, [a ?? DEFAULT_DYAD[0], b ?? DEFAULT_DYAD[1]], { from, to, maxEvents });
  });

  route<PathsResult>("/paths", (query) => {
    const { from, to, max, order, start, end } = parseParams(pathsParams, query);
    return paths(engine, from, to, max, { order, window: { from: start, to: end } });
  });

  route<ThirdPartyAnalysis>("/third-parties", (query) => {
    const { a, b, from, to, undated } = parseParams(thirdPartyParams, query);
    return thirdParties(engine, [a ?? DEFAULT_DYAD[0], b ?? DEFAULT_DYAD[1]], { from, to, undated });
  });

  route<PlacesMap>("/places", () => placesMap(engine));

  route<SourcePassage>("/source", (query) => {
    const { evidence, quote } = parseParams(sourceParams, query);
    return sourceText(engine, sourceDir, evidence !== undefined ? { evidence } : { quote: quote! });
  });

  route<{ examples: readonly ExampleQuery[] }>("/examples", async () => ({ examples: EXAMPLES }));

  return router;
}
