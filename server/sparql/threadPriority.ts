/**
 * Thread priority
 * ===============
 * The CPU priority (nice value) of one query worker's thread. The pool lowers it while a worker
 * runs a long request or the server's own background work, and while a worker loads the store
 * after the first: on a machine with fewer cores than busy threads, the main thread and the
 * workers answering short requests then get the CPU first. Measured with bench/isolation.ts: two
 * runaway queries on a 2-core machine took both cores, and everyone else's simple requests waited
 * for the scheduler's time slices.
 *
 * Linux keeps the nice value per thread, so `os.setPriority` on a thread's id moves only that
 * thread. Lowering is always allowed; raising it back needs CAP_SYS_NICE or an RLIMIT_NICE that
 * reaches the process's own value. Without either, a lowered worker would stay slow for good, so
 * then nothing is lowered at all (`available` is false). Elsewhere than Linux, or on any error,
 * the same: priorities are a refinement, never a condition of answering.
 */
import { readFileSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** The nice value of a lowered thread: the lowest there is. */
const LOW = 19;

export class ThreadPriority {
  /** The nice value threads go back to: the process's own. */
  private readonly normal: number;
  readonly available: boolean;

  constructor() {
    let normal = 0;
    try {
      normal = getPriority();
    } catch {
      // keep 0
    }
    this.normal = normal;
    this.available = process.platform === "linux" && mayRaiseTo(normal);
  }

  /** Lowers a thread's priority; false when it could not (no thread id, or not available). */
  lower(thread: number | undefined): boolean {
    return this.set(thread, LOW);
  }

  /** Puts a lowered thread back to the process's priority. */
  restore(thread: number | undefined): boolean {
    return this.set(thread, this.normal);
  }

  private set(thread: number | undefined, nice: number): boolean {
    if (!this.available || thread === undefined) return false;
    try {
      setPriority(thread, nice);
      return true;
    } catch {
      // The thread has just ended (ESRCH), or the rules changed: nothing to do.
      return false;
    }
  }
}

/**
 * Whether this process may raise a thread's priority back to `nice`: CAP_SYS_NICE (bit 23 of the
 * effective capabilities), or an RLIMIT_NICE soft limit of at least 20 - nice.
 */
function mayRaiseTo(nice: number): boolean {
  try {
    const effective = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (effective && (BigInt(`0x${effective}`) >> 23n) & 1n) return true;
    const limit = /^Max nice priority\s+(\S+)/m.exec(readFileSync("/proc/self/limits", "utf8"))?.[1];
    return limit === "unlimited" || Number(limit) >= 20 - nice;
  } catch {
    return false;
  }
}
