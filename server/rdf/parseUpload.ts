/**
 * Upload parsing, off the main thread
 * ===================================
 * parseUpload(body, …) hands an upload to a parse worker (uploadParseWorker.ts) and resolves to
 * its N-Quads chunks, already moved into the dataset's graph, with a summary. The main thread
 * only receives chunks, so a hostile upload can cost the worker, never the event loop: the
 * worker runs under a heap bound (resourceLimits) and a wall-clock limit, and is terminated and
 * replaced when it passes either. Uploads are parsed one at a time; the worker stops itself
 * after a quiet minute so its memory is given back. A server that takes uploads starts it at
 * once (warmUploadParser): loading its modules costs about a second, more on a busy machine,
 * which the first upload would otherwise wait for.
 */
import { randomBytes } from "node:crypto";
import type { Worker } from "node:worker_threads";
import { RdfSyntaxError } from "./parseRdf.ts";
import { startTypeScriptWorker } from "./typescriptWorker.ts";
import { UploadLimitError, type UploadLimits } from "./uploadLimits.ts";
import type { ParseFailure, ParseJob, ParseMessage, ParseSummary } from "./uploadProtocol.ts";

export interface ParsedUpload extends ParseSummary {
  /** N-Quads text, every quad in the dataset's graph. */
  chunks: string[];
}

export interface UploadRequest {
  mediaType: string;
  label: string;
  graph: string;
}

const IDLE_MS = 60_000;
const WORKER_URL = new URL("./uploadParseWorker.ts", import.meta.url);

let worker: { thread: Worker; heapMb: number } | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

/** Parses an upload under `limits`; rejects with RdfSyntaxError or UploadLimitError (nothing stored). */
export function parseUpload(body: Uint8Array, request: UploadRequest, limits: UploadLimits): Promise<ParsedUpload> {
  if (body.byteLength > limits.bytes) return Promise.reject(new UploadLimitError("UPLOAD_LIMIT", `${request.label}: larger than the upload limit (${limits.bytes} bytes).`));
  const run = queue.then(() => runJob(body, request, limits));
  queue = run.catch(() => {});
  return run;
}

/** Starts the parse worker ahead of the first upload; it stays until an upload's quiet minute ends. */
export function warmUploadParser(limits: UploadLimits): void {
  workerFor(limits.heapMb);
}

function runJob(body: Uint8Array, request: UploadRequest, limits: UploadLimits): Promise<ParsedUpload> {
  clearTimeout(idleTimer);
  const thread = workerFor(limits.heapMb);
  const id = nextId++;
  const chunks: string[] = [];
  return new Promise<ParsedUpload>((resolve, reject) => {
    let settled = false;
    const done = (error: Error | undefined, summary?: ParseSummary) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      thread.off("message", onMessage);
      thread.off("error", onError);
      thread.off("exit", onExit);
      idleTimer = setTimeout(stopWorker, IDLE_MS).unref();
      if (error) reject(error);
      else resolve({ ...summary!, chunks });
    };
    const onMessage = (message: ParseMessage) => {
      if (message.id !== id) return;
      if (message.type === "chunk") chunks.push(message.text);
      else if (message.type === "done") done(undefined, message.summary);
      else done(toError(message.failure));
    };
    const onError = (error: Error & { code?: string }) => {
      stopWorker();
      done(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new UploadLimitError("UPLOAD_LIMIT", `${request.label}: parsing it needs more than the parse worker's ${limits.heapMb} MB; nothing was stored.`) : error);
    };
    const onExit = (code: number) => done(new Error(`The upload parse worker stopped (exit code ${code}).`));
    const timer = setTimeout(() => {
      stopWorker();
      done(new UploadLimitError("UPLOAD_LIMIT", `${request.label}: still parsing after ${limits.timeMs} ms; uploads are limited to that time (--upload-timeout). Nothing was stored.`));
    }, limits.timeMs);
    thread.on("message", onMessage);
    thread.on("error", onError);
    thread.on("exit", onExit);
    // A copy the worker owns, moved rather than cloned.
    const copy = new Uint8Array(body);
    const job: ParseJob = { id, body: copy, ...request, scope: `u${randomBytes(4).toString("hex")}_`, limits };
    thread.postMessage(job, [copy.buffer]);
  });
}

function workerFor(heapMb: number): Worker {
  if (worker && worker.heapMb !== heapMb) stopWorker();
  if (!worker) {
    const thread = startTypeScriptWorker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    // The worker never keeps the process alive: a server stopping does not wait for it.
    thread.unref();
    // Between jobs nobody else listens: a crash then only means the next upload starts a new one.
    thread.on("error", () => {});
    thread.on("exit", () => {
      if (worker?.thread === thread) worker = undefined;
    });
    worker = { thread, heapMb };
  }
  return worker.thread;
}

function stopWorker(): void {
  if (!worker) return;
  const { thread } = worker;
  worker = undefined;
  void thread.terminate();
}

function toError(failure: ParseFailure): Error {
  if (failure.kind === "syntax") return new RdfSyntaxError(failure.file, failure.line, failure.column, failure.detail);
  if (failure.kind === "limit") return new UploadLimitError(failure.code, failure.message);
  return new Error(failure.message);
}
