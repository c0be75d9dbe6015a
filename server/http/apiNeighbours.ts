/**
 * Neighbours route
 * ================
 * GET /api/v1/neighbours?iri=IRI&maxNodes=N&from=&to=&undated= → GraphPayload of the node's 1-hop
 * neighbourhood in the window (server/graph/neighbours.ts). app.ts mounts it at /api/v1/neighbours.
 */
import express from "express";
import { z } from "zod";
import { neighbours } from "../graph/neighbours.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { jsonRoute } from "./route.ts";
import { entityParams, neighbourWindowFields, parseParams } from "./apiParams.ts";
import type { GraphPayload } from "../../contract/api.ts";

const neighbourParams = entityParams
  .extend({ maxNodes: z.coerce.number().int().min(1).max(50_000).optional(), ...neighbourWindowFields })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: "from must not be after to", path: ["from"] });

export function createNeighboursRouter(engine: QueryEngine): express.Router {
  const router = express.Router();
  jsonRoute<GraphPayload>(router, "/", (query) => {
    const params = parseParams(neighbourParams, query);
    return neighbours(engine, params.iri, params.maxNodes, params);
  });
  return router;
}
