/**
 * Answering a query on an Oxigraph store
 * ======================================
 * What a worker does with one request: runs it on its store, cuts results at the row cap and
 * serializes, whole or (a "stream" request) a chunk at a time under a byte cap. Oxigraph serializes; only a cut solution sequence is re-written by our own
 * serializers, and graphs go through serializeTriples (cap, prefixes).
 */
import oxigraph from "oxigraph";
import { delimitedChunks, solutionChunks, trimDelimited, trimResults, trimTriples, tripleChunks } from "./answerChunks.ts";
import { serveAnswer } from "./answerStream.ts";
import type { ChunkOutcome, SelectResult } from "./engine.ts";
import { fromOxigraphMessage } from "./errors.ts";
import { MEDIA } from "./mediaTypes.ts";
import { serializeSolutions, type SparqlJsonResults } from "./serializeSolutions.ts";
import { serializeTriples } from "./serializeTriples.ts";
import { hasTripleTerms, tsvCut } from "./tsvResults.ts";
import type { GraphOptions, SerializedAnswer, TsvAnswer, WorkerAnswer, WorkerFailure, WorkerRequest } from "./workerProtocol.ts";

type QueryOptions = NonNullable<Parameters<oxigraph.Store["query"]>[1]>;

export function answerQuery(store: oxigraph.Store, request: WorkerRequest): WorkerAnswer {
  switch (request.kind) {
    case "select":
      return select(store, request.query, request, request.rowCap);
    case "ask":
      return store.query(request.query, graphOptions(request)) as boolean;
    case "serialize":
      if (request.form === "SELECT") return serializeSelect(store, request.query, request, request.mediaType, request.rowCap);
      if (request.form === "ASK") return serializeAsk(store, request.query, request, request.mediaType);
      return serializeGraph(store, request.query, request, request.mediaType, request.rowCap);
    case "stream":
      return openStream(store, request);
  }
}

/**
 * Runs the query now (its errors are the request's), keeps what the caps can let through (the
 * rest goes at once: trimResults), then serves the chunks of its answer, written as they are
 * pulled. Whether the row cap cuts it is known here, so the answer's headers can say so.
 */
function openStream(store: oxigraph.Store, request: Extract<WorkerRequest, { kind: "stream" }>): WorkerAnswer {
  if (request.form === "ASK") {
    serveAnswer(request.port, oneChunk(serializeAsk(store, request.query, request, request.mediaType).body));
    return { streaming: true, rowsCut: false };
  }
  const kept = (KEPT_PER_ANSWER_BYTE[request.mediaType] ?? 1) * request.byteLimit;
  if (request.form !== "SELECT") {
    const { text, cut } = trimTriples(store.query(request.query, graphOptions(request, MEDIA.nTriples)) as string, request.rowCap, kept);
    serveAnswer(request.port, tripleChunks(text, request.mediaType, { rowCap: request.rowCap, byteLimit: request.byteLimit, cut }));
    return { streaming: true, rowsCut: cut === "rows" };
  }
  // CSV and TSV come from the engine as they go out: no longer text to hold than the answer.
  const delimited = request.mediaType === MEDIA.csv || request.mediaType === MEDIA.tsv;
  const whole = store.query(request.query, graphOptions(request, delimited ? request.mediaType : MEDIA.resultsJson)) as string;
  const { text, cut } = delimited ? trimDelimited(whole, request.mediaType, request.rowCap, kept) : trimResults(whole, request.rowCap, kept);
  const caps = { rowCap: request.rowCap, byteLimit: request.byteLimit, cut };
  serveAnswer(request.port, delimited ? delimitedChunks(text, request.mediaType, caps) : solutionChunks(text, request.mediaType, caps));
  return { streaming: true, rowsCut: cut === "rows" };
}

/**
 * Bytes of the engine's text kept per byte of the answer cap. JSON, XML, CSV, TSV (the engine's
 * own), N-Triples, JSON-LD and RDF/XML are at least as long as the text they are written from, so
 * one; Turtle can be a third of its N-Triples. (Cut shorter than the cap would allow, an answer
 * still says `bytes`.)
 */
const KEPT_PER_ANSWER_BYTE: Record<string, number> = { [MEDIA.turtle]: 4 };

function* oneChunk(body: string): Generator<string, ChunkOutcome> {
  yield body;
  return { count: 1, truncated: false };
}

function graphOptions(graphs: GraphOptions, resultsFormat?: string): QueryOptions {
  const options: QueryOptions = {};
  if (resultsFormat) options.results_format = resultsFormat;
  // An empty list is meaningful (an empty default graph, no named graphs); only undefined means
  // "the store's own".
  if (graphs.defaultGraphs) options.default_graph = graphs.defaultGraphs.map((iri) => oxigraph.namedNode(iri));
  // Each loaded or uploaded file is its own named graph; without default-graph-uri a query sees
  // the union of all of them (and of the embedded data), as the explorer's views expect.
  else if (graphs.unionDefaultGraph !== false) options.use_default_graph_as_union = true;
  if (graphs.namedGraphs) options.named_graphs = graphs.namedGraphs.map((iri) => oxigraph.namedNode(iri));
  return options;
}

/** Runs a SELECT as a JSON string (Oxigraph's fastest path) and cuts it at the cap. */
function runSelect(store: oxigraph.Store, query: string, graphs: GraphOptions, rowCap: number) {
  const text = store.query(query, graphOptions(graphs, MEDIA.resultsJson)) as string;
  const results = JSON.parse(text) as SparqlJsonResults;
  const bindings = results.results?.bindings ?? [];
  const truncated = bindings.length > rowCap;
  if (truncated && results.results) results.results.bindings = bindings.slice(0, rowCap);
  return { text, results, truncated, count: Math.min(bindings.length, rowCap) };
}

/** The server's own SELECTs travel as TSV text (tsvResults.ts says why); rows only for triple terms. */
function select(store: oxigraph.Store, query: string, graphs: GraphOptions, rowCap: number): TsvAnswer | SelectResult {
  const tsv = store.query(query, graphOptions(graphs, MEDIA.tsv)) as string;
  if (!hasTripleTerms(tsv)) {
    const { text, truncated } = tsvCut(tsv, rowCap);
    return { tsv: text, truncated };
  }
  const { results, truncated } = runSelect(store, query, graphs, rowCap);
  return { vars: results.head.vars ?? [], rows: results.results?.bindings ?? [], truncated };
}

function serializeSelect(store: oxigraph.Store, query: string, graphs: GraphOptions, mediaType: string, rowCap: number): SerializedAnswer {
  const { text, results, truncated, count } = runSelect(store, query, graphs, rowCap);
  // Uncut JSON goes out exactly as Oxigraph wrote it; any other format is written from the rows
  // we already hold, so the query runs once.
  const body = mediaType === MEDIA.resultsJson && !truncated ? text : serializeSolutions(results, mediaType);
  return { body, count, truncated };
}

function serializeAsk(store: oxigraph.Store, query: string, graphs: GraphOptions, mediaType: string): SerializedAnswer {
  const body = store.query(query, graphOptions(graphs, mediaType)) as string;
  return { body, count: 1, truncated: false };
}

function serializeGraph(store: oxigraph.Store, query: string, graphs: GraphOptions, mediaType: string, rowCap: number): SerializedAnswer {
  return serializeTriples(store.query(query, graphOptions(graphs, MEDIA.nTriples)) as string, mediaType, rowCap);
}

/** Turns whatever Oxigraph threw into data that can cross to the main thread. */
export function toFailure(error: unknown): WorkerFailure {
  const message = error instanceof Error ? error.message : String(error);
  const syntax = fromOxigraphMessage(message);
  if (syntax) return { kind: "syntax", message: syntax.detail, line: syntax.line, column: syntax.column };
  if (/is not supported/i.test(message)) return { kind: "unsupported", message };
  return { kind: "internal", message };
}
