/**
 * Fair scheduler
 * ==============
 * The worker pool's waiting line (a TaskQueue, taskQueue.ts) with limits and fairness, so one
 * client's slow queries cannot deny service to everyone:
 * - bounded: past `maxQueued` waiting requests (or `perClientQueued` from one client) a request
 *   is refused at once with QueueFullError (503 + Retry-After), not after waiting its deadline;
 * - per-client concurrency: one client holds at most `perClientRunning` workers;
 * - a reserved worker: the last idle worker goes only to a client that has nothing running and
 *   no query stopped at its deadline lately, so a cheap request never waits behind another
 *   client's expensive ones;
 * - clients whose queries keep hitting the deadline are slowed first: one worker at most, never
 *   the last idle one, and only when nobody else waits;
 * - among the rest, the client with the fewest running requests goes first, then the oldest.
 * Background work (the server's own) runs only when no user request waits, one at a time.
 * Who the client is comes from the request (its address), set with `withClient` for all the
 * engine queries one HTTP request makes.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { LaneQueue, type DispatchContext, type QueuedTask } from "./taskQueue.ts";
import { CaspianError } from "../../contract/errors.ts";

export class QueueFullError extends CaspianError {
  readonly code = "QUEUE_FULL";
  constructor(message: string) {
    super(message);
    this.name = "QueueFullError";
  }
}

export interface SchedulerOptions {
  /** Workers in the pool (the reserve and the per-client default follow from it). */
  workers: number;
  /** Most requests waiting at once (default 64). */
  maxQueued?: number;
  /** Most requests one client may have waiting (default 16). */
  perClientQueued?: number;
  /** Most workers one client may hold (default: all but one, at least one). */
  perClientRunning?: number;
  /** Deadline hits within `strikeWindowMs` that slow a client (default 2 in 60 s). */
  strikesToSlow?: number;
  strikeWindowMs?: number;
}

const clientContext = new AsyncLocalStorage<string>();

/** Runs `work` with every engine query it makes counted for `client`. */
export function withClient<T>(client: string, work: () => T): T {
  return clientContext.run(client, work);
}

/** The client of the current async context, if any. */
export function currentClient(): string | undefined {
  return clientContext.getStore();
}

/** Tasks without a client (the server's own, or tests calling the engine directly) share one. */
const NOBODY = "";

/** LaneQueue's two lanes (and its remove and drain), with limits and fairness in the user lane. */
export class FairScheduler<T extends QueuedTask> extends LaneQueue<T> {
  private readonly strikes = new Map<string, number[]>();
  private readonly maxQueued: number;
  private readonly perClientQueued: number;
  private readonly perClientRunning: number;
  private readonly strikesToSlow: number;
  private readonly strikeWindowMs: number;

  constructor(private readonly options: SchedulerOptions) {
    super();
    this.maxQueued = options.maxQueued ?? 64;
    this.perClientQueued = options.perClientQueued ?? 16;
    this.perClientRunning = options.perClientRunning ?? Math.max(1, options.workers - 1);
    this.strikesToSlow = options.strikesToSlow ?? 2;
    this.strikeWindowMs = options.strikeWindowMs ?? 60_000;
  }

  override push(task: T): void {
    if (task.lane === "background") {
      this.background.push(task);
      return;
    }
    if (this.user.length >= this.maxQueued) throw new QueueFullError(`The server is busy: ${this.user.length} requests are waiting already. Retry shortly.`);
    const client = task.client ?? NOBODY;
    const waiting = this.user.filter((other) => (other.client ?? NOBODY) === client).length;
    if (client !== NOBODY && waiting >= this.perClientQueued) throw new QueueFullError(`This client has ${waiting} requests waiting already; wait for their answers before sending more.`);
    this.user.push(task);
  }

  override take({ running, idleWorkers, workers }: DispatchContext<T>): T | undefined {
    const held = new Map<string, number>();
    for (const task of running) held.set(task.client ?? NOBODY, (held.get(task.client ?? NOBODY) ?? 0) + 1);
    const now = performance.now();
    const lastWorker = idleWorkers === 1 && this.options.workers > 1;
    const slowed = (client: string) => client !== NOBODY && this.recentStrikes(client, now) >= this.strikesToSlow;
    const othersWait = (client: string) => this.user.some((task) => (task.client ?? NOBODY) !== client && !slowed(task.client ?? NOBODY));
    let best: T | undefined;
    let bestHeld = Infinity;
    for (const task of this.user) {
      const client = task.client ?? NOBODY;
      const holding = held.get(client) ?? 0;
      // Slowed: one worker at most, never the last idle one, and only when nobody else waits.
      if (slowed(client) && (holding > 0 || idleWorkers < 2 || othersWait(client))) continue;
      if (client !== NOBODY && holding >= this.perClientRunning) continue;
      // The last idle worker is for clients with nothing running and no query stopped lately.
      if (lastWorker && client !== NOBODY && (holding > 0 || this.recentStrikes(client, now) > 0)) continue;
      // Queue order is arrival order, so the first task at the lowest holding count is the oldest.
      if (holding < bestHeld) {
        best = task;
        bestHeld = holding;
      }
    }
    if (best) {
      this.user.splice(this.user.indexOf(best), 1);
      return best;
    }
    // Background work never takes the last free worker of several (taskQueue.ts LaneQueue's rule).
    if (this.user.length === 0 && this.background.length > 0 && (workers === 1 || idleWorkers >= 2) && !running.some((task) => task.lane === "background")) return this.background.shift();
    return undefined;
  }

  /** A task of this client ran into its deadline: a strike against it. */
  onDeadline(task: T): void {
    if (!task.client) return;
    const now = performance.now();
    this.strikes.set(task.client, [...(this.strikes.get(task.client) ?? []).filter((at) => now - at < this.strikeWindowMs), now]);
  }

  private recentStrikes(client: string, now: number): number {
    const list = this.strikes.get(client);
    if (!list) return 0;
    const recent = list.filter((at) => now - at < this.strikeWindowMs);
    if (recent.length === 0) this.strikes.delete(client);
    else this.strikes.set(client, recent);
    return recent.length;
  }
}
