/**
 * View thread benchmark
 * =====================
 * `npm run bench -- viewThread [--size 100k]`: what running the views in their own thread
 * (server/graph/viewThread.ts) buys the other users. The same server in this process, on the
 * same generated data, twice — views in-process, then in the view thread — and in each: the
 * first graph view of the data (which builds the graph model) while a simple request (health,
 * and an ASK on /sparql) is sent every 50 ms. Reports the view's time, the main thread's
 * event-loop delay (perf_hooks.monitorEventLoopDelay) and the simple requests' latency during
 * it, with the thread's figures as ratios to in-process's from the same run.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createApp, DEFAULT_SOURCE_DIR } from "../server/app.ts";
import { inProcessViews, ViewThread } from "../server/graph/viewRunner.ts";
import { attachViews } from "../server/graph/viewState.ts";
import { DEFAULT_SOURCES, planDatasets } from "../server/rdf/loadDatasets.ts";
import { EmbeddedEngine } from "../server/sparql/embeddedEngine.ts";
import { generateTriples } from "../scripts/generateGraph.ts";
import { SIZES } from "./scale.ts";
import { round, summarize } from "./measure.ts";

export interface ViewThreadRow {
  mode: "in-process" | "thread";
  viewMs: number;
  loopMaxMs: number;
  loopP99Ms: number;
  simpleP50Ms: number;
  simpleP99Ms: number;
  simpleSamples: number;
}

export async function runViewThreadBench(size = "100k"): Promise<ViewThreadRow[]> {
  const dir = await mkdtemp(join(tmpdir(), "caspian-viewthread-"));
  try {
    const file = join(dir, "generated.nt");
    await writeFile(file, [...generateTriples({ triples: SIZES[size] ?? 100_000 })].join(""));
    const { sources } = await planDatasets([...DEFAULT_SOURCES, file]);
    const rows: ViewThreadRow[] = [];
    for (const mode of ["in-process", "thread"] as const) rows.push(await measure(mode, sources));
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(mode: ViewThreadRow["mode"], sources: Awaited<ReturnType<typeof planDatasets>>["sources"]): Promise<ViewThreadRow> {
  const engine = attachViews(EmbeddedEngine.open({ sources, workers: 2, deadlineMs: 300_000, rowCap: 10_000, queue: "fair" }));
  await engine.ready;
  const views = mode === "thread" ? new ViewThread(engine, { sourceDir: DEFAULT_SOURCE_DIR }) : inProcessViews(engine, { sourceDir: DEFAULT_SOURCE_DIR });
  const app = createApp({ engine, views, config: { rowCap: 10_000 }, datasets: { files: [] }, rateLimit: { sparqlPerMinute: 0, apiPerMinute: 0 }, log: () => {} });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    let done = false;
    const view = fetch(`${base}/api/v1/graph`).then(async (r) => {
      await r.arrayBuffer();
      done = true;
      return performance.now() - started;
    });
    const simple: number[] = [];
    const ask = `${base}/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`;
    while (!done) {
      const t = performance.now();
      await Promise.all([fetch(`${base}/api/v1/health`).then((r) => r.arrayBuffer()), fetch(ask, { headers: { accept: "application/sparql-results+json" } }).then((r) => r.arrayBuffer())]);
      simple.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const viewMs = await view;
    loop.disable();
    const s = summarize(simple);
    return { mode, viewMs: round(viewMs, 0), loopMaxMs: round(loop.max / 1e6, 1), loopP99Ms: round(loop.percentile(99) / 1e6, 1), simpleP50Ms: round(s.median, 1), simpleP99Ms: round(s.p99, 1), simpleSamples: simple.length };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await views.close();
    await engine.close();
  }
}

export function printViewThreadBench(rows: ViewThreadRow[]): void {
  const [inProcess, thread] = rows;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
  console.log("\nFirst graph view while simple requests (health + ASK) run every 50 ms; thread as a ratio of in-process");
  console.table(Object.fromEntries(rows.map((r) => [r.mode, { "view (ms)": r.viewMs, "event loop max / p99 (ms)": `${r.loopMaxMs} / ${r.loopP99Ms}`, "simple p50 / p99 (ms)": `${r.simpleP50Ms} / ${r.simpleP99Ms}`, samples: r.simpleSamples }])));
  if (inProcess && thread) console.log(`thread / in-process: event loop max ${ratio(thread.loopMaxMs, inProcess.loopMaxMs)}, simple p99 ${ratio(thread.simpleP99Ms, inProcess.simpleP99Ms)}, view ${ratio(thread.viewMs, inProcess.viewMs)}`);
}
