import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { IdleCollection } from "./idleCollection.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Garbage as the views' reads leave it: many small objects, dropped once the work is done. */
function leaveGarbage(megabytes: number): number {
  const rows: { value: string }[] = [];
  for (let i = 0; i < megabytes * 10_000; i++) rows.push({ value: `row ${i} of a large answer` });
  return rows.length;
}

describe("idle collection", () => {
  it("collects the garbage finished work left once the thread goes quiet", async () => {
    const idle = new IdleCollection({ idleMs: 50, growthBytes: 8 * 1024 * 1024 });
    idle.begin();
    leaveGarbage(200);
    const before = getHeapStatistics().used_heap_size;
    idle.end();
    await sleep(300);
    expect(idle.collections).toBeGreaterThanOrEqual(1);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 16 * 1024 * 1024);
  });

  it("never collects while work runs, nor when the heap grew less than asked", async () => {
    const idle = new IdleCollection({ idleMs: 50, growthBytes: 8 * 1024 * 1024 });
    idle.begin();
    idle.begin();
    // Held until the end, so the heap has surely grown when the thread goes quiet.
    const held = Array.from({ length: 400_000 }, (_, i) => ({ value: `row ${i} of a large answer` }));
    idle.end();
    await sleep(200);
    expect(idle.collections).toBe(0);
    idle.end();
    await sleep(300);
    expect(idle.collections).toBeGreaterThanOrEqual(1);
    expect(held).toHaveLength(400_000);

    const patient = new IdleCollection({ idleMs: 50, growthBytes: 1024 * 1024 * 1024 });
    patient.begin();
    patient.end();
    await sleep(200);
    expect(patient.collections).toBe(0);
  });
});
