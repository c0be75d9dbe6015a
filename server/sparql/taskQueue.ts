/**
 * Task queue
 * ==========
 * The seam between the worker pool and whatever decides which waiting request runs next. The
 * pool owns the workers (spawning, deadlines, replacement); a TaskQueue owns the waiting line.
 * The default, LaneQueue, has two lanes: user requests first, in order; background work (the
 * start-up graph preparation, view precomputation) only when no user request waits, no other
 * background task runs and another worker stays free for users (with one worker: when it is
 * idle), so it never queues ahead of a user and never holds every worker.
 * A scheduler with limits or per-client fairness implements the same interface (push may throw
 * to refuse a request; the pool hands that error to the caller).
 */

/** "user": a request someone waits for; "background": work the server does for itself. */
export type Lane = "user" | "background";

/** What a queue may know about a task; the pool's own tasks carry more. */
export interface QueuedTask {
  readonly id: number;
  readonly lane: Lane;
  /** Who asked (an address or a token); undefined for the server's own work. */
  readonly client?: string;
  /** performance.now() when it was asked. */
  readonly askedAt: number;
}

export interface DispatchContext<T extends QueuedTask> {
  /** Tasks running on a worker now. */
  running: readonly T[];
  /** Workers ready to take a task now (at least one when take is called). */
  idleWorkers: number;
  /** Serving workers loaded and answering (busy or idle). */
  workers: number;
}

export interface TaskQueue<T extends QueuedTask> {
  /** Adds a task; may throw (a full queue) to refuse it. */
  push(task: T): void;
  /** The task to run next on an idle worker, removed from the queue; undefined = none may run now. */
  take(context: DispatchContext<T>): T | undefined;
  /** Takes a task out (its deadline passed, or the engine closed); false when it was not queued. */
  remove(task: T): boolean;
  /** Every queued task, in no particular order (for closing). */
  drain(): T[];
  /** A running task was stopped at its deadline (a scheduler may hold it against its client). */
  onDeadline?(task: T): void;
  readonly length: number;
}

export class LaneQueue<T extends QueuedTask> implements TaskQueue<T> {
  protected readonly user: T[] = [];
  protected readonly background: T[] = [];

  get length(): number {
    return this.user.length + this.background.length;
  }

  push(task: T): void {
    (task.lane === "background" ? this.background : this.user).push(task);
  }

  take({ running, idleWorkers, workers }: DispatchContext<T>): T | undefined {
    if (this.user.length > 0) return this.user.shift();
    const leavesOneFree = workers === 1 || idleWorkers >= 2;
    if (this.background.length > 0 && leavesOneFree && !running.some((task) => task.lane === "background")) return this.background.shift();
    return undefined;
  }

  remove(task: T): boolean {
    for (const lane of [this.user, this.background]) {
      const at = lane.indexOf(task);
      if (at >= 0) {
        lane.splice(at, 1);
        return true;
      }
    }
    return false;
  }

  drain(): T[] {
    return [...this.user.splice(0), ...this.background.splice(0)];
  }
}
