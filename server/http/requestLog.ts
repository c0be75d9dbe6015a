/**
 * Request log
 * ===========
 * One JSON line per request (pino-http): time, method, path with its query, status, duration
 * and client address — never headers or bodies, so the admin token (sent as `Authorization:
 * Bearer …`) and uploaded data never reach the log. `--quiet` turns it off (main.ts).
 */
import { pino, type DestinationStream } from "pino";
import { pinoHttp } from "pino-http";
import type { IncomingMessage, ServerResponse } from "node:http";

const path = (req: IncomingMessage & { originalUrl?: string }) => req.originalUrl ?? req.url;

export function requestLog(destination: DestinationStream) {
  return pinoHttp({
    logger: pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination),
    // Only what an operator needs; pino-http's default serializers would log every header.
    serializers: {
      req: (req: IncomingMessage & { raw?: IncomingMessage & { originalUrl?: string }; remoteAddress?: string }) => ({ method: req.method, url: req.raw?.originalUrl ?? req.url, remote: req.remoteAddress }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    wrapSerializers: true,
    quietReqLogger: true,
    // originalUrl: Express rewrites req.url inside a mounted router ("/sparql?…" reads "/?…").
    customSuccessMessage: (req, res, ms) => `${req.method} ${path(req)} ${res.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${path(req)} ${res.statusCode}`,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
  });
}
