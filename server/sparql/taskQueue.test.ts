import { describe, expect, it } from "vitest";
import { LaneQueue, type QueuedTask } from "./taskQueue.ts";

let ids = 0;
const task = (lane: QueuedTask["lane"]): QueuedTask => ({ id: ++ids, lane, askedAt: performance.now() });

describe("the default task queue (two lanes)", () => {
  it("runs user requests in order, before any background work asked earlier", () => {
    const queue = new LaneQueue<QueuedTask>();
    const background = task("background");
    const first = task("user");
    const second = task("user");
    for (const t of [background, first, second]) queue.push(t);
    expect(queue.take({ running: [], idleWorkers: 2, workers: 2 })).toBe(first);
    expect(queue.take({ running: [], idleWorkers: 2, workers: 2 })).toBe(second);
    expect(queue.take({ running: [], idleWorkers: 2, workers: 2 })).toBe(background);
    expect(queue.length).toBe(0);
  });

  it("never lets background work take the last free worker of several, nor run two background tasks at once", () => {
    const queue = new LaneQueue<QueuedTask>();
    const [one, two] = [task("background"), task("background")];
    queue.push(one);
    queue.push(two);
    expect(queue.take({ running: [task("user")], idleWorkers: 1, workers: 2 })).toBeUndefined();
    expect(queue.take({ running: [], idleWorkers: 2, workers: 2 })).toBe(one);
    expect(queue.take({ running: [one], idleWorkers: 1, workers: 2 })).toBeUndefined();
    // With a single worker, background work runs whenever it is idle (a user waits at most one task).
    expect(queue.take({ running: [], idleWorkers: 1, workers: 1 })).toBe(two);
  });

  it("takes a queued task out when its deadline passes", () => {
    const queue = new LaneQueue<QueuedTask>();
    const t = task("user");
    queue.push(t);
    expect(queue.remove(t)).toBe(true);
    expect(queue.remove(t)).toBe(false);
    expect(queue.take({ running: [], idleWorkers: 1, workers: 1 })).toBeUndefined();
  });
});
