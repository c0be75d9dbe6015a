import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedTriples, startTestServer, type TestServer } from "../test/testServer.ts";

const SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }";
const SIMPLE = "ASK { <http://example.org/s1> ?p ?o }";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ documents: { "big.nt": generatedTriples(7000) }, workers: 2, deadlineMs: 1500, fair: true, rateLimit: { sparqlPerMinute: 0 } });
});
afterAll(() => server.close());

/** A query from a loopback address of its own: the scheduler tells clients apart by address. */
function query(text: string, from: string, target = server): Promise<{ status: number; ms: number; body: string; retryAfter?: string }> {
  return get(`/sparql?query=${encodeURIComponent(text)}`, from, target);
}

function get(path: string, from: string, target = server): Promise<{ status: number; ms: number; body: string; retryAfter?: string }> {
  const url = new URL(target.url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, localAddress: from, headers: { Accept: "application/sparql-results+json" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, ms: performance.now() - started, body, retryAfter: res.headers["retry-after"] as string | undefined }));
    });
    req.on("error", reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
}

async function simpleLatencies(count: number): Promise<number[]> {
  const latencies: number[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await query(SIMPLE, "127.0.0.3");
    statuses.push(answer.status);
    latencies.push(answer.ms);
    await sleep(100);
  }
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  return latencies;
}

describe("one client's slow queries", () => {
  // The idle baseline is measured before and after the flood, and the larger taken: the suite
  // runs other test files beside this one on a shared 2-core machine, and their bursts land in
  // either phase. One retry for the same reason; a scheduler that starves other clients (8× and
  // more before the fix) fails every round.
  it("leave other clients' simple queries at p99 under 3× idle while 36 slow queries a minute arrive", { retry: 1, timeout: 150_000 }, async () => {
    const before = p99(await simpleLatencies(60));
    let sending = true;
    const slow: Promise<unknown>[] = [];
    const flood = (async () => {
      while (sending) {
        slow.push(query(SLOW, "127.0.0.2"));
        await sleep(60_000 / 36);
      }
    })();
    let busy: number;
    // Stopped and drained however the measurement ends: a flood left running past a failed
    // attempt would overlap the retry and outlive the server.
    try {
      await sleep(2000);
      busy = p99(await simpleLatencies(60));
    } finally {
      sending = false;
      await flood;
      await Promise.allSettled(slow);
    }
    const outcomes = (await Promise.all(slow)) as { status: number }[];
    const idle = Math.max(before, p99(await simpleLatencies(60)));
    console.log(`fairness: simple-query p99 idle ${idle.toFixed(1)} ms, under 36 slow/min ${busy.toFixed(1)} ms (×${(busy / idle).toFixed(2)}); slow answers ${JSON.stringify(outcomes.map((o) => o.status))}`);
    expect(outcomes.every((o) => o.status === 503)).toBe(true);
    // A floor of 25 ms: on an idle loopback the baseline is a few milliseconds, where scheduling
    // noise of the shared machine alone is larger than 3×.
    expect(busy).toBeLessThan(3 * Math.max(idle, 25));
  });

  it("fill only their own share of the queue: past it they get 503 with Retry-After at once", async () => {
    const answers = await Promise.all(Array.from({ length: 24 }, () => query(SLOW, "127.0.0.4")));
    const refused = answers.filter((answer) => answer.status === 503 && /QUEUE_FULL/.test(answer.body));
    expect(refused.length).toBeGreaterThan(0);
    // Refused at once: before any accepted slow query ran into its deadline.
    const accepted = answers.filter((answer) => !refused.includes(answer));
    expect(refused.every((answer) => answer.retryAfter === "5")).toBe(true);
    expect(Math.max(...refused.map((answer) => answer.ms))).toBeLessThan(Math.min(...accepted.map((answer) => answer.ms)));
    expect((await query(SIMPLE, "127.0.0.5")).status).toBe(200);
  }, 120_000);
});

describe("a 1 KB query that builds gigabytes", () => {
  let roomy: TestServer;
  // A deadline long enough that memory, not time, is what stops the query.
  beforeAll(async () => {
    roomy = await startTestServer({ documents: { "a.nt": generatedTriples(10) }, workers: 1, deadlineMs: 60_000, memoryCapMb: 768, rateLimit: { sparqlPerMinute: 0 } });
  });
  afterAll(() => roomy.close());

  it("is stopped with 503 MEMORY_CAP before the process grows 1 GB above idle, and the engine keeps answering", async () => {
    const grow = (inner: string, depth: number): string => (depth === 0 ? inner : `REPLACE(${grow(inner, depth - 1)}, "x", "${"x".repeat(30)}")`);
    const bomb = `SELECT (STRLEN(GROUP_CONCAT(?b)) AS ?n) { VALUES ?i { ${Array.from({ length: 200 }, (_, i) => i).join(" ")} } BIND(CONCAT(STR(?i), ${grow('"x"', 5)}) AS ?b) }`;
    expect(bomb.length).toBeLessThan(1024);
    const watchdog = (roomy.engine as unknown as { watchdog: { peakBytes: number; idleBytes: number } }).watchdog;
    const idle = watchdog.idleBytes;
    const answer = await query(bomb, "127.0.0.6", roomy);
    const peakAbove = watchdog.peakBytes - idle;
    console.log(`memory: bomb answered ${answer.status} ${answer.body.slice(0, 40)}; peak ${(peakAbove / 2 ** 20).toFixed(0)} MB above idle (${(idle / 2 ** 20).toFixed(0)} MB), cap 768 MB`);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatch(/MEMORY_CAP/);
    expect(peakAbove).toBeLessThan(2 ** 30);
    expect((await query(SIMPLE, "127.0.0.6", roomy)).status).toBe(200);
  }, 120_000);
});

describe("health asked by a client whose own query runs away", () => {
  it("says ok at once: its trivial probe is the server's, not held to that client's share of the workers", async () => {
    const runaway = query(SLOW, "127.0.0.7");
    const runawaySettled = runaway.catch(() => undefined);
    await sleep(300);
    const health = await get("/api/v1/health", "127.0.0.7").finally(() => runawaySettled);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: "ok" });
    expect(health.ms).toBeLessThan(1000);
    expect((await runaway).status).toBe(503);
  });
});
