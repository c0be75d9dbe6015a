/**
 * Health
 * ======
 * GET /api/v1/health: the server is up, which engine answers and how many triples it holds,
 * with the per-file counts of what was loaded; "degraded" when the engine does not answer a
 * trivial query within 5 s.
 */
import express from "express";
import type { DatasetFile } from "../rdf/loadDatasets.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { route } from "./route.ts";
import type { Health } from "../../contract/api.ts";

export interface HealthRouteDeps {
  engine: QueryEngine;
  version: string;
  files: DatasetFile[];
}

export type HealthBody = Health & { datasets: DatasetFile[] };

export function createHealthRouter(deps: HealthRouteDeps): express.Router {
  const router = express.Router();
  route(router, "/", { get: async (_req, res) => {
    // While the store loads, health answers at once with the progress instead of waiting for it.
    const progress = deps.engine.loadProgress?.();
    const problem = progress ? undefined : await probe(deps.engine);
    const body: HealthBody = {
      status: progress ? "loading" : problem ? "degraded" : "ok",
      ...(problem ? { problem } : {}),
      version: deps.version,
      triples: progress ? progress.triples : await deps.engine.tripleCount(),
      engine: deps.engine.name,
      ...(progress ? { loading: { percent: Math.floor(progress.fraction * 100), triples: progress.triples, triplesPerSecond: Math.round(progress.triplesPerSecond), ...(progress.etaSeconds === undefined ? {} : { etaSeconds: Math.ceil(progress.etaSeconds) }) } } : {}),
      datasets: deps.files,
    };
    res.json(body);
  } });
  return router;
}

/** Health answers within this, whatever the engine does. */
const PROBE_MS = 5000;

/**
 * A trivial ASK through the same queue and workers as every query: "ok" must mean queries are
 * answered, not only that the process is up (a worker unable to load data once left health "ok"
 * while every query was a 503). Undefined when it answers; else what went wrong.
 */
async function probe(engine: QueryEngine): Promise<string | undefined> {
  try {
    await engine.ask("ASK {}", { deadlineMs: PROBE_MS, lane: "user" });
    return undefined;
  } catch (error) {
    const coded = error as { code?: string; message?: string };
    return `${coded.code ?? "ERROR"}: ${coded.message ?? String(error)}`.slice(0, 300);
  }
}
