/**
 * Soak benchmark
 * ==============
 * Five minutes (BENCH_SOAK_SECONDS) of mixed load — graph view, entity pages, search, timeline,
 * simple SPARQL queries and a few bad ones — against the real app and engine in this process
 * (so its heap can be read), with 20 autocannon connections. Heap (after a full collection) and
 * RSS before and after; the heap is read again after a pause, when the last answers are gone.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import autocannon from "autocannon";
import { DEFAULT_SOURCES } from "../server/rdf/loadDatasets.ts";
import { startTestServer } from "../server/test/testServer.ts";
import { round } from "./measure.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const CD = "https://w3id.org/caspian/data/";
const q = (query: string) => `/sparql?query=${encodeURIComponent(query)}`;
const MIX = [
  "/api/v1/graph",
  `/api/v1/entity?iri=${encodeURIComponent(`${CD}Iran`)}`,
  `/api/v1/entity?iri=${encodeURIComponent(`${CD}Russia`)}`,
  "/api/v1/search?q=treaty",
  "/api/v1/search?q=shah",
  "/api/v1/timeline",
  q("SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 50"),
  q("ASK { ?s ?p ?o }"),
  q("SELECT * WHERE { ?s ?p "), // a syntax error: 400
  "/api/v1/entity?iri=not-an-iri", // 400
];

export interface SoakResult {
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p99Ms: number;
  /** Non-2xx answers: the mix holds two bad requests of ten on purpose. */
  non2xx: number;
  errors: number;
  heapMb: { before: number; after: number; growth: number };
  rssMb: { before: number; after: number; growth: number };
}

async function settled(): Promise<{ heap: number; rss: number }> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed / 1024 / 1024, rss: usage.rss / 1024 / 1024 };
}

export async function runSoakBench(options: { seconds?: number; connections?: number } = {}): Promise<SoakResult> {
  const seconds = options.seconds ?? Number(process.env.BENCH_SOAK_SECONDS ?? 300);
  const connections = options.connections ?? 20;
  const server = await startTestServer({ sources: [...DEFAULT_SOURCES], rateLimit: { sparqlPerMinute: 0 }, spare: true });
  try {
    // Warm-up: every view computed and cached once, the JIT settled.
    await autocannon({ url: server.url, connections: 4, duration: 10, requests: MIX.map((path) => ({ path })) } as Parameters<typeof autocannon>[0]);
    const before = await settled();
    const result = await autocannon({ url: server.url, connections, duration: seconds, requests: MIX.map((path) => ({ path })) } as Parameters<typeof autocannon>[0]);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = await settled();
    return {
      seconds,
      connections,
      requests: result.requests.total,
      requestsPerSecond: round(result.requests.average, 0),
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      heapMb: { before: round(before.heap, 1), after: round(after.heap, 1), growth: round(after.heap - before.heap, 1) },
      rssMb: { before: round(before.rss, 0), after: round(after.rss, 0), growth: round(after.rss - before.rss, 0) },
    };
  } finally {
    await server.close();
  }
}

export function printSoakBench(result: SoakResult): void {
  console.log(`\nSoak: ${result.seconds} s of mixed load, ${result.connections} connections, ${result.requests} requests (${result.requestsPerSecond}/s), p99 ${result.p99Ms} ms, ${result.errors} errors`);
  console.table({ heapMb: result.heapMb, rssMb: result.rssMb });
}

if (import.meta.url === `file://${process.argv[1]}`) printSoakBench(await runSoakBench());
