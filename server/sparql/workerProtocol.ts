/**
 * Worker protocol
 * ===============
 * The messages between the engine (main thread) and an Oxigraph worker. A worker receives its
 * dataset as N-Quads chunks in workerData, says "ready", then answers one request at a time.
 */
import type { QueryForm, SelectResult } from "./engine.ts";

export interface WorkerInit {
  chunks: string[];
  /** Graph changes made since the pool started, replayed by a worker spawned later (the spare). */
  changes?: GraphChange[];
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
  | ({ id: number; kind: "serialize"; query: string; form: QueryForm; mediaType: string; rowCap: number } & GraphOptions);

/**
 * Adds (N-Quads chunks, already checked on the main thread) or drops a named graph. No id and no
 * answer: a worker handles messages in order, so every query posted after it sees the change.
 * The worker then reports its new size.
 */
export type GraphChange = { kind: "addGraph"; graph: string; chunks: string[] } | { kind: "dropGraph"; graph: string };

export interface SerializedAnswer {
  body: string;
  count: number;
  truncated: boolean;
}

export type WorkerAnswer = SelectResult | boolean | SerializedAnswer;

/** A failure that crossed the thread boundary: only data, re-typed on the main thread. */
export interface WorkerFailure {
  kind: "syntax" | "unsupported" | "internal";
  message: string;
  line?: number;
  column?: number;
}

export type WorkerMessage =
  | { type: "ready"; triples: number; loadMs: number }
  | { type: "size"; triples: number }
  | { type: "answer"; id: number; answer: WorkerAnswer }
  | { type: "failure"; id: number; failure: WorkerFailure };
