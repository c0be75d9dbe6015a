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
    const body: HealthBody = {
      status: "ok",
      version: deps.version,
      triples: await deps.engine.tripleCount(),
      engine: deps.engine.name,
      datasets: deps.files,
    };
    res.json(body);
  });
  return router;
}
