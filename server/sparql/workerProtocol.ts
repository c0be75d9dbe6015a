/**
 * Worker protocol
 * ===============
 * The messages between the engine (main thread) and an Oxigraph worker. A worker is told where
 * its dataset lives (files it reads and parses itself, or N-Quads text for small in-memory data),
 * reports progress while it loads, says "ready", then answers one request at a time.
 */
import type { MessagePort } from "node:worker_threads";
import type { StoreSource } from "../rdf/loadDatasets.ts";
import type { QueryForm, SelectResult } from "./engine.ts";

export type { StoreSource };

export interface WorkerInit {
  sources: StoreSource[];
  /** Graph changes made since the pool started, replayed by a worker spawned later. */
  changes?: GraphChange[];
  /** Bytes per batch read from a line-based file (default 8 MiB; tests make it small). */
  batchBytes?: number;
  /** Load at the lowest CPU priority (threadPriority.ts); the pool raises it back once "ready". */
  lowPriority?: boolean;
}

export interface GraphOptions {
  defaultGraphs?: string[];
  namedGraphs?: string[];
  /** Without default-graph-uri, the default graph is the union of all graphs (false: only the unnamed one). */
  unionDefaultGraph?: boolean;
}

export type WorkerRequest =
  | ({ id: number; kind: "select"; query: string; rowCap: number } & GraphOptions)
  | ({ id: number; kind: "ask"; query: string } & GraphOptions)
  | ({ id: number; kind: "serialize"; query: string; form: QueryForm; mediaType: string; rowCap: number } & GraphOptions)
  /** Runs the query, answers `{ streaming: true, rowsCut }`, then serves the answer's chunks on `port` (answerStream.ts). */
  | ({ id: number; kind: "stream"; query: string; form: QueryForm; mediaType: string; rowCap: number; byteLimit: number; port: MessagePort } & GraphOptions);

/**
 * Adds (N-Quads chunks, already checked on the main thread) or drops a named graph. A worker
 * handles messages in order, so every query posted after it sees the change. It answers
 * "changed" (with its new size) or "changeFailed", naming the change by `seq`; a worker that
 * failed is replaced, since its store may hold half the change.
 */
export type GraphChange = ({ kind: "addGraph"; graph: string; chunks: string[] } | { kind: "dropGraph"; graph: string }) & { seq?: number };

export interface SerializedAnswer {
  body: string;
  count: number;
  truncated: boolean;
}

/** A SELECT's rows as SPARQL TSV text (tsvResults.ts), read on the main thread. */
export interface TsvAnswer {
  tsv: string;
  truncated: boolean;
}

export type WorkerAnswer = SelectResult | TsvAnswer | boolean | SerializedAnswer | { streaming: true; rowsCut: boolean };

/** A failure that crossed the thread boundary: only data, re-typed on the main thread. */
export interface WorkerFailure {
  kind: "syntax" | "unsupported" | "internal";
  message: string;
  line?: number;
  column?: number;
}

/** A file that did not load: which, where and why (re-typed as RdfSyntaxError on the main thread). */
export interface LoadFailure {
  file: string;
  line?: number;
  column?: number;
  detail: string;
}

export interface LoadProgressMessage {
  type: "progress";
  /** Bytes of the sources read so far, of `totalBytes`. */
  bytes: number;
  totalBytes: number;
  triples: number;
}

export type WorkerMessage =
  | { type: "ready"; triples: number; loadMs: number; fileTriples: Record<string, number>; thread?: number }
  | LoadProgressMessage
  | { type: "loadFailed"; failure: LoadFailure }
  | { type: "changed"; seq: number; triples: number }
  | { type: "changeFailed"; seq: number; failure: WorkerFailure }
  | { type: "answer"; id: number; answer: WorkerAnswer }
  | { type: "failure"; id: number; failure: WorkerFailure };
