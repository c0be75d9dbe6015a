/**
 * Oxigraph worker
 * ===============
 * One worker thread holding its own Oxigraph store, which it loads itself from the sources it was
 * started with (files read in batches, see loadSources.ts), reporting progress as it goes. It
 * answers one request at a time; the main thread stops a runaway query by terminating the whole
 * worker, since a running WASM query cannot be interrupted.
 *
 * A graph change (an upload, a deletion) is answered "changed" or "changeFailed"; the pool
 * replaces a worker that failed one. Fault injection (tests only, server/faults.test.ts and
 * graphChanges.test.ts): CASPIAN_TEST_REJECT_CHANGE_WITH=text fails an added graph whose N-Quads
 * contain the text, after its first chunk is in (a store left half-changed);
 * CASPIAN_TEST_PAUSE_IN_CHANGE=ms pauses there instead, printing `fault hook: pausing inside a
 * graph change` on stderr, so a test can have the worker stopped in the middle. Unset, they cost
 * nothing.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
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
// A worker loading beside serving ones (a replacement, the lazy extra, the others after the
// first) yields the CPU to them; the pool raises it back once it is ready.
const thread = threadId();
if (init.lowPriority && thread !== undefined) {
  try {
    setPriority(thread, 19);
  } catch {
    // Not Linux, or not allowed: load at the normal priority.
  }
}
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
  for (const change of init.changes ?? []) {
    try {
      applyChange(change);
    } catch (error) {
      throw new SourceLoadError({ file: `(uploaded graph <${change.graph}>)`, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  post({ type: "ready", triples: store.size, loadMs: performance.now() - started, fileTriples: report.fileTriples, thread });
  loaded = true;
  for (const message of early.splice(0)) handle(message);
} catch (error) {
  const failure = error instanceof SourceLoadError ? error.failure : { file: "(data)", detail: error instanceof Error ? error.message : String(error) };
  post({ type: "loadFailed", failure });
}

function handle(request: WorkerRequest | GraphChange): void {
  if (request.kind === "addGraph" || request.kind === "dropGraph") {
    try {
      applyChange(request, true);
      post({ type: "changed", seq: request.seq ?? 0, triples: store.size });
    } catch (error) {
      post({ type: "changeFailed", seq: request.seq ?? 0, failure: toFailure(error) });
    }
    return;
  }
  try {
    post({ type: "answer", id: request.id, answer: answerQuery(store, request) });
  } catch (error) {
    post({ type: "failure", id: request.id, failure: toFailure(error) });
  }
}

/** `live`: a change sent now, not one replayed at start (only those meet the fault hooks). */
function applyChange(change: GraphChange, live = false): void {
  // Replacing a graph drops the old triples first, so an upload under the same name never merges.
  store.update(`DROP SILENT GRAPH <${change.graph}>`);
  if (change.kind !== "addGraph") return;
  change.chunks.forEach((chunk, index) => {
    store.load(chunk, { format: "application/n-quads", lenient: true });
    if (live && index === 0) faultHooks(change);
  });
}

/** The pause first, then the refusal: with both set, a worker refuses a change after a while (requests queue behind it meanwhile). */
function faultHooks(change: Extract<GraphChange, { kind: "addGraph" }>): void {
  const pauseMs = Number(process.env.CASPIAN_TEST_PAUSE_IN_CHANGE ?? 0);
  if (pauseMs > 0) {
    process.stderr.write(`fault hook: pausing inside a graph change for ${pauseMs} ms\n`);
    // A synchronous wait: the worker is stuck in the change as in a long load, not idle.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
  }
  const reject = process.env.CASPIAN_TEST_REJECT_CHANGE_WITH;
  if (reject && change.chunks.some((chunk) => chunk.includes(reject))) throw new Error(`fault hook: this worker refuses graph changes holding "${reject}"`);
}

/** This thread's id in the operating system (Linux: /proc/thread-self), so the pool can lower its CPU priority; undefined elsewhere. */
function threadId(): number | undefined {
  try {
    const id = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}
