/**
 * Oxigraph worker
 * ===============
 * One worker thread holding its own Oxigraph store, loaded from the N-Quads chunks it was
 * started with. It answers one request at a time; the main thread stops a runaway query by
 * terminating the whole worker, since a running WASM query cannot be interrupted.
 */
import { parentPort, workerData } from "node:worker_threads";
import oxigraph from "oxigraph";
import { answerQuery, toFailure } from "./answerQuery.ts";
import type { GraphChange, WorkerInit, WorkerMessage, WorkerRequest } from "./workerProtocol.ts";

const port = parentPort;
if (!port) throw new Error("oxigraphWorker.ts must run as a worker thread");

const started = performance.now();
const store = new oxigraph.Store();
for (const chunk of (workerData as WorkerInit).chunks) {
  // The chunks were parsed and checked on the main thread already, hence unchecked.
  store.load(chunk, { format: "application/n-quads", lenient: true });
}
for (const change of (workerData as WorkerInit).changes ?? []) applyChange(change);
post({ type: "ready", triples: store.size, loadMs: performance.now() - started });

port.on("message", (request: WorkerRequest | GraphChange) => {
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
});

function applyChange(change: GraphChange): void {
  // Replacing a graph drops the old triples first, so an upload under the same name never merges.
  store.update(`DROP SILENT GRAPH <${change.graph}>`);
  if (change.kind === "addGraph") for (const chunk of change.chunks) store.load(chunk, { format: "application/n-quads", lenient: true });
}

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}
