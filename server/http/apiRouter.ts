/**
 * JSON API router (v1)
 * ====================
 * The explorer's read-only JSON routes (the contract is apiTypes.ts). Each route validates its
 * query string (apiParams.ts), runs one view from server/graph behind the QueryEngine interface
 * and answers JSON. app.ts mounts this router at /api/v1; errors go to its error middleware
 * (errors.ts), which answers `{code, message}` with 400/404.
 */
import express from "express";
import { DEFAULT_DYAD } from "../graph/dyad.ts";
import { entityDetails } from "../graph/entityDetails.ts";
import { graphView } from "../graph/graphView.ts";
import { paths } from "../graph/paths.ts";
import { search } from "../graph/search.ts";
import { sourceText } from "../graph/sourceText.ts";
import { thirdParties } from "../graph/thirdParties.ts";
import { timeline } from "../graph/timeline.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { dyadParams, entityParams, graphParams, parseParams, pathsParams, searchParams, sourceParams } from "./apiParams.ts";
import type {
  EntityDetails, GraphPayload, PathsResult, SearchHit, SourcePassage, ThirdPartyAnalysis, Timeline,
} from "./apiTypes.ts";

export interface ApiRouterDeps {
  engine: QueryEngine;
  /** Folder holding the article text (data/source); the file name is fixed, never from a request. */
  sourceDir: string;
}

export function createApiRouter(deps: ApiRouterDeps): express.Router {
  const { engine, sourceDir } = deps;
  const router = express.Router();

  router.get("/graph", async (req, res: express.Response<GraphPayload>) => {
    res.json(await graphView(engine, parseParams(graphParams, req.query)));
  });

  router.get("/entity", async (req, res: express.Response<EntityDetails>) => {
    res.json(await entityDetails(engine, parseParams(entityParams, req.query).iri));
  });

  router.get("/search", async (req, res: express.Response<{ results: SearchHit[] }>) => {
    const { q, limit } = parseParams(searchParams, req.query);
    res.json({ results: await search(engine, q, limit) });
  });

  router.get("/timeline", async (req, res: express.Response<Timeline>) => {
    const { a, b } = parseParams(dyadParams, req.query);
    res.json(await timeline(engine, [a ?? DEFAULT_DYAD[0], b ?? DEFAULT_DYAD[1]]));
  });

  router.get("/paths", async (req, res: express.Response<PathsResult>) => {
    const { from, to, max } = parseParams(pathsParams, req.query);
    res.json(await paths(engine, from, to, max));
  });

  router.get("/third-parties", async (req, res: express.Response<ThirdPartyAnalysis>) => {
    const { a, b } = parseParams(dyadParams, req.query);
    res.json(await thirdParties(engine, [a ?? DEFAULT_DYAD[0], b ?? DEFAULT_DYAD[1]]));
  });

  router.get("/source", async (req, res: express.Response<SourcePassage>) => {
    const { evidence, quote } = parseParams(sourceParams, req.query);
    res.json(await sourceText(engine, sourceDir, evidence !== undefined ? { evidence } : { quote: quote! }));
  });

  return router;
}
