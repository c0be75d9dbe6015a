/**
 * Scale benchmark
 * ===============
 * `npm run bench -- scale --size 10k|100k|1m` (several --size allowed; default 10k and 100k):
 * generates the fixed-seed graph of that size (scripts/generateGraph.ts), then measures
 *  - the floor: n3's parser alone on the same file, in triples/s;
 *  - loading: loadDatasets + every worker loaded (what `npm start -- --data gen.nt` does), in triples/s;
 *  - memory: RSS and heap growth over the load, in bytes per triple (workers are threads: RSS counts them);
 *  - latency of each API view and of the workbench's example queries through the real server:
 *    the first request (cold: it reads the graph model) and the median of three after.
 * With --virtuoso the same query mix also runs, in the same run, against Virtuoso Open Source
 * (started on loopback with a throwaway database, bulk-loaded with the same ontology and file),
 * with Caspian as its front end (HttpSparqlEngine), for a side-by-side table.
 */
import { readdirSync } from "node:fs";
import { readFile, rm, writeFile, mkdtemp } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser } from "n3";
import { EXAMPLES } from "../server/graph/exampleQueries.ts";
import { withPrefixes } from "../client/workbench/prefixes.ts";
import { generateTriples } from "../scripts/generateGraph.ts";
import { createApp } from "../server/app.ts";
import { loadDatasets } from "../server/rdf/loadDatasets.ts";
import { EmbeddedEngine } from "../server/sparql/embeddedEngine.ts";
import { HttpSparqlEngine } from "../server/sparql/httpEngine.ts";
import type { QueryEngine } from "../server/sparql/engine.ts";

export const SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };
const ONTOLOGY = fileURLToPath(new URL("../ontology/", import.meta.url));
const GEN = "https://w3id.org/caspian/generated/";

export const VIEWS: Record<string, string> = {
  graph: "/api/v1/graph",
  search: "/api/v1/search?q=war",
  entity: `/api/v1/entity?iri=${encodeURIComponent(`${GEN}actor/0`)}`,
  timeline: `/api/v1/timeline?a=${encodeURIComponent(`${GEN}actor/0`)}&b=${encodeURIComponent(`${GEN}actor/1`)}`,
  paths: `/api/v1/paths?from=${encodeURIComponent(`${GEN}actor/0`)}&to=${encodeURIComponent(`${GEN}actor/5`)}`,
  thirdParties: `/api/v1/third-parties?a=${encodeURIComponent(`${GEN}actor/0`)}&b=${encodeURIComponent(`${GEN}actor/1`)}`,
  neighbours: `/api/v1/neighbours?iri=${encodeURIComponent(`${GEN}actor/0`)}`,
};

export interface ScaleRow {
  size: string;
  triples: number;
  n3TriplesPerSecond: number;
  /** Everything up to queryable: parse, chunk, and every worker's store loaded. */
  loadTriplesPerSecond: number;
  /** The main thread's part alone: parse and chunk (loadDatasets). */
  parseTriplesPerSecond: number;
  rssBytesPerTriple: number;
  heapBytesPerTriple: number;
  /** View or example id → [cold ms, warm median ms, status]. */
  latency: Record<string, { coldMs: number; warmMs: number; status: number }>;
  virtuoso?: Record<string, { coldMs: number; warmMs: number; status: number }>;
}

export async function runScaleBench(sizes: string[], options: { virtuoso?: boolean } = {}): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const size of sizes) {
    const triples = SIZES[size];
    if (!triples) throw new Error(`Unknown size ${size}; use ${Object.keys(SIZES).join(", ")}`);
    rows.push(await benchSize(size, triples, options));
  }
  return rows;
}

async function benchSize(size: string, triples: number, options: { virtuoso?: boolean }): Promise<ScaleRow> {
  const dir = await mkdtemp(join(tmpdir(), "caspian-scale-"));
  const file = join(dir, `gen-${size}.nt`);
  await writeFile(file, [...generateTriples({ triples })].join(""));
  try {
    // The floor: n3 alone, counting quads from the streaming callback (no store, no chunks).
    const text = await readFile(file, "utf8");
    let parsed = 0;
    const floorStart = performance.now();
    // With a callback n3 parses in the background: the floor is the time to its last (null) quad.
    await new Promise<void>((resolve, reject) =>
      new Parser({ format: "application/n-triples" }).parse(text, (error, quad) => {
        if (error) reject(error);
        else if (quad) parsed++;
        else resolve();
      }),
    );
    const floorMs = performance.now() - floorStart;

    global.gc?.();
    const before = process.memoryUsage();
    const loadStart = performance.now();
    const datasets = await loadDatasets([ONTOLOGY, file]);
    const parseMs = performance.now() - loadStart;
    const engine = await EmbeddedEngine.start({ chunks: datasets.chunks, workers: 2, deadlineMs: 120_000, rowCap: 1_000_000, spare: false });
    const loadMs = performance.now() - loadStart;
    datasets.chunks.length = 0;
    global.gc?.();
    const after = process.memoryUsage();

    const latency = await measureMix(engine);
    await engine.close();
    const virtuoso = options.virtuoso ? await measureVirtuoso(file) : undefined;
    return {
      size,
      triples: parsed,
      n3TriplesPerSecond: Math.round(parsed / (floorMs / 1000)),
      loadTriplesPerSecond: Math.round(parsed / (loadMs / 1000)),
      parseTriplesPerSecond: Math.round(parsed / (parseMs / 1000)),
      rssBytesPerTriple: Math.round((after.rss - before.rss) / parsed),
      heapBytesPerTriple: Math.round((after.heapUsed - before.heapUsed) / parsed),
      latency,
      ...(virtuoso ? { virtuoso } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureVirtuoso(file: string): Promise<ScaleRow["latency"]> {
  const { loadIntoVirtuoso, startVirtuoso } = await import("../spec/virtuoso/startVirtuoso.ts");
  const store = await startVirtuoso();
  try {
    const ontology = readdirSync(ONTOLOGY).filter((name) => name.endsWith(".ttl")).map((name) => join(ONTOLOGY, name));
    await loadIntoVirtuoso(store, [...ontology, file], "urn:caspian:bench");
    return await measureMix(new HttpSparqlEngine({ endpoint: store.endpoint, deadlineMs: 120_000, rowCap: 1_000_000 }));
  } finally {
    await store.stop();
  }
}

/** Every API view and example query through a real server on this engine: cold, then the median of three. */
export async function measureMix(engine: QueryEngine): Promise<ScaleRow["latency"]> {
  const app = createApp({ engine, config: { rowCap: 1_000_000 }, datasets: { files: [] }, log: () => {}, rateLimit: { sparqlPerMinute: 0 } });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const paths: Record<string, string> = { ...VIEWS };
  for (const example of EXAMPLES) paths[`example:${example.id}`] = `/sparql?query=${encodeURIComponent(withPrefixes(example.query))}`;
  const latency: ScaleRow["latency"] = {};
  try {
    for (const [name, path] of Object.entries(paths)) {
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < 4; i++) {
        const start = performance.now();
        const response = await fetch(base + path, { headers: { Accept: "application/json, application/sparql-results+json;q=0.9, */*;q=0.1" } });
        await response.arrayBuffer();
        status = response.status;
        times.push(performance.now() - start);
      }
      const warm = times.slice(1).sort((a, b) => a - b)[1]!;
      latency[name] = { coldMs: Math.round(times[0]!), warmMs: Math.round(warm * 10) / 10, status };
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  return latency;
}

export function printScaleBench(rows: ScaleRow[]): void {
  console.log("\nLoading and memory");
  console.table(
    rows.map((row) => ({
      size: row.size,
      triples: row.triples,
      "n3 floor (triples/s)": row.n3TriplesPerSecond,
      "parse+chunk (triples/s)": row.parseTriplesPerSecond,
      "load to queryable (triples/s)": row.loadTriplesPerSecond,
      "load / floor": `${((100 * row.loadTriplesPerSecond) / row.n3TriplesPerSecond).toFixed(1)} %`,
      "RSS B/triple": row.rssBytesPerTriple,
      "heap B/triple": row.heapBytesPerTriple,
    })),
  );
  console.log("\nLatency, ms (cold / warm median); views and example queries");
  const names = Object.keys(rows[0]?.latency ?? {});
  console.table(
    Object.fromEntries(
      names.map((name) => [
        name,
        Object.fromEntries(
          rows.flatMap((row) => {
            const cell = (m?: { coldMs: number; warmMs: number; status: number }) => (m ? `${m.coldMs} / ${m.warmMs}${m.status === 200 ? "" : ` (${m.status})`}` : "");
            return [[row.size, cell(row.latency[name])], ...(row.virtuoso ? [[`${row.size} virtuoso`, cell(row.virtuoso[name])]] : [])];
          }),
        ),
      ]),
    ),
  );
}
