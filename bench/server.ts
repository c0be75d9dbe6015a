/**
 * Server benchmark
 * ================
 * Against the real server (tsx server/main.ts, spawned) on the embedded data: cold start to the
 * first answered query; median and p99 latency of health, five representative SPARQL queries
 * and the API routes, each as a ratio to a bare node:http hello-world measured in the same run;
 * requests per second on /api/v1/graph with 50 connections (autocannon); how long a worker
 * takes to be replaced after a deadline. `tsx bench/server.ts` runs it alone.
 */
import autocannon from "autocannon";
import { SPARQL_PREFIXES } from "../server/rdf/namespaces.ts";
import { DEFAULT_SOURCES, loadDatasets } from "../server/rdf/loadDatasets.ts";
import { EmbeddedEngine } from "../server/sparql/embeddedEngine.ts";
import { DeadlineError } from "../server/sparql/errors.ts";
import { latency, round, spawnServer, timedGet, TSX_CLI, type Summary } from "./measure.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** Five queries a user of the workbench or a view would send. */
export const SPARQL_QUERIES: Record<string, string> = {
  "labels (LIMIT 100)": `SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 100`,
  "class counts (GROUP BY)": `SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)`,
  "neighbourhood of cd:Iran (UNION)": `SELECT ?p ?other ?dir WHERE { { cd:Iran ?p ?other BIND("out" AS ?dir) } UNION { ?other ?p cd:Iran BIND("in" AS ?dir) } }`,
  "label search (CONTAINS)": `SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(CONTAINS(LCASE(STR(?label)), "treaty")) }`,
  "claims with quotes (path join)": `SELECT ?claim ?quote WHERE { ?claim cas:evidence ?ev . ?ev oa:hasTarget/oa:hasSelector/oa:exact ?quote } LIMIT 500`,
};

const CD = "https://w3id.org/caspian/data/";
const API_ROUTES: Record<string, string> = {
  graph: "/api/v1/graph",
  entity: `/api/v1/entity?iri=${encodeURIComponent(`${CD}Iran`)}`,
  search: "/api/v1/search?q=turk",
  timeline: "/api/v1/timeline",
  paths: `/api/v1/paths?from=${encodeURIComponent(`${CD}Iran`)}&to=${encodeURIComponent(`${CD}Britain`)}`,
  "third-parties": "/api/v1/third-parties",
};

export interface LatencyRow extends Summary {
  route: string;
  /** Median divided by the hello-world median. */
  ratio: number;
  p99Ratio: number;
}

export interface ServerBenchResult {
  coldStart: { listeningMs: number; firstAnswerMs: number };
  load: { files: number; triples: number; parseMs: number; workersReadyMs: number };
  hello: Summary;
  latency: LatencyRow[];
  skipped: string[];
  throughput: { route: string; connections: number; seconds: number; requestsPerSecond: number; p99Ms: number; non2xx: number };
  workerReplacement: { deadlineMs: number; freshWorkerReadyMs: number; nextAnswerWithoutSpareMs: number; nextAnswerWithSpareMs: number };
}

export async function runServerBench(): Promise<ServerBenchResult> {
  const hello = await spawnServer(["bench/helloServer.mjs"]);
  const started = performance.now();
  // The per-client rate limit would refuse a benchmark's burst from one address: off here.
  const caspian = await spawnServer([TSX_CLI, "server/main.ts", "--quiet"], { PORT: "0", CASPIAN_RATE_LIMIT: "0" });
  try {
    const first = await timedGet(`${caspian.url}/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`);
    if (first.status !== 200) throw new Error(`first query answered ${first.status}`);
    const coldStart = { listeningMs: round(caspian.listeningMs, 0), firstAnswerMs: round(performance.now() - started, 0) };

    const helloSummary = await latency(hello.url, REQUESTS);
    const rows: LatencyRow[] = [];
    const skipped: string[] = [];
    const add = (route: string, summary: Summary) =>
      rows.push({ route, ...summary, ratio: round(summary.median / helloSummary.median), p99Ratio: round(summary.p99 / helloSummary.p99) });

    add("GET /api/v1/health", await latency(`${caspian.url}/api/v1/health`, REQUESTS));
    for (const [name, query] of Object.entries(SPARQL_QUERIES)) {
      const url = `${caspian.url}/sparql?query=${encodeURIComponent(`${SPARQL_PREFIXES}\n${query}`)}`;
      add(`/sparql ${name}`, await latency(url, REQUESTS));
    }
    for (const [name, path] of Object.entries(API_ROUTES)) {
      const probe = await timedGet(`${caspian.url}${path}`);
      if (probe.status !== 200) {
        skipped.push(`${name} (${probe.status})`);
        continue;
      }
      add(`GET ${path.split("?")[0]}`, await latency(`${caspian.url}${path}`, REQUESTS));
    }

    const loadRoute = skipped.some((name) => name.startsWith("graph")) ? "/api/v1/health" : "/api/v1/graph";
    const cannon = await autocannon({ url: `${caspian.url}${loadRoute}`, connections: 50, duration: LOAD_SECONDS });
    const throughput = {
      route: loadRoute,
      connections: 50,
      seconds: LOAD_SECONDS,
      requestsPerSecond: round(cannon.requests.average, 0),
      p99Ms: cannon.latency.p99,
      non2xx: cannon.non2xx,
    };

    return { coldStart, load: await measureLoad(), hello: helloSummary, latency: rows, skipped, throughput, workerReplacement: await measureReplacement() };
  } finally {
    await caspian.stop();
    await hello.stop();
  }
}

/** Parse time of the embedded data and time until every worker has loaded it. */
async function measureLoad(): Promise<ServerBenchResult["load"]> {
  const datasets = await loadDatasets(DEFAULT_SOURCES);
  const engine = await EmbeddedEngine.start({ chunks: datasets.chunks, workers: 2, deadlineMs: 10_000, rowCap: 10_000 });
  const result = { files: datasets.files.length, triples: datasets.triples, parseMs: round(datasets.loadMs, 0), workersReadyMs: round(engine.stats.startMs, 0) };
  await engine.close();
  return result;
}

/** One worker, one runaway query: how long until a worker answers again, with and without the spare. */
async function measureReplacement(): Promise<ServerBenchResult["workerReplacement"]> {
  const datasets = await loadDatasets(DEFAULT_SOURCES);
  const deadlineMs = 500;
  const once = async (spare: boolean) => {
    const engine = await EmbeddedEngine.start({ chunks: datasets.chunks, workers: 1, deadlineMs: 10_000, rowCap: 10_000, spare });
    try {
      while (spare && engine.stats.spareLoadMs === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      const error = await engine.select("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", { deadlineMs }).catch((e: unknown) => e);
      if (!(error instanceof DeadlineError)) throw new Error("the runaway query was not stopped");
      const stoppedAt = performance.now();
      await engine.ask("ASK { ?s ?p ?o }");
      return { nextAnswerMs: round(performance.now() - stoppedAt, 1), replaceMs: round(engine.stats.lastReplacementMs ?? Number.NaN, 0), spareLoadMs: round(engine.stats.spareLoadMs ?? Number.NaN, 0) };
    } finally {
      await engine.close();
    }
  };
  const fresh = await once(false);
  const withSpare = await once(true);
  return { deadlineMs, freshWorkerReadyMs: fresh.replaceMs, nextAnswerWithoutSpareMs: fresh.nextAnswerMs, nextAnswerWithSpareMs: withSpare.nextAnswerMs };
}

export function printServerBench(result: ServerBenchResult): void {
  console.log(`\nServer (embedded data: ${result.load.files} files, ${result.load.triples} triples)`);
  console.log(`  cold start: listening after ${result.coldStart.listeningMs} ms, first query answered after ${result.coldStart.firstAnswerMs} ms`);
  console.log(`  load: parse ${result.load.parseMs} ms, 2 workers ready ${result.load.workersReadyMs} ms`);
  const w = result.workerReplacement;
  console.log(`  worker replacement after a ${w.deadlineMs} ms deadline (1 worker): a fresh worker is ready in ${w.freshWorkerReadyMs} ms; next answer ${w.nextAnswerWithoutSpareMs} ms after the stop without a spare, ${w.nextAnswerWithSpareMs} ms with the spare`);
  console.log(`  hello-world floor: median ${round(result.hello.median, 3)} ms, p99 ${round(result.hello.p99, 3)} ms (n=${result.hello.n})`);
  console.table(result.latency.map((row) => ({ route: row.route, "median ms": round(row.median, 3), "p99 ms": round(row.p99, 3), "× hello (median)": row.ratio, "× hello (p99)": row.p99Ratio })));
  if (result.skipped.length) console.log(`  skipped (route not answering 200): ${result.skipped.join(", ")}`);
  const t = result.throughput;
  console.log(`  throughput: ${t.requestsPerSecond} req/s on ${t.route} with ${t.connections} connections for ${t.seconds} s (p99 ${t.p99Ms} ms, non-2xx ${t.non2xx})`);
}

if (import.meta.url === `file://${process.argv[1]}`) printServerBench(await runServerBench());
