/**
 * Health
 * ======
 * GET /api/v1/health: the server is up, which engine answers and how many triples it holds,
 * with the per-file counts of what was loaded.
 */
import express from "express";
import type { DatasetFile } from "../rdf/loadDatasets.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import type { Health } from "../../contract/api.ts";

export interface HealthRouteDeps {
  engine: QueryEngine;
  version: string;
  files: DatasetFile[];
}

export type HealthBody = Health & { datasets: DatasetFile[] };

export function createHealthRouter(deps: HealthRouteDeps): express.Router {
  const router = express.Router();
  router.get("/", async (_req, res) => {
    // While the store loads, health answers at once with the progress instead of waiting for it.
    const progress = deps.engine.loadProgress?.();
    const body: HealthBody = {
      status: progress ? "loading" : "ok",
      version: deps.version,
      triples: progress ? progress.triples : await deps.engine.tripleCount(),
      engine: deps.engine.name,
      ...(progress ? { loading: { percent: Math.floor(progress.fraction * 100), triples: progress.triples, triplesPerSecond: Math.round(progress.triplesPerSecond), ...(progress.etaSeconds === undefined ? {} : { etaSeconds: Math.ceil(progress.etaSeconds) }) } } : {}),
      datasets: deps.files,
    };
    res.json(body);
  });
  return router;
}
