/**
 * HTTP error mapping
 * ==================
 * One middleware maps typed errors (CaspianError, contract/errors.ts: each has a `code`) to an
 * HTTP status through one table, STATUS_BY_CODE. /api answers
 * `{code, message}` as JSON; /sparql answers text/plain, as SPARQL clients expect. Anything
 * without a known code is masked as a plain 500 so store internals never reach the client.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { z } from "zod";
import type { ApiError } from "../../contract/api.ts";
import { CaspianError } from "../../contract/errors.ts";
import { NotFoundError } from "../graph/errors.ts";

/** An error raised by HTTP code itself (bad parameter, wrong method...), status given. */
export class HttpError extends CaspianError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(method: string, allowed: readonly string[]) {
    super(405, "METHOD_NOT_ALLOWED", `${method} is not allowed here. Use ${allowed.join(", ")}.`, { Allow: allowed.join(", ") });
  }
}

/** Status for each error code raised below HTTP (server/rdf, server/sparql, server/graph). */
export const STATUS_BY_CODE: Record<string, number> = {
  RDF_SYNTAX: 400,
  UNAUTHORIZED: 401,
  METHOD_NOT_ALLOWED: 405,
  STORAGE_FULL: 507,
  STORAGE_READ_ONLY: 507,
  QUERY_SYNTAX: 400,
  QUERY_UNSUPPORTED: 400,
  BAD_REQUEST: 400,
  READ_ONLY: 403,
  NOT_FOUND: 404,
  NOT_ACCEPTABLE: 406,
  DEADLINE: 503,
  REMOTE_STORE: 502,
  REMOTE_TIMEOUT: 504,
  ENGINE_CLOSED: 503,
  QUEUE_FULL: 503,
  MEMORY_CAP: 503,
  GRAPH_CHANGE: 503,
  VIEWS_RESTARTED: 503,
};

/** Seconds a client should wait after a 503; a stopped query is not retried sooner. */
export const RETRY_AFTER_SECONDS = 5;

export interface MappedError {
  status: number;
  body: ApiError;
  headers: Record<string, string>;
}

export function mapError(error: unknown): MappedError {
  if (error instanceof HttpError) {
    return { status: error.status, body: { code: error.code, message: error.message }, headers: error.headers };
  }
  if (error instanceof z.ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`).join("; ");
    return { status: 400, body: { code: "BAD_REQUEST", message }, headers: {} };
  }
  // A CaspianError, or one that crossed a worker boundary as a plain {code, message}.
  const code = error instanceof CaspianError ? error.code : (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && STATUS_BY_CODE[code]) {
    const status = STATUS_BY_CODE[code]!;
    const headers: Record<string, string> = status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
    return { status, body: { code, message: (error as Error).message }, headers };
  }
  // The router decodes path parameters: a stray "%" (GET /api/v1/datasets/%) is the client's error.
  if (error instanceof URIError) {
    return { status: 400, body: { code: "BAD_REQUEST", message: "The URL holds a malformed percent-escape (a \"%\" not followed by two hex digits of UTF-8): escape \"%\" as %25." }, headers: {} };
  }
  // Express's own body parsers raise 4xx errors with `expose`: safe to pass on.
  const parserError = error as { status?: unknown; expose?: unknown; message?: string; type?: string };
  if (typeof parserError.status === "number" && parserError.status >= 400 && parserError.status < 500 && parserError.expose) {
    return { status: parserError.status, body: { code: parserError.status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST", message: parserError.message ?? "Bad request" }, headers: {} };
  }
  return { status: 500, body: { code: "INTERNAL", message: "Internal error" }, headers: {} };
}

export interface ErrorMiddlewareOptions {
  /** Where unexpected (500) errors are logged; the client never sees them. */
  log?: (error: unknown) => void;
}

export function errorMiddleware(options: ErrorMiddlewareOptions = {}): ErrorRequestHandler {
  const log = options.log ?? ((error: unknown) => console.error(error));
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const mapped = mapError(error);
    if (mapped.status >= 500 && mapped.body.code === "INTERNAL") log(error);
    res.status(mapped.status).set(mapped.headers);
    if (req.originalUrl.startsWith("/sparql")) {
      res.type("text/plain; charset=utf-8").send(`${mapped.body.code}: ${mapped.body.message}\n`);
    } else {
      res.json(mapped.body);
    }
  };
}

/** The last handler under /api: an unknown route is a JSON 404, not the explorer's page. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No API route ${req.method} ${req.originalUrl.split("?")[0]}. See /api/v1/health and the README for the routes.`));
};
