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

export function createHealthRouter(deps: HealthRouteDeps): express.Router {
  const router = express.Router();
  route(router, "/", { get: async (_req, res) => {
    // While the store loads, health answers at once with the progress instead of waiting for it.
    const progress = deps.engine.loadProgress?.();
    const problem = progress ? undefined : await probe(deps.engine);
    const body: Health = {
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

/** One probe in flight per engine: health polled often never queues a probe per request. */
const inFlight = new WeakMap<QueryEngine, Promise<string | undefined>>();

/**
 * A trivial ASK through the same queue and workers as every query: "ok" must mean queries are
 * answered, not only that the process is up (a worker unable to load data once left health "ok"
 * while every query was a 503). Undefined when it answers; else what went wrong. The wait is
 * cut at PROBE_MS here, not by a query deadline: a deadline would terminate a worker that is
 * only busy loading an upload.
 */
function probe(engine: QueryEngine): Promise<string | undefined> {
  let running = inFlight.get(engine);
  if (!running) {
    // No client: the probe is the server's own, so a requester whose queries the fair scheduler
    // holds back (its own runaway running, recent deadline stops) still learns the engine answers.
    running = engine.ask("ASK {}", { lane: "user", client: "" }).then(
      () => undefined,
      (error: unknown) => {
        const coded = error as { code?: string; message?: string };
        return `${coded.code ?? "ERROR"}: ${coded.message ?? String(error)}`.slice(0, 300);
      },
    );
    const current = running;
    void current.finally(() => {
      if (inFlight.get(engine) === current) inFlight.delete(engine);
    });
    inFlight.set(engine, running);
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`NO_ANSWER: the engine did not answer a trivial query within ${PROBE_MS} ms.`), PROBE_MS);
  });
  return Promise.race([running, late]).finally(() => clearTimeout(timer));
}
