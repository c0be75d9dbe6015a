/**
 * VoID description route
 * ======================
 * /.well-known/void (RFC 5785, VoID §7.2) answers the dataset's VoID description, and
 * sendDescription writes it, or the whole service description for GET /sparql, in the RDF
 * format the request negotiates. The statistics are computed once per engine.
 */
import express, { type Request, type Response } from "express";
import { datasetStatistics } from "../graph/datasetStatistics.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { negotiate } from "../sparql/negotiate.ts";
import { route } from "./route.ts";
import { serviceDescriptionQuads, voidQuads, writeDescription } from "./serviceDescription.ts";

export const VOID_PATH = "/.well-known/void";
const SPARQL_PATH = "/sparql";

export function createVoidRouter(engine: QueryEngine): express.Router {
  const router = express.Router();
  route(router, "/", { get: (req, res) => sendDescription(engine, "void", req, res) });
  return router;
}

export async function sendDescription(engine: QueryEngine, what: "service" | "void", req: Request, res: Response): Promise<void> {
  const format = typeof req.query.format === "string" ? req.query.format : undefined;
  // A description is a graph, so it is offered in the media types of a CONSTRUCT answer.
  const mediaType = negotiate("CONSTRUCT", req.get("Accept"), format);
  const origin = `${req.protocol}://${req.get("Host") ?? "localhost"}`;
  const iris = { endpoint: `${origin}${SPARQL_PATH}`, dataset: `${origin}${VOID_PATH}#dataset` };
  const stats = await datasetStatistics(engine);
  const quads = what === "service" ? serviceDescriptionQuads(iris, stats) : voidQuads(iris, stats);
  res.status(200);
  res.set("Content-Type", mediaType === "text/turtle" || mediaType.endsWith("json") || mediaType.endsWith("xml") ? `${mediaType}; charset=utf-8` : mediaType);
  res.set("Vary", "Accept");
  res.set("Access-Control-Allow-Origin", "*");
  res.send(writeDescription(quads, mediaType));
}
