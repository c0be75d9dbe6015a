/**
 * Idle collection
 * ===============
 * A full garbage collection once the view thread goes idle after work that grew its heap. V8
 * does not collect an idle worker's heap on its own: at a million triples the thread kept the
 * graph model build's garbage (the read answers and their rows, ~430 MB of the process's RSS)
 * for as long as it lived, because nothing allocated afterwards to start a collection. (The main
 * thread and the query workers, measured the same way, kept no such garbage.) `gc` is exposed
 * the way jest's leak detector does it: the flag set at run time, the function taken from a new
 * context.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Quiet this long after the last view before collecting: a burst of requests is not interrupted. */
const IDLE_MS = 500;

/** Collect only when the heap grew this much since the last collection. */
const GROWTH_BYTES = 32 * 1024 * 1024;

/**
 * V8 gives a collection's freed pages back over later collections, so more follow a few seconds
 * apart while each still shrinks the heap by a few MB (at 1M triples three passes took the RSS
 * from 1.92 to ~1.5 GB where one stopped at 1.63 GB).
 */
const PASSES = 4;
const PASS_GAP_MS = 2000;
const SHRINK_BYTES = 8 * 1024 * 1024;

let collect: (() => void) | undefined;
function collector(): () => void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  return collect;
}

export class IdleCollection {
  private busy = 0;
  private timer?: NodeJS.Timeout;
  private after = getHeapStatistics().used_heap_size;
  /** Collections made, for tests and benchmarks. */
  collections = 0;

  constructor(private readonly options: { idleMs?: number; growthBytes?: number } = {}) {}

  /** A view started. */
  begin(): void {
    this.busy++;
    clearTimeout(this.timer);
  }

  /** A view ended: when none runs any more, collect after a quiet moment if the heap grew. */
  end(): void {
    if (--this.busy > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collectIfGrown(), this.options.idleMs ?? IDLE_MS);
    this.timer.unref();
  }

  private collectIfGrown(): void {
    if (this.busy > 0 || getHeapStatistics().used_heap_size - this.after < (this.options.growthBytes ?? GROWTH_BYTES)) return;
    this.pass(PASSES);
  }

  private pass(left: number): void {
    if (this.busy > 0) return;
    const before = getHeapStatistics().total_heap_size;
    collector()();
    this.collections++;
    const heap = getHeapStatistics();
    this.after = heap.used_heap_size;
    if (left > 1 && before - heap.total_heap_size >= SHRINK_BYTES) {
      this.timer = setTimeout(() => this.pass(left - 1), PASS_GAP_MS);
      this.timer.unref();
    }
  }
}
