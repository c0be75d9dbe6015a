/**
 * Lanes
 * =====
 * Marks the server's own work (start-up graph preparation, precomputed views) as background, so
 * its queries run only when no user request waits (taskQueue.ts). An async context rather than a
 * parameter: the view code that issues those queries is shared with user requests and need not
 * know who it runs for.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Lane } from "./taskQueue.ts";

const lane = new AsyncLocalStorage<Lane>();

/** Runs `work` with every engine query it makes in the background lane. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return lane.run("background", work);
}

/** The lane of the current async context ("user" outside inBackground). */
export function currentLane(): Lane {
  return lane.getStore() ?? "user";
}
