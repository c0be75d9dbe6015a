/**
 * Worker pool
 * ===========
 * Runs store requests on a few Oxigraph worker threads, off the main event loop. Requests wait in
 * one shared queue and go to whichever worker is idle. Each request has a deadline counted from
 * when it was asked: if it is still queued it is dropped, if it is running its worker is
 * terminated and replaced while the others keep answering. A spare worker, loaded in advance,
 * takes the place of a terminated one at once; a new spare then loads in the background.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DeadlineError, EngineClosedError, QuerySyntaxError, QueryUnsupportedError } from "./errors.ts";
import type { GraphChange, WorkerAnswer, WorkerFailure, WorkerMessage, WorkerRequest } from "./workerProtocol.ts";

/** The request as callers give it; the pool numbers it. */
export type PoolRequest = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface Task {
  id: number;
  request: PoolRequest;
  deadlineMs: number;
  resolve: (answer: WorkerAnswer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  slot?: Slot;
}

interface Slot {
  /** Place in the pool; -1 while the slot is the spare. */
  index: number;
  worker: Worker;
  state: "loading" | "idle" | "busy" | "dead";
  task?: Task;
  spawnedAt: number;
  /** When this slot was called in to replace a terminated one. */
  calledAt?: number;
}

export interface PoolStats {
  workers: number;
  triples: number;
  /** Time the slowest initial worker took from spawn to ready. */
  startMs: number;
  replacements: number;
  /** From terminating a worker to its replacement being ready: ~0 when the spare was ready. */
  lastReplacementMs?: number;
  /** Spawn-to-ready time of the latest spare (what a replacement costs without one). */
  spareLoadMs?: number;
}

export interface PoolOptions {
  /** Keep one extra loaded worker to replace a terminated one at once (default true). */
  spare?: boolean;
}

// The worker is TypeScript. Node 20 does not apply `--import tsx` to a worker's entry module,
// so a two-line bootstrap registers tsx's loader inside the worker and then imports the real
// file. tsx is resolved from here so any working directory works.
const TSX_API = resolveEsmExport("tsx", "./esm/api");
const WORKER_URL = new URL("./oxigraphWorker.ts", import.meta.url).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

export class WorkerPool {
  readonly ready: Promise<void>;
  readonly stats: PoolStats;
  private readonly slots: Slot[] = [];
  private spare: Slot | undefined;
  private readonly useSpare: boolean;
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readyWaiters: { resolve: () => void; reject: (error: Error) => void; pending: number } | undefined;
  /** Named graphs added or dropped since start; a later spawn replays them, so the spare stays in step. */
  private readonly changes: GraphChange[] = [];

  constructor(
    private readonly chunks: string[],
    size: number,
    options: PoolOptions = {},
  ) {
    this.useSpare = options.spare ?? true;
    this.stats = { workers: size, triples: 0, startMs: 0, replacements: 0 };
    this.ready = new Promise<void>((resolve, reject) => {
      this.readyWaiters = { resolve, reject, pending: size };
    });
    for (let index = 0; index < size; index++) this.slots.push(this.spawn(index));
    // The spare loads after the pool is ready, so it never slows the start.
    this.ready.then(
      () => {
        if (this.useSpare && !this.closed) this.spare = this.spawn(-1);
      },
      () => {},
    );
  }

  run(request: PoolRequest, deadlineMs: number): Promise<WorkerAnswer> {
    if (this.closed) return Promise.reject(new EngineClosedError());
    return new Promise<WorkerAnswer>((resolve, reject) => {
      const task: Task = { id: this.nextId++, request, deadlineMs, resolve, reject, timer: undefined as unknown as NodeJS.Timeout };
      task.timer = setTimeout(() => this.expire(task), deadlineMs);
      this.queue.push(task);
      this.pump();
    });
  }

  /**
   * Adds or drops a named graph in every worker, the spare and loading ones included. Workers
   * apply it between requests, in order, so later requests see it. Resolves once the first
   * running worker has applied it (stats.triples then holds the new size).
   */
  changeGraph(change: GraphChange): Promise<void> {
    if (this.closed) return Promise.reject(new EngineClosedError());
    // Keep only the latest change per graph, so the replay list does not grow with every re-upload.
    const earlier = this.changes.findIndex((old) => old.graph === change.graph);
    if (earlier >= 0) this.changes.splice(earlier, 1);
    if (change.kind === "addGraph") this.changes.push(change);
    else this.changes.push({ kind: "dropGraph", graph: change.graph });
    const live = [...this.slots, ...(this.spare ? [this.spare] : [])].filter((slot) => slot.state !== "dead");
    return new Promise<void>((resolve) => {
      this.sizeWaiters.push(resolve);
      for (const slot of live) slot.worker.postMessage(change);
    });
  }

  private readonly sizeWaiters: (() => void)[] = [];

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, new EngineClosedError());
    this.readyWaiters?.reject(new EngineClosedError());
    await Promise.all(
      [...this.slots, ...(this.spare ? [this.spare] : [])].map((slot) => {
        if (slot.task) this.settle(slot.task, new EngineClosedError());
        slot.state = "dead";
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(index: number): Slot {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { chunks: this.chunks, changes: [...this.changes] } });
    const slot: Slot = { index, worker, state: "loading", spawnedAt: performance.now() };
    worker.on("message", (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on("error", (error) => this.onCrash(slot, error));
    worker.on("exit", (code) => {
      if (slot.state !== "dead") this.onCrash(slot, new Error(`Oxigraph worker exited with code ${code}`));
    });
    return slot;
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (slot.state === "dead") return;
    if (message.type === "size") {
      this.stats.triples = message.triples;
      for (const resolve of this.sizeWaiters.splice(0)) resolve();
      return;
    }
    if (message.type === "ready") {
      const now = performance.now();
      this.stats.triples = message.triples;
      slot.state = "idle";
      if (slot === this.spare) {
        this.stats.spareLoadMs = now - slot.spawnedAt;
        return;
      }
      if (this.readyWaiters && slot.calledAt === undefined) {
        this.stats.startMs = Math.max(this.stats.startMs, now - slot.spawnedAt);
        if (--this.readyWaiters.pending === 0) {
          this.readyWaiters.resolve();
          this.readyWaiters = undefined;
        }
      }
      if (slot.calledAt !== undefined) this.stats.lastReplacementMs = now - slot.calledAt;
      this.pump();
      return;
    }
    const task = slot.task;
    if (!task || task.id !== message.id) return;
    if (message.type === "failure" && isEngineTrap(message.failure)) {
      // A WASM trap (a stack overflow in the engine) can leave the store's memory corrupt: this
      // worker never answers again; the query that did it is told it is too complex.
      this.replace(slot);
      this.settle(task, new QueryUnsupportedError(`The query is too complex for the engine (${message.failure.message}). Simplify it: fewer nested groups, OPTIONALs or path steps.`));
      return;
    }
    slot.task = undefined;
    slot.state = "idle";
    if (message.type === "answer") this.settle(task, undefined, message.answer);
    else this.settle(task, toError(message.failure));
    this.pump();
  }

  private onCrash(slot: Slot, error: Error): void {
    if (slot.state === "dead") return;
    if (slot === this.spare) {
      // A lost spare is not replaced until the next termination asks for one.
      slot.state = "dead";
      this.spare = undefined;
      void slot.worker.terminate();
      return;
    }
    if (slot.state === "loading") {
      // A worker that cannot load its data will not do better a second time: no respawn loop.
      slot.state = "dead";
      void slot.worker.terminate();
      this.readyWaiters?.reject(error);
      return;
    }
    const task = slot.task;
    this.replace(slot);
    if (task) this.settle(task, error);
  }

  /** Dead slot out; the spare (or a fresh worker) in. Queued requests wait for it or the others. */
  private replace(slot: Slot): void {
    slot.state = "dead";
    slot.task = undefined;
    void slot.worker.terminate();
    if (this.closed) return;
    this.stats.replacements++;
    const next = this.spare ?? this.spawn(slot.index);
    this.spare = undefined;
    next.index = slot.index;
    next.calledAt = performance.now();
    this.slots[slot.index] = next;
    if (next.state === "idle") this.stats.lastReplacementMs = 0;
    if (this.useSpare) this.spare = this.spawn(-1);
    this.pump();
  }

  private expire(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (task.slot && task.slot.task === task) this.replace(task.slot);
    this.settle(task, new DeadlineError(task.deadlineMs));
  }

  private settle(task: Task, error: Error | undefined, answer?: WorkerAnswer): void {
    clearTimeout(task.timer);
    if (error) task.reject(error);
    else task.resolve(answer!);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state !== "idle") continue;
      const task = this.queue.shift()!;
      slot.state = "busy";
      slot.task = task;
      task.slot = slot;
      slot.worker.postMessage({ ...task.request, id: task.id });
    }
  }
}

/** WebAssembly traps and stack overflows: the engine, not the query's logic, gave out. */
function isEngineTrap(failure: WorkerFailure): boolean {
  return failure.kind === "internal" && /memory access out of bounds|unreachable|call stack size exceeded|RuntimeError/i.test(failure.message);
}

function toError(failure: WorkerFailure): Error {
  if (failure.kind === "syntax") return new QuerySyntaxError(failure.message, failure.line, failure.column);
  if (failure.kind === "unsupported") return new QueryUnsupportedError(failure.message);
  return new Error(failure.message);
}

/** The ESM file a package exports under `subpath` (require.resolve would give the CommonJS one). */
function resolveEsmExport(name: string, subpath: string): string {
  const manifestPath = createRequire(import.meta.url).resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  const target = manifest.exports[subpath]?.import.default;
  if (!target) throw new Error(`${name} does not export ${subpath} for import`);
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}
