import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../server/test/testServer.ts";
import { CATEGORY_NAMES, hostileRequests } from "./hostileRequests.ts";
import { settledHeapMb, startFuzzServer } from "./fuzzServer.ts";
import { runFuzz } from "./runFuzz.ts";

// A full collection before each heap reading, so the comparison is of live objects, not garbage.
setFlagsFromString("--expose-gc");
(globalThis as { gc?: unknown }).gc ??= runInNewContext("gc");

const SEED = 20261124;
const COUNT = 1500;

let server: TestServer;
beforeAll(async () => {
  server = await startFuzzServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe("hostile requests", () => {
  it("are the same for the same seed and cover every category", () => {
    const first = [...hostileRequests(7, 100)].map((r) => `${r.method} ${r.path} ${r.body?.length ?? 0}`);
    const again = [...hostileRequests(7, 100)].map((r) => `${r.method} ${r.path} ${r.body?.length ?? 0}`);
    expect(again).toEqual(first);
    expect(new Set([...hostileRequests(7, 100)].map((r) => r.category))).toEqual(new Set(CATEGORY_NAMES));
  });

  it(`get a 4xx with a message (or the deadline's 503) for each of ${COUNT}, never a 500, and the server keeps its health and memory`, async () => {
    await runFuzz(server.url, { seed: SEED + 1, count: 150 });
    const warm = await settledHeapMb();
    const report = await runFuzz(server.url, { seed: SEED, count: COUNT });
    const after = await settledHeapMb();
    console.log(`fuzz: ${report.sent} sent; by status ${JSON.stringify(report.byStatus)}; heap ${warm.toFixed(1)} → ${after.toFixed(1)} MB`);
    expect(report.sent).toBe(COUNT);
    expect(report.failures).toEqual([]);
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    // Generous: the test's own strings (1 MB queries, 5 MB bodies) come and go; a leak per
    // request would grow with the count.
    expect(after - warm).toBeLessThan(150);
  }, 120_000);
});
