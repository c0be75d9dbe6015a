/**
 * View heap benchmark
 * ===================
 * `npm run bench -- viewHeap [--size 1m]`: what each view's remembered read holds in the view
 * thread's heap. The views' reads (graph model, statements, time index, view data, actors'
 * network, then the graph, search, timeline and paths views) run one after another in this
 * process over a generated graph, the store's answers read as the view thread reads them (TSV,
 * one string per IRI), and after each a full GC gives the heap used and what that read added.
 * The first row, the empty engine's heap, is the baseline of the same run.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { DEFAULT_SOURCE_DIR } from "../server/app.ts";
import { readActorNetwork } from "../server/graph/actorsView.ts";
import { readGraphModel } from "../server/graph/graphModel.ts";
import { readStatements } from "../server/graph/statements.ts";
import { readTimeIndex } from "../server/graph/timeWindow.ts";
import { readViewData } from "../server/graph/viewData.ts";
import { runView } from "../server/graph/viewRegistry.ts";
import { attachViews } from "../server/graph/viewState.ts";
import { DEFAULT_SOURCES, planDatasets } from "../server/rdf/loadDatasets.ts";
import { EmbeddedEngine } from "../server/sparql/embeddedEngine.ts";
import type { QueryOptions } from "../server/sparql/engine.ts";
import { readTsvResults } from "../server/sparql/tsvResults.ts";
import { generateTriples } from "../scripts/generateGraph.ts";
import { round } from "./measure.ts";
import { SIZES } from "./scale.ts";

export interface ViewHeapRow {
  read: string;
  ms: number;
  heapMb: number;
  addedMb: number;
}

const GEN = "https://w3id.org/caspian/generated/";

export async function runViewHeapBench(size = "100k"): Promise<ViewHeapRow[]> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const dir = await mkdtemp(join(tmpdir(), "caspian-viewheap-"));
  const engine = await (async () => {
    const file = join(dir, "generated.nt");
    await writeFile(file, [...generateTriples({ triples: SIZES[size] ?? 100_000 })].join(""));
    const { sources } = await planDatasets([...DEFAULT_SOURCES, file]);
    return attachViews(EmbeddedEngine.open({ sources, workers: 2, deadlineMs: 300_000, rowCap: 10_000, queue: "fair" }));
  })();
  try {
    await engine.ready;
    // As the view thread reads answers (viewThread.ts HostEngine): TSV, IRIs shared.
    const iris = new Map<string, string>();
    engine.select = async (query: string, options?: QueryOptions) => {
      const answer = await engine.selectRaw(query, options);
      return "tsv" in answer ? readTsvResults(answer.tsv, answer.truncated, iris) : answer;
    };
    const env = { sourceDir: DEFAULT_SOURCE_DIR };
    const reads: [string, () => Promise<unknown>][] = [
      ["graph model", () => readGraphModel(engine)],
      ["statements", () => readStatements(engine)],
      ["time index", () => readTimeIndex(engine)],
      ["view data", () => readViewData(engine)],
      ["actors' network", () => readActorNetwork(engine)],
      ["graph view", () => runView("graph", engine, {}, env)],
      ["search", () => runView("search", engine, { q: "actor" }, env)],
      ["timeline", () => runView("timeline", engine, {}, env)],
      ["paths", () => runView("paths", engine, { from: `${GEN}actor/0`, to: `${GEN}actor/5` }, env)],
    ];
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed / 2 ** 20;
    };
    let last = heap();
    const rows: ViewHeapRow[] = [{ read: "empty engine", ms: 0, heapMb: round(last, 0), addedMb: 0 }];
    for (const [read, run] of reads) {
      const started = performance.now();
      await run();
      const ms = performance.now() - started;
      const now = heap();
      rows.push({ read, ms: round(ms, 0), heapMb: round(now, 0), addedMb: round(now - last, 0) });
      last = now;
    }
    return rows;
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function printViewHeapBench(rows: ViewHeapRow[]): void {
  console.log("\nView thread heap after each read (full GC), in order; MB");
  console.table(Object.fromEntries(rows.map((r) => [r.read, { "heap used": r.heapMb, added: r.addedMb, "read (ms)": r.ms }])));
}
