/**
 * Oxigraph worker
 * ===============
 * One worker thread holding its own Oxigraph store, which it loads itself from the sources it was
 * started with (files read in batches, see loadSources.ts), reporting progress as it goes. It
 * answers one request at a time; the main thread stops a runaway query by terminating the whole
 * worker, since a running WASM query cannot be interrupted.
 */
import { parentPort, workerData } from "node:worker_threads";
import oxigraph from "oxigraph";
import { answerQuery, toFailure } from "./answerQuery.ts";
import { loadSources, SourceLoadError } from "./loadSources.ts";
import type { GraphChange, WorkerInit, WorkerMessage, WorkerRequest } from "./workerProtocol.ts";

const port = parentPort;
if (!port) throw new Error("oxigraphWorker.ts must run as a worker thread");

/** At most this often a progress message: enough for a progress line, not a flood. */
const PROGRESS_EVERY_MS = 250;

const init = workerData as WorkerInit;
const started = performance.now();
const store = new oxigraph.Store();
const totalBytes = init.sources.reduce((sum, source) => sum + (source.kind === "file" ? source.bytes : 0), 0);
let lastProgress = 0;
// Requests that arrive while the store loads wait here, in order (the pool sends none before
// "ready", but graph changes may come at any time).
const early: (WorkerRequest | GraphChange)[] = [];
let loaded = false;
port.on("message", (message: WorkerRequest | GraphChange) => (loaded ? handle(message) : early.push(message)));

try {
  const report = await loadSources(store, init.sources, (bytes, triples) => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    post({ type: "progress", bytes, totalBytes, triples });
  }, init.batchBytes);
  for (const change of init.changes ?? []) applyChange(change);
  post({ type: "ready", triples: store.size, loadMs: performance.now() - started, fileTriples: report.fileTriples });
  loaded = true;
  for (const message of early.splice(0)) handle(message);
} catch (error) {
  const failure = error instanceof SourceLoadError ? error.failure : { file: "(data)", detail: error instanceof Error ? error.message : String(error) };
  post({ type: "loadFailed", failure });
}

function handle(request: WorkerRequest | GraphChange): void {
  if (request.kind === "addGraph" || request.kind === "dropGraph") {
    applyChange(request);
    post({ type: "size", triples: store.size });
    return;
  }
  try {
    post({ type: "answer", id: request.id, answer: answerQuery(store, request) });
  } catch (error) {
    post({ type: "failure", id: request.id, failure: toFailure(error) });
  }
}

function applyChange(change: GraphChange): void {
  // Replacing a graph drops the old triples first, so an upload under the same name never merges.
  store.update(`DROP SILENT GRAPH <${change.graph}>`);
  if (change.kind === "addGraph") for (const chunk of change.chunks) store.load(chunk, { format: "application/n-quads", lenient: true });
}

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}
