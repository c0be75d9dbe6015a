/**
 * Worker pool
 * ===========
 * Runs store requests on Oxigraph worker threads, off the main event loop. Each worker loads its
 * own store from the sources (files it reads itself), so the main thread never holds the data and
 * a terminated worker is rebuilt by reading the same files again — no retained copy.
 *
 * Requests wait in a TaskQueue (taskQueue.ts: user requests before background work; a scheduler
 * with limits plugs in there) and go to an idle worker. Each request has a deadline counted from
 * when it was asked (or, asked during the initial load, from when the store is ready): still
 * queued, it is dropped; running, its worker is terminated and rebuilt while the others answer.
 *
 * Spares, by `spare`:
 * - "lazy" (default): no extra copy while all is well. When every serving worker has been busy
 *   with one request for longer than `longMs`, one extra worker loads; it answers the others
 *   while the long requests run, takes the place of a worker terminated at its deadline, and is
 *   retired once it has been idle for `retireMs` with nothing long running.
 * - "loaded" (true): a spare is kept loaded at all times, so a replacement is instant (one more copy).
 * - "none" (false): a terminated worker is rebuilt; meanwhile the other workers answer.
 *
 * CPU: a request running past `longMs`, the server's background work, and every load after the
 * first run at the lowest thread priority (threadPriority.ts), so on a machine with fewer cores
 * than busy workers the short requests and the main thread are served first.
 *
 * Graph changes (uploads, deletions) run one at a time, each all-or-nothing: one worker tries it
 * first. If that worker refuses it, nobody else ever saw it: the caller gets GraphChangeError and
 * the worker (whose store may hold half the change) is rebuilt from the files without it. If
 * it takes it, the change joins the list a rebuilt worker replays and goes to every other
 * worker; the caller is answered once each loaded one has applied it. A worker that fails a
 * change the first one took, or that is stopped meanwhile (a deadline, the memory watchdog), is
 * rebuilt like any stopped worker, with the change; a first worker stopped before it answered
 * hands the change to another (at most MAX_CHANGE_TRIES times), so no change waits forever.
 */
import { Worker } from "node:worker_threads";
import { RdfSyntaxError } from "../rdf/parseRdf.ts";
import type { LoadProgress } from "./engine.ts";
import { MemoryCapError } from "./memoryWatchdog.ts";
import { DeadlineError, EngineClosedError, GraphChangeError, QuerySyntaxError, QueryUnsupportedError, WorkerRebuiltError } from "./errors.ts";
import { LaneQueue, type Lane, type QueuedTask, type TaskQueue } from "./taskQueue.ts";
import { oxigraphWorkerEntry } from "./workerBundle.ts";
import { ThreadPriority } from "./threadPriority.ts";
import type { GraphChange, LoadFailure, StoreSource, WorkerAnswer, WorkerFailure, WorkerInit, WorkerMessage, WorkerRequest } from "./workerProtocol.ts";

/** The request as callers give it; the pool numbers it. */
export type PoolRequest = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

export interface RunOptions {
  lane?: Lane;
  client?: string;
}

export interface PoolTask extends QueuedTask {
  request: PoolRequest;
  deadlineMs: number;
  resolve: (answer: WorkerAnswer) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
  /** Lowers its worker's CPU priority once it has run `longMs`. */
  lowerTimer?: NodeJS.Timeout;
  slot?: Slot;
  startedAt?: number;
}

interface Slot {
  worker: Worker;
  role: "serving" | "extra" | "spare";
  state: "loading" | "idle" | "busy" | "dead";
  task?: PoolTask;
  spawnedAt: number;
  /** When this slot was called in to replace a terminated one. */
  calledAt?: number;
  retireTimer?: NodeJS.Timeout;
  /** The worker's thread id in the operating system, and whether its CPU priority is lowered now. */
  thread?: number;
  lowered: boolean;
}

/** A graph change under way: the worker trying it first, then the ones still to apply it. */
interface PendingChange {
  seq: number;
  change: GraphChange;
  /** The worker trying it first; undefined once it took the change (or while none is picked). */
  first?: Slot;
  tries: number;
  taken: boolean;
  /** Loaded workers that have still to apply a change the first one took. */
  waiting: Set<Slot>;
  done: (error?: Error) => void;
}

/** A change whose first worker keeps being stopped before it answers is refused after this many tries. */
const MAX_CHANGE_TRIES = 3;

export interface PoolStats {
  workers: number;
  triples: number;
  /** Time the slowest initial worker took from spawn to ready. */
  startMs: number;
  /** From creating the pool to the first worker answering. */
  firstAnswerMs?: number;
  replacements: number;
  /** From terminating a worker to its replacement being ready: ~0 when a loaded spare or extra stood by. */
  lastReplacementMs?: number;
  /** Spawn-to-ready time of the latest spare or extra worker (what a replacement costs without one). */
  spareLoadMs?: number;
  /** Extra workers loaded because every worker was held by a long request. */
  extraSpawns: number;
  /** Triples read per file label by the first worker (health shows them). */
  fileTriples: Record<string, number>;
  /** Counts graph changes (uploads, deletions): the data's version, for ETags. */
  dataVersion: number;
  /** How the workers start: one esbuild bundle, or tsx in each. */
  entry: "bundle" | "tsx";
}

export interface PoolOptions {
  spare?: boolean | "lazy" | "loaded" | "none";
  /** A request running this long on every worker calls in a lazy extra (default 1000 ms). */
  longMs?: number;
  /** An idle extra worker is retired after this long with nothing long running (default 10 s). */
  retireMs?: number;
  /** The waiting line (default LaneQueue). */
  queue?: TaskQueue<PoolTask>;
  /** Bytes per batch when a worker reads a line-based file (tests make it small). */
  batchBytes?: number;
  /** Heap bound of each worker's JavaScript side, in MB (resourceLimits); none by default. */
  heapMb?: number;
}

export class WorkerPool {
  readonly ready: Promise<void>;
  readonly stats: PoolStats;
  private readonly slots: Slot[] = [];
  /** The lazy extra worker or the loaded spare (at most one). */
  private standby: Slot | undefined;
  private readonly spareMode: "lazy" | "loaded" | "none";
  private readonly longMs: number;
  private readonly retireMs: number;
  private readonly queue: TaskQueue<PoolTask>;
  private nextId = 1;
  private closed = false;
  private isReady = false;
  private readyWaiters: { resolve: () => void; reject: (error: Error) => void; pending: number } | undefined;
  /** Tasks asked during the initial load: their deadlines start when the store is ready. */
  private readonly awaitingReady: PoolTask[] = [];
  /** Named graphs added or dropped since start; a later spawn replays them, so every worker stays in step. */
  private readonly changes: GraphChange[] = [];
  /** The graph change under way, and the chain the next one waits on. */
  private pendingChange: PendingChange | undefined;
  private changeChain: Promise<void> = Promise.resolve();
  private nextSeq = 1;
  private readonly priority = new ThreadPriority();
  private spawned = 0;
  private progress: { bytes: number; totalBytes: number; triples: number; at: number } | undefined;
  private readonly startedAt = performance.now();

  constructor(
    private readonly sources: StoreSource[],
    size: number,
    private readonly options: PoolOptions = {},
  ) {
    const spare = options.spare ?? "lazy";
    this.spareMode = spare === true ? "loaded" : spare === false ? "none" : spare;
    this.longMs = options.longMs ?? 1000;
    this.retireMs = options.retireMs ?? 10_000;
    this.queue = options.queue ?? new LaneQueue<PoolTask>();
    this.stats = { workers: size, triples: 0, startMs: 0, replacements: 0, extraSpawns: 0, fileTriples: {}, dataVersion: 0, entry: oxigraphWorkerEntry().how };
    this.ready = new Promise<void>((resolve, reject) => {
      this.readyWaiters = { resolve, reject, pending: size };
    });
    this.answering = new Promise<void>((resolve, reject) => {
      this.answeringWaiters = { resolve, reject };
    });
    // One worker loads first, alone: on a busy machine parallel loads would slow the first answer,
    // and the load's peak memory comes once at a time. The others load once it answers.
    this.slots.push(this.spawn("serving"));
    this.answering.then(
      () => {
        this.isReady = true;
        for (const task of this.awaitingReady.splice(0)) this.startDeadline(task);
        for (let index = 1; index < size && !this.closed; index++) this.slots.push(this.spawn("serving"));
        this.pump();
      },
      () => {},
    );
    this.ready.then(
      () => {
        // The loaded spare comes after the start, so it never slows it.
        if (this.spareMode === "loaded" && !this.closed) this.standby = this.spawn("spare");
      },
      (error: Error) => {
        this.answeringWaiters?.reject(error);
        for (const task of this.queue.drain()) this.settle(task, error);
        this.awaitingReady.length = 0;
      },
    );
  }

  /** Resolves when the first worker has loaded and requests are answered (the others may still load). */
  readonly answering: Promise<void>;
  private answeringWaiters: { resolve: () => void; reject: (error: Error) => void } | undefined;

  run(request: PoolRequest, deadlineMs: number, options: RunOptions = {}): Promise<WorkerAnswer> {
    if (this.closed) return Promise.reject(new EngineClosedError());
    return new Promise<WorkerAnswer>((resolve, reject) => {
      const task: PoolTask = { id: this.nextId++, lane: options.lane ?? "user", client: options.client, askedAt: performance.now(), request, deadlineMs, resolve, reject };
      try {
        this.queue.push(task);
      } catch (error) {
        reject(error as Error);
        return;
      }
      if (this.isReady) this.startDeadline(task);
      else this.awaitingReady.push(task);
      this.pump();
      if (this.spareMode === "lazy") this.callExtraIfHeld();
    });
  }

  /** How far the initial load is; undefined once the store is ready. */
  loadProgress(): LoadProgress | undefined {
    if (this.isReady || this.closed) return undefined;
    const { bytes, totalBytes, triples, at } = this.progress ?? { bytes: 0, totalBytes: 0, triples: 0, at: this.startedAt };
    const fraction = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
    const seconds = (at - this.startedAt) / 1000;
    const triplesPerSecond = seconds > 0 ? triples / seconds : 0;
    const bytesPerSecond = seconds > 0 ? bytes / seconds : 0;
    return { fraction, triples, triplesPerSecond, etaSeconds: bytesPerSecond > 0 ? (totalBytes - bytes) / bytesPerSecond : undefined };
  }

  /** True while the initial load runs. */
  get loading(): boolean {
    return !this.isReady && !this.closed;
  }

  /**
   * Adds or drops a named graph in every worker, loading ones included, all or nothing (see the
   * header): resolves once every loaded worker has applied it (stats.triples then holds the new
   * size); rejects with GraphChangeError when the engine refused it, and then no worker has it.
   * Workers apply it between requests, in order, so later requests see it.
   */
  changeGraph(change: GraphChange): Promise<void> {
    if (this.closed) return Promise.reject(new EngineClosedError());
    const result = this.changeChain.then(() => this.startChange(change));
    this.changeChain = result.catch(() => {});
    return result;
  }

  private startChange(change: GraphChange): Promise<void> {
    if (this.closed) return Promise.reject(new EngineClosedError());
    this.stats.dataVersion++;
    return new Promise<void>((resolve, reject) => {
      const pending: PendingChange = {
        seq: this.nextSeq++,
        change: change.kind === "addGraph" ? { kind: "addGraph", graph: change.graph, chunks: change.chunks } : { kind: "dropGraph", graph: change.graph },
        tries: 0,
        taken: false,
        waiting: new Set(),
        done: (error) => {
          if (this.pendingChange !== pending) return;
          this.pendingChange = undefined;
          // Counted again once over, so a view made while the change was under way is never tagged as the new data.
          this.stats.dataVersion++;
          if (error) reject(error);
          else resolve();
        },
      };
      this.pendingChange = pending;
      this.offerChange(pending);
    });
  }

  /** Hands the change to one worker to try first: an idle one if any, else a busy one, else one loading. */
  private offerChange(pending: PendingChange): void {
    if (this.closed) return pending.done(new EngineClosedError());
    const candidates = this.slots.filter((slot) => slot.state !== "dead");
    const first = candidates.find((slot) => slot.state === "idle") ?? candidates.find((slot) => slot.state === "busy") ?? candidates[0];
    if (!first || ++pending.tries > MAX_CHANGE_TRIES) {
      return pending.done(new GraphChangeError(`the query workers were stopped ${pending.tries - 1} times while applying it (deadlines or the memory cap)`));
    }
    pending.first = first;
    first.worker.postMessage({ ...pending.change, seq: pending.seq });
  }

  private onChanged(slot: Slot, seq: number, triples: number): void {
    const pending = this.pendingChange;
    if (!pending || pending.seq !== seq) return;
    this.stats.triples = triples;
    if (!pending.taken) {
      if (slot !== pending.first) return;
      pending.taken = true;
      pending.first = undefined;
      // Keep only the latest change per graph, so the replay list does not grow with every re-upload.
      const earlier = this.changes.findIndex((old) => old.graph === pending.change.graph);
      if (earlier >= 0) this.changes.splice(earlier, 1);
      this.changes.push(pending.change);
      for (const other of this.live()) {
        if (other === slot) continue;
        other.worker.postMessage({ ...pending.change, seq });
        // A worker still loading applies it once loaded, before any request; nobody waits for that.
        if (other.state !== "loading") pending.waiting.add(other);
      }
    } else pending.waiting.delete(slot);
    if (pending.waiting.size === 0) pending.done();
  }

  private onChangeFailed(slot: Slot, seq: number, failure: WorkerFailure): void {
    const pending = this.pendingChange;
    // The request posted after the change has not run: back in the line for another worker,
    // unless its answer's port went to this worker with it (a port is transferred only once).
    const task = slot.task;
    if (task) {
      slot.task = undefined;
      task.slot = undefined;
      task.startedAt = undefined;
      clearTimeout(task.lowerTimer);
      try {
        if (task.request.kind === "stream") throw new WorkerRebuiltError();
        this.queue.push(task);
      } catch (error) {
        this.settle(task, error as Error);
      }
    }
    const refused = pending !== undefined && pending.seq === seq && !pending.taken && slot === pending.first;
    if (refused) pending.first = undefined;
    // Its store may hold half the change: rebuilt from the files (with the change only if another worker took it).
    this.replace(slot);
    if (refused) pending.done(new GraphChangeError(failure.message));
  }

  /** A worker left the pool (stopped, crashed, retired): a change it held goes on without it. */
  private forgetInChange(slot: Slot): void {
    const pending = this.pendingChange;
    if (!pending) return;
    if (pending.first === slot) {
      pending.first = undefined;
      this.offerChange(pending);
    } else if (pending.waiting.delete(slot) && pending.waiting.size === 0) pending.done();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.drain()) this.settle(task, new EngineClosedError());
    this.readyWaiters?.reject(new EngineClosedError());
    this.pendingChange?.done(new EngineClosedError());
    await Promise.all(
      this.live().map((slot) => {
        if (slot.task) this.settle(slot.task, new EngineClosedError());
        clearTimeout(slot.retireTimer);
        slot.state = "dead";
        return slot.worker.terminate();
      }),
    );
  }

  private live(): Slot[] {
    return [...this.slots, ...(this.standby ? [this.standby] : [])].filter((slot) => slot.state !== "dead");
  }

  private spawn(role: Slot["role"]): Slot {
    const entry = oxigraphWorkerEntry();
    // The heap bound covers the JavaScript side (result strings); WASM memory is the watchdog's.
    const resourceLimits = this.options.heapMb ? { maxOldGenerationSizeMb: this.options.heapMb } : undefined;
    // Every worker but the very first loads at a low priority, beside the ones answering.
    const lowPriority = this.priority.available && this.spawned++ > 0;
    const init: WorkerInit = { sources: this.sources, changes: [...this.changes], batchBytes: this.options.batchBytes, lowPriority };
    const worker = new Worker(entry.code, { eval: entry.eval, resourceLimits, workerData: init });
    const slot: Slot = { worker, role, state: "loading", spawnedAt: performance.now(), lowered: lowPriority };
    worker.on("message", (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on("error", (error) => this.onCrash(slot, error));
    worker.on("exit", (code) => {
      if (slot.state !== "dead") this.onCrash(slot, new Error(`Oxigraph worker exited with code ${code}`));
    });
    return slot;
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (slot.state === "dead") return;
    switch (message.type) {
      case "progress":
        if (!this.isReady && slot === this.slots[0]) this.progress = { ...message, at: performance.now() };
        return;
      case "loadFailed":
        return this.onLoadFailed(slot, message.failure);
      case "changed":
        return this.onChanged(slot, message.seq, message.triples);
      case "changeFailed":
        return this.onChangeFailed(slot, message.seq, message.failure);
      case "ready":
        slot.thread = message.thread;
        return this.onReady(slot, message.triples, message.fileTriples);
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
    this.finish(slot);
    if (message.type === "answer") this.settle(task, undefined, message.answer);
    else this.settle(task, toError(message.failure));
    this.pump();
  }

  private onReady(slot: Slot, triples: number, fileTriples: Record<string, number>): void {
    const now = performance.now();
    this.stats.triples = triples;
    slot.state = "idle";
    this.raise(slot);
    if (slot.role !== "serving" || slot.calledAt !== undefined) this.stats.spareLoadMs = now - slot.spawnedAt;
    if (slot.calledAt !== undefined) this.stats.lastReplacementMs = now - slot.calledAt;
    else if (this.readyWaiters && slot.role === "serving") {
      if (this.answeringWaiters) {
        this.stats.fileTriples = fileTriples;
        this.stats.firstAnswerMs = now - this.startedAt;
        this.answeringWaiters.resolve();
        this.answeringWaiters = undefined;
      }
      this.stats.startMs = Math.max(this.stats.startMs, now - slot.spawnedAt);
      if (--this.readyWaiters.pending === 0) {
        this.readyWaiters.resolve();
        this.readyWaiters = undefined;
      }
    }
    if (slot.role === "extra") this.scheduleRetire(slot);
    this.pump();
  }

  private onLoadFailed(slot: Slot, failure: LoadFailure): void {
    slot.state = "dead";
    void slot.worker.terminate();
    const error = new RdfSyntaxError(failure.file, failure.line, failure.column, failure.detail);
    if (this.readyWaiters) {
      this.readyWaiters.reject(error);
      this.readyWaiters = undefined;
      return;
    }
    // The files loaded before and do not now: nothing to retry with; say so once.
    console.error(`A replacement query worker could not load the data: ${error.message}`);
    if (slot === this.standby) this.standby = undefined;
    this.forgetInChange(slot);
  }

  private onCrash(slot: Slot, error: Error): void {
    if (slot.state === "dead") return;
    if (slot === this.standby) {
      // A lost spare or extra is not replaced until it is needed again.
      slot.state = "dead";
      this.standby = undefined;
      const task = slot.task;
      void slot.worker.terminate();
      if (task) this.settle(task, error);
      this.forgetInChange(slot);
      this.pump();
      return;
    }
    if (slot.state === "loading" && this.readyWaiters) {
      // A worker that cannot load its data will not do better a second time: no respawn loop.
      slot.state = "dead";
      void slot.worker.terminate();
      this.readyWaiters.reject(error);
      this.readyWaiters = undefined;
      return;
    }
    const task = slot.task;
    this.replace(slot);
    if (task) this.settle(task, (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? new MemoryCapError(`the worker's heap bound (${this.options.heapMb} MB)`) : error);
  }

  /** Dead slot out; the standby (a lazy extra or the loaded spare) or a fresh worker in. */
  private replace(slot: Slot): void {
    slot.state = "dead";
    slot.task = undefined;
    void slot.worker.terminate();
    if (this.closed) return;
    this.stats.replacements++;
    if (slot === this.standby) {
      // The extra itself ran the runaway request: nothing to stand in for.
      this.standby = undefined;
      this.forgetInChange(slot);
      this.pump();
      return;
    }
    const next = this.standby ?? this.spawn("serving");
    this.standby = undefined;
    clearTimeout(next.retireTimer);
    next.role = "serving";
    next.calledAt = performance.now();
    this.slots[this.slots.indexOf(slot)] = next;
    if (next.state === "idle") this.stats.lastReplacementMs = 0;
    if (this.spareMode === "loaded") this.standby = this.spawn("spare");
    this.forgetInChange(slot);
    this.pump();
  }

  private startDeadline(task: PoolTask): void {
    task.timer = setTimeout(() => this.expire(task), task.deadlineMs);
  }

  private expire(task: PoolTask): void {
    if (!this.queue.remove(task) && task.slot && task.slot.task === task) {
      this.queue.onDeadline?.(task);
      this.replace(task.slot);
    }
    this.settle(task, new DeadlineError(task.deadlineMs));
  }

  /** Requests running on a worker now (the memory watchdog picks from them). */
  running(): readonly PoolTask[] {
    // A worker loading its store grows the process by a whole store (the second worker after the
    // start, a rebuild, the lazy extra): not a query's doing. While one loads, report nothing
    // running, so the memory watchdog takes the size as its idle baseline instead of stopping a query.
    if (this.live().some((slot) => slot.state === "loading")) return [];
    return this.live().flatMap((slot) => (slot.state === "busy" && slot.task ? [slot.task] : []));
  }

  /** Stops a running request as its deadline would: its worker is terminated and rebuilt, the caller gets `error`. */
  abort(task: PoolTask, error: Error): void {
    if (!task.slot || task.slot.task !== task) return;
    this.replace(task.slot);
    this.settle(task, error);
  }

  private settle(task: PoolTask, error: Error | undefined, answer?: WorkerAnswer): void {
    clearTimeout(task.timer);
    clearTimeout(task.lowerTimer);
    if (error) task.reject(error);
    else task.resolve(answer!);
  }

  private finish(slot: Slot): void {
    slot.task = undefined;
    slot.state = "idle";
    this.raise(slot);
    if (this.standby?.role === "extra" && this.standby.state === "idle") this.scheduleRetire(this.standby);
  }

  private pump(): void {
    if (!this.isReady || this.closed) return;
    const workers = [...this.slots, ...(this.standby?.role === "extra" ? [this.standby] : [])];
    for (;;) {
      const idle = workers.filter((slot) => slot.state === "idle");
      if (idle.length === 0 || this.queue.length === 0) return;
      const running = workers.flatMap((slot) => (slot.task ? [slot.task] : []));
      const task = this.queue.take({ running, idleWorkers: idle.length, workers: workers.filter((slot) => slot.state === "idle" || slot.state === "busy").length });
      if (!task) return;
      const slot = idle[0]!;
      clearTimeout(slot.retireTimer);
      slot.state = "busy";
      slot.task = task;
      task.slot = slot;
      task.startedAt = performance.now();
      // A streamed answer's port goes with its request (transferred, not copied).
      slot.worker.postMessage({ ...task.request, id: task.id }, task.request.kind === "stream" ? [task.request.port] : []);
      this.lowerWhenLong(slot, task);
      if (this.spareMode === "lazy") this.callExtraIfHeld();
    }
  }

  /**
   * A request that runs long (or the server's own background work, at once) runs at a low CPU
   * priority, so short requests on the other workers and the main thread go first when the
   * cores are all taken (threadPriority.ts).
   */
  private lowerWhenLong(slot: Slot, task: PoolTask): void {
    if (!this.priority.available) return;
    const lower = () => {
      if (slot.task === task && slot.state === "busy") slot.lowered = this.priority.lower(slot.thread) || slot.lowered;
    };
    if (task.lane === "background") return lower();
    task.lowerTimer = setTimeout(lower, this.longMs);
    task.lowerTimer.unref();
  }

  private raise(slot: Slot): void {
    if (slot.lowered && this.priority.restore(slot.thread)) slot.lowered = false;
  }

  /**
   * Every serving worker held by a long request and someone waiting: load one extra worker to
   * answer the rest. All busy but not all long yet: look again when the newest turns long. That
   * check is a timer of its own, re-armed until the moment has come by this clock: a timer set
   * for `longMs` may fire a few ms early by performance.now() (libuv counts from the loop's cached
   * time, older the busier the loop), and a check that then said "not yet" once left the waiting
   * requests to sit out the long ones' deadlines.
   */
  private callExtraIfHeld(): void {
    clearTimeout(this.extraCheck);
    this.extraCheck = undefined;
    if (this.closed || !this.isReady || this.standby || this.queue.length === 0) return;
    if (!this.slots.every((slot) => slot.state === "busy" && slot.task?.startedAt !== undefined)) return;
    const now = performance.now();
    const longIn = Math.max(...this.slots.map((slot) => slot.task!.startedAt! + this.longMs - now));
    if (longIn > 0) {
      this.extraCheck = setTimeout(() => this.callExtraIfHeld(), Math.ceil(longIn) + 1);
      this.extraCheck.unref();
      return;
    }
    this.stats.extraSpawns++;
    this.standby = this.spawn("extra");
  }

  private extraCheck: NodeJS.Timeout | undefined;

  /** An idle extra worker goes once nothing long runs for `retireMs`: back to one copy per worker. */
  private scheduleRetire(slot: Slot): void {
    clearTimeout(slot.retireTimer);
    slot.retireTimer = setTimeout(() => {
      if (slot !== this.standby || slot.state !== "idle") return;
      const now = performance.now();
      if (this.slots.some((other) => other.state === "busy" && other.task?.startedAt !== undefined && now - other.task.startedAt >= this.longMs)) return this.scheduleRetire(slot);
      slot.state = "dead";
      this.standby = undefined;
      void slot.worker.terminate();
      this.forgetInChange(slot);
    }, this.retireMs);
    slot.retireTimer.unref();
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
