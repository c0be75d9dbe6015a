/**
 * SPARQL 1.1 Protocol endpoint
 * ============================
 * /sparql answers read-only queries as the SPARQL 1.1 Protocol says: GET ?query=, POST
 * application/sparql-query, POST application/x-www-form-urlencoded, and HEAD; default-graph-uri
 * and named-graph-uri; the result format from Accept or the `format` parameter (the first usable
 * of its values). Answers stream in chunks under --answer-limit (see sendChunks). Updates are refused (403 read-only, 401 without the admin token, 501 with it:
 * data changes through uploads), other methods answered 405 with Allow; GET without a
 * query describes the service (with VoID). Any origin may query; preflights are answered.
 */
import express, { type Request, type Response } from "express";
import { analyzeQuery, preferParserError } from "../sparql/analyzeQuery.ts";
import { truncationNote } from "../sparql/answerChunks.ts";
import type { AnswerChunks, QueryEngine, QueryForm } from "../sparql/engine.ts";
import { ReadOnlyError } from "../sparql/errors.ts";
import type { MediaType } from "../sparql/mediaTypes.ts";
import { negotiate } from "../sparql/negotiate.ts";
import { queryDataset } from "../sparql/queryDataset.ts";
import { wellFormedXml } from "../sparql/serializeSolutions.ts";
import { guardQuery } from "../sparql/queryGuards.ts";
import { checkAdmin } from "./adminAuth.ts";
import { HttpError, MethodNotAllowedError } from "./errors.ts";
import { sendDescription } from "./voidRoute.ts";

export interface SparqlRouteDeps {
  engine: QueryEngine;
  /** The row cap, named in the truncation header. */
  rowCap: number;
  /** Largest answer body in bytes (--answer-limit); a larger one is cut to fewer rows. */
  answerLimit?: number;
  /** The admin token; without one an update is 403, with one a missing or wrong token is 401. */
  adminToken?: string;
}

export const TRUNCATED_HEADER = "Caspian-Truncated";
/** Default --answer-limit: 16 MB. */
export const DEFAULT_ANSWER_LIMIT = 16 * 1024 * 1024;

const ALLOWED = ["GET", "POST", "HEAD", "OPTIONS"] as const;
/** What a browser elsewhere may do: read-only queries (HEAD needs no preflight). */
const CORS_METHODS = "GET, POST";
const CORS_HEADERS = "Accept, Content-Type";
const BODY_LIMIT = "1mb";
const QUERY_TYPE = "application/sparql-query";
const UPDATE_TYPE = "application/sparql-update";
const FORM_TYPE = "application/x-www-form-urlencoded";

interface ProtocolParams {
  query?: string;
  update?: string;
  /** Every `format` value given, in order (SPARQLWrapper sends two: `tsv` and the media type). */
  formats: string[];
  defaultGraphs: string[];
  namedGraphs: string[];
}

export function createSparqlRouter(deps: SparqlRouteDeps): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    // A public, read-only endpoint: any origin may query it (YASGUI, notebooks...).
    res.set("Access-Control-Allow-Origin", "*");
    res.set("Access-Control-Expose-Headers", TRUNCATED_HEADER);
    next();
  });
  router
    .route("/")
    .get((req, res) => {
      const params = fromGet(req);
      if (params.query === undefined && params.update === undefined) return describeService(deps, req, res);
      return answer(deps, req, res, params);
    })
    .post(
      express.text({ type: [QUERY_TYPE, UPDATE_TYPE], limit: BODY_LIMIT }),
      express.urlencoded({ extended: false, limit: BODY_LIMIT }),
      (req, res) => {
        if (req.is(UPDATE_TYPE)) refuseUpdate(req, deps.adminToken);
        return answer(deps, req, res, fromPost(req));
      },
    )
    .options((_req, res) => {
      // The preflight of a browser tool on another origin: it may GET or POST a query with its
      // own Accept and Content-Type (application/sparql-query is not a "simple" type). Updates
      // are refused whatever the preflight said.
      res.set({
        Allow: ALLOWED.join(", "),
        "Access-Control-Allow-Methods": CORS_METHODS,
        "Access-Control-Allow-Headers": CORS_HEADERS,
        "Access-Control-Max-Age": "86400",
      });
      res.status(204).end();
    })
    .all((req) => {
      throw new MethodNotAllowedError(req.method, ALLOWED);
    });
  return router;
}

async function answer(deps: SparqlRouteDeps, req: Request, res: Response, params: ProtocolParams): Promise<void> {
  if (params.update !== undefined) refuseUpdate(req, deps.adminToken);
  if (params.query === undefined || params.query.trim() === "") {
    throw new HttpError(400, "BAD_REQUEST", "Missing the SPARQL query: send ?query=... (GET), a form field `query` or an application/sparql-query body (POST).");
  }
  const query = params.query;
  guardQuery(query); // security: no SERVICE, no nesting deep enough to overflow a parser
  const analysis = analyzeQuery(query);
  const { form } = analysis;
  const mediaType = negotiateFormats(form, req.get("Accept"), params.formats);
  const graphs = queryDataset(analysis, params, query);
  const limit = deps.answerLimit ?? DEFAULT_ANSWER_LIMIT;
  if (deps.engine.stream) {
    const stream = deps.engine.stream.bind(deps.engine);
    const chunks = await preferParserError(analysis, () => stream(query, form, mediaType, { ...graphs, byteLimit: limit }));
    return sendChunks(res, chunks, mediaType, { rowCap: deps.rowCap, byteLimit: limit });
  }
  // Engines that cannot stream (a store over HTTP): the whole answer, asked again for fewer rows if too large.
  let result = await preferParserError(analysis, () => deps.engine.serialize(query, form, mediaType, graphs));
  let cutForBytes = false;
  const bytes = Buffer.byteLength(result.body);
  if (bytes > limit) {
    // Asked again for as many rows as fit, with a tenth to spare: rows differ in size.
    const rows = Math.floor((result.count * limit) / bytes * 0.9);
    if (rows < 1) throw tooLarge(limit);
    result = await deps.engine.serialize(query, form, mediaType, { ...graphs, rowCap: rows });
    cutForBytes = true;
  }
  setAnswerHeaders(res, mediaType);
  const truncated = cutForBytes ? "bytes" : result.truncated ? "rows" : false;
  if (truncated) res.set(TRUNCATED_HEADER, truncationNote(truncated, { rowCap: deps.rowCap, byteLimit: limit }));
  res.send(mediaType.endsWith("xml") ? wellFormedXml(result.body) : result.body);
}

function tooLarge(limit: number): HttpError {
  return new HttpError(422, "ANSWER_TOO_LARGE", `One row of the answer is larger than the answer limit (${limit} bytes, --answer-limit).`);
}

function setAnswerHeaders(res: Response, mediaType: string): void {
  res.status(200);
  res.set("Content-Type", mediaType.startsWith("text/") || mediaType.endsWith("json") || mediaType.endsWith("xml") ? `${mediaType}; charset=utf-8` : mediaType);
  res.set("Vary", "Accept");
}

/**
 * Sends a streamed answer. An answer that ends within its first two chunks goes out whole, with
 * Content-Length and (if cut) the Caspian-Truncated header, as before streaming. A longer one goes
 * out chunk by chunk as the client reads (the next chunk is asked of the worker only once the
 * socket has taken the last), so a client that stops reading holds one chunk, until the send
 * timeout drops it. Its headers are gone before the end is known, so it announces the
 * Caspian-Truncated trailer and always sends it: `false`, or why it was cut (a cut by the row
 * cap, known before the first chunk, is in the header too). A stream that breaks
 * (its worker stopped) is cut off without the closing chunk, so no client takes it for whole.
 */
async function sendChunks(res: Response, chunks: AnswerChunks, mediaType: string, caps: { rowCap: number; byteLimit: number }): Promise<void> {
  let head: string[];
  try {
    const first = (await chunks.next()) ?? "";
    const second = await chunks.next();
    head = second === undefined ? [first] : [first, second];
  } catch (error) {
    chunks.cancel();
    throw error;
  }
  setAnswerHeaders(res, mediaType);
  if (chunks.outcome) {
    const { count, truncated } = chunks.outcome;
    if (truncated === "bytes" && count === 0) throw tooLarge(caps.byteLimit);
    if (truncated) res.set(TRUNCATED_HEADER, truncationNote(truncated, caps));
    res.send(head[0]);
    return;
  }
  res.set("Trailer", TRUNCATED_HEADER);
  // The row cap's cut is known up front; the trailer has the last word (the byte cap may cut sooner).
  if (chunks.rowsCut) res.set(TRUNCATED_HEADER, truncationNote("rows", caps));
  res.on("close", () => {
    if (!res.writableFinished) chunks.cancel();
  });
  try {
    for (const chunk of head) if (!(await written(res, chunk))) return;
    for (let chunk = await chunks.next(); chunk !== undefined; chunk = await chunks.next()) {
      if (!(await written(res, chunk))) return;
    }
  } catch (error) {
    if (res.destroyed) return; // the client left: the cancel broke the stream, nothing to say
    console.error(`A streamed SPARQL answer broke off: ${(error as Error).message}`);
    res.destroy();
    return;
  }
  const { truncated } = chunks.outcome!;
  res.addTrailers({ [TRUNCATED_HEADER]: truncated ? truncationNote(truncated, caps) : "false" });
  res.end();
}

/** Writes a chunk; resolves once the socket wants more (true), or false if the client is gone. */
function written(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (more: boolean) => () => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(more);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}

/** GET without a query: the service description, Turtle unless Accept asks for other RDF. */
function describeService(deps: SparqlRouteDeps, req: Request, res: Response): Promise<void> {
  return sendDescription(deps.engine, "service", req, res);
}

function fromGet(req: Request): ProtocolParams {
  const url = req.query as Record<string, unknown>;
  return {
    query: single(url, "query"),
    update: single(url, "update"),
    formats: all(url, "format"),
    defaultGraphs: iris(url, "default-graph-uri"),
    namedGraphs: iris(url, "named-graph-uri"),
  };
}

/**
 * An update: 403 on a read-only server, 401 without the right token. With it, still refused
 * (501): the data changes through uploads, which every query worker replays.
 */
function refuseUpdate(req: Request, adminToken: string | undefined): never {
  checkAdmin(req, adminToken);
  throw new HttpError(501, "NOT_IMPLEMENTED", "SPARQL Update is not run by this server: change the data by uploading a dataset (POST /api/v1/datasets).");
}

function fromPost(req: Request): ProtocolParams {
  const url = req.query as Record<string, unknown>;
  const type = req.get("Content-Type") ?? "";
  if (req.is(UPDATE_TYPE)) throw new ReadOnlyError();
  if (req.is(QUERY_TYPE)) {
    return {
      query: typeof req.body === "string" ? req.body : undefined,
      formats: all(url, "format"),
      defaultGraphs: iris(url, "default-graph-uri"),
      namedGraphs: iris(url, "named-graph-uri"),
    };
  }
  if (req.is(FORM_TYPE)) {
    const form = (req.body ?? {}) as Record<string, unknown>;
    return {
      query: single(form, "query"),
      update: single(form, "update"),
      formats: [...all(form, "format"), ...all(url, "format")],
      defaultGraphs: [...iris(url, "default-graph-uri"), ...iris(form, "default-graph-uri")],
      namedGraphs: [...iris(url, "named-graph-uri"), ...iris(form, "named-graph-uri")],
    };
  }
  throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", `POST a query as ${QUERY_TYPE} or ${FORM_TYPE}, not ${type || "a body without Content-Type"}.`);
}

/**
 * The first `format` value that names a media type for this form wins. Clients send more than
 * one (SPARQLWrapper repeats `format` with a short name and a media type, and an empty one where
 * its Accept says any type), so a repeated or empty value is not an error; none usable is a 406.
 */
function negotiateFormats(form: QueryForm, accept: string | undefined, formats: string[]): MediaType {
  const given = formats.filter((format) => format.trim() !== "");
  if (given.length === 0) return negotiate(form, accept);
  let refusal: unknown;
  for (const format of given) {
    try {
      return negotiate(form, accept, format);
    } catch (error) {
      refusal ??= error;
    }
  }
  throw refusal;
}

function all(params: Record<string, unknown>, name: string): string[] {
  const value = params[name];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (list.some((item) => typeof item !== "string")) throw new HttpError(400, "BAD_REQUEST", `The \`${name}\` parameter must be text.`);
  return list as string[];
}

function single(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  throw new HttpError(400, "BAD_REQUEST", `Give the \`${name}\` parameter once.`);
}

function iris(params: Record<string, unknown>, name: string): string[] {
  const value = params[name];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((iri) => {
    if (typeof iri !== "string" || !/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(iri)) {
      throw new HttpError(400, "BAD_REQUEST", `${name} must be an absolute IRI, got ${JSON.stringify(iri)}.`);
    }
    return iri;
  });
}
