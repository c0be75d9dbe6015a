/**
 * Memory watchdog
 * ===============
 * Bounds what running queries may add to the process's memory. Oxigraph evaluates in WASM linear
 * memory, which a worker's resourceLimits do not cover and which only grows (a 1 KB
 * GROUP_CONCAT/REPLACE query took 3.3 GB in 3 s), so the watchdog samples the process's resident
 * size every `sampleMs` and, once it is more than `capBytes` above the last idle sample (no query
 * running), stops the longest-running query the way a deadline does: its worker is terminated
 * (giving its memory back) and rebuilt, and the caller gets MemoryCapError (503). After a stop it
 * waits `graceMs` for the memory to be returned before it judges again.
 *
 * The main thread's own JavaScript heap is left out of the measure: it is not the queries' (the
 * views' model built at start grows it by hundreds of MB at a million triples, and it was read as
 * a runaway query's, stopping one long before its deadline, bench/isolation.ts).
 */
import { CaspianError } from "../../contract/errors.ts";

export class MemoryCapError extends CaspianError {
  readonly code = "MEMORY_CAP";
  constructor(what: string) {
    super(`The query was stopped: it needed more memory than the server allows a query (${what}). Narrow it: fewer rows, shorter strings, no huge GROUP_CONCAT.`);
    this.name = "MemoryCapError";
  }
}

export interface WatchedTask {
  startedAt?: number;
}

export interface WatchdogOptions<T extends WatchedTask> {
  capBytes: number;
  running: () => readonly T[];
  abort: (task: T, error: Error) => void;
  sampleMs?: number;
  graceMs?: number;
  /** Resident bytes of the process (a test may pass its own). */
  rss?: () => number;
  /** Bytes of that which are the main thread's JavaScript heap, not the queries' (0 when a test passes its own rss). */
  ownHeap?: () => number;
}

export interface Watchdog {
  stop(): void;
  /** Highest resident size of the process seen, and its latest size with no query running. */
  readonly peakBytes: number;
  readonly idleBytes: number;
  readonly stopped: number;
}

export function startMemoryWatchdog<T extends WatchedTask>(options: WatchdogOptions<T>): Watchdog {
  const rss = options.rss ?? (() => process.memoryUsage.rss());
  const ownHeap = options.ownHeap ?? (options.rss ? () => 0 : () => process.memoryUsage().heapTotal);
  // What the workers hold: the process less the main thread's heap.
  const queries = (size: number) => size - ownHeap();
  const graceMs = options.graceMs ?? 300;
  let idleWhole = rss();
  let idle = queries(idleWhole);
  let peak = idleWhole;
  let quietUntil = 0;
  let stopped = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const whole = rss();
    peak = Math.max(peak, whole);
    const size = queries(whole);
    const running = options.running();
    if (running.length === 0) {
      idle = size;
      idleWhole = whole;
      return;
    }
    if (size - idle <= options.capBytes || now < quietUntil) return;
    const longest = [...running].sort((a, b) => (a.startedAt ?? now) - (b.startedAt ?? now))[0]!;
    stopped++;
    quietUntil = now + graceMs;
    options.abort(longest, new MemoryCapError(`${Math.round(options.capBytes / 2 ** 20)} MB above idle, --query-memory`));
  }, options.sampleMs ?? 50);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    get peakBytes() {
      return peak;
    },
    get idleBytes() {
      return idleWhole;
    },
    get stopped() {
      return stopped;
    },
  };
}
