/**
 * Load benchmark
 * ==============
 * autocannon on loopback against the real server (tsx server/main.ts, spawned, rate limit off:
 * this measures capacity, not the limiter): 100 connections for 30 s each on the graph view, an
 * entity page, a search and a simple SPARQL query. Requests per second, p50/p99 latency, errors.
 * `npm run bench -- load` (or --load); BENCH_LOAD_SECONDS shortens it.
 */
import autocannon from "autocannon";
import { round, spawnServer, TSX_CLI } from "./measure.ts";

const CD = "https://w3id.org/caspian/data/";

export const LOAD_TARGETS: Record<string, string> = {
  "graph view": "/api/v1/graph",
  "entity page": `/api/v1/entity?iri=${encodeURIComponent(`${CD}Iran`)}`,
  search: "/api/v1/search?q=treaty",
  "simple SPARQL": `/sparql?query=${encodeURIComponent("SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 10")}`,
};

export interface LoadRow {
  target: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  requests: number;
}

export async function runLoadBench(options: { seconds?: number; connections?: number } = {}): Promise<LoadRow[]> {
  const seconds = options.seconds ?? Number(process.env.BENCH_LOAD_SECONDS ?? 30);
  const connections = options.connections ?? 100;
  const server = await spawnServer([TSX_CLI, "server/main.ts", "--quiet", "--rate-limit", "0"], { PORT: "0" });
  const rows: LoadRow[] = [];
  try {
    for (const [target, path] of Object.entries(LOAD_TARGETS)) {
      const probe = await fetch(server.url + path);
      if (probe.status !== 200) throw new Error(`${target} answered ${probe.status} before the load`);
      await probe.arrayBuffer();
      const result = await autocannon({ url: server.url + path, connections, duration: seconds });
      rows.push({
        target,
        connections,
        seconds,
        requestsPerSecond: round(result.requests.average, 0),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        requests: result.requests.total,
      });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export function printLoadBench(rows: LoadRow[]): void {
  console.log("\nLoad (autocannon on loopback)");
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) printLoadBench(await runLoadBench());
