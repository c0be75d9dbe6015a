/**
 * The Express app
 * ===============
 * createApp(deps) wires the routes without listening, so tests start it on port 0: /sparql (the
 * SPARQL 1.1 endpoint), /api/v1 (health and the explorer's JSON API), and the built client at /.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express from "express";
import type { DestinationStream } from "pino";
import type { Config } from "./config.ts";
import { createApiRouter } from "./http/apiRouter.ts";
import { createClientRouter } from "./http/clientRoute.ts";
import { apiNotFound, errorMiddleware, type ErrorMiddlewareOptions } from "./http/errors.ts";
import { createHealthRouter } from "./http/healthRoute.ts";
import { bodyLimit, clientRateLimit, DEFAULT_API_PER_MINUTE, DEFAULT_SPARQL_PER_MINUTE, DEFAULT_UPLOADS_PER_MINUTE, DEFAULT_SEND_TIMEOUT_MS, hostAllowList, securityHeaders, sendTimeout, writesOnly } from "./http/security.ts";
import { createSparqlRouter, DEFAULT_ANSWER_LIMIT } from "./http/sparqlRoute.ts";
import { createUploadRouter, type UploadRouteDeps } from "./http/uploadRoutes.ts";
import { compressPayloads, dataVersionEtags } from "./http/payloads.ts";
import { openApiDocument } from "./http/openApi.ts";
import { requestLog } from "./http/requestLog.ts";
import { createVoidRouter, VOID_PATH } from "./http/voidRoute.ts";
import type { DatasetFile } from "./rdf/loadDatasets.ts";
import type { QueryEngine } from "./sparql/engine.ts";
import { ViewThread, type ViewRunner } from "./graph/viewRunner.ts";
import { withClient } from "./sparql/scheduler.ts";

export interface AppDeps {
  engine: QueryEngine;
  config: Pick<Config, "rowCap"> & Partial<Pick<Config, "host" | "allowedHosts" | "answerLimit" | "sendTimeoutMs">>;
  datasets: { files: DatasetFile[] };
  /** Folder of the built client; defaults to dist/ at the repository root. */
  distDir?: string;
  /** Folder of the article text; defaults to data/source. */
  sourceDir?: string;
  log?: ErrorMiddlewareOptions["log"];
  /** Where the request log goes, one JSON line per request (requestLog.ts); absent = none. */
  requestLog?: DestinationStream;
  /** Requests per minute per client on /sparql and on uploads (security.ts defaults); 0 turns one off. */
  rateLimit?: { sparqlPerMinute?: number; uploadsPerMinute?: number; apiPerMinute?: number };
  /** Runs the explorer's views; absent = a view thread over `engine` (viewRunner.ts). */
  views?: ViewRunner;
  /** Uploaded datasets (list, upload, remove) at /api/v1/datasets; absent = no such routes. */
  uploads?: UploadRouteDeps;
}

/** Where uploads live (uploadRoutes.ts): their own body limit, and the upload rate limit. */
const UPLOADS_PATH = "/api/v1/datasets";

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** The article text the /source view reads (data/source). */
export const DEFAULT_SOURCE_DIR = fileURLToPath(new URL("../data/source", import.meta.url));

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  // The views run in their own thread unless the caller brings a runner; whoever stops the app
  // closes it (app.locals.views).
  const views: ViewRunner = deps.views ?? new ViewThread(deps.engine, { sourceDir: deps.sourceDir ?? DEFAULT_SOURCE_DIR });
  app.locals.views = views;
  app.disable("x-powered-by");
  // First, so every request is logged, refused ones included.
  if (deps.requestLog) app.use(requestLog(deps.requestLog));
  app.set("query parser", "simple");
  app.use(hostAllowList({ bound: deps.config.host ?? "127.0.0.1", extra: deps.config.allowedHosts }));
  // Every engine query a request makes is scheduled as its client's (scheduler.ts).
  app.use((req, _res, next) => withClient(req.ip ?? "", next));
  app.use(securityHeaders());
  app.use(sendTimeout(deps.config.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS));
  app.use(compressPayloads(), dataVersionEtags(deps.engine));
  const adminToken = deps.uploads?.adminToken;
  app.use(UPLOADS_PATH, writesOnly(clientRateLimit({ limit: deps.rateLimit?.uploadsPerMinute ?? DEFAULT_UPLOADS_PER_MINUTE, what: "uploads and deletions", adminToken })));
  app.use("/api/v1", clientRateLimit({ limit: deps.rateLimit?.apiPerMinute ?? DEFAULT_API_PER_MINUTE, what: "API requests", adminToken }));
  // Uploads set their own (larger) body limit, hence before the general one.
  if (deps.uploads) app.use("/api/v1/datasets", createUploadRouter(deps.uploads));
  app.use(bodyLimit({ except: [UPLOADS_PATH] }));
  app.use("/sparql", clientRateLimit({ limit: deps.rateLimit?.sparqlPerMinute ?? DEFAULT_SPARQL_PER_MINUTE, what: "SPARQL requests", adminToken }));
  app.use("/sparql", createSparqlRouter({ engine: deps.engine, rowCap: deps.config.rowCap, answerLimit: deps.config.answerLimit ?? DEFAULT_ANSWER_LIMIT, adminToken: deps.uploads?.adminToken }));
  app.use(VOID_PATH, createVoidRouter(deps.engine));
  app.use("/api/v1/health", createHealthRouter({ engine: deps.engine, version: VERSION, files: deps.datasets.files }));
  const openApi = openApiDocument(VERSION);
  app.get("/api/v1/openapi.json", (_req, res) => {
    res.json(openApi);
  });
  app.use(
    "/api/v1",
    createApiRouter({ views }),
  );
  app.use("/api", apiNotFound);
  app.use(createClientRouter(deps.distDir ?? fileURLToPath(new URL("../dist", import.meta.url))));
  app.use(errorMiddleware({ log: deps.log }));
  return app;
}
