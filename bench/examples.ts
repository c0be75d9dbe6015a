/**
 * Example-query library
 * =====================
 * Latency of the workbench's example queries (server/graph/exampleQueries.ts: the competency
 * questions plus a network and a yes/no) through the embedded engine the server uses (Oxigraph
 * in a worker, answer serialized as SPARQL JSON or N-Triples), median and p95 per example and
 * over the library. The floor beside each: the raw store match of the same triple patterns in an
 * in-process Oxigraph store (constants bound, variables and property paths left open), i.e. the
 * cost of fetching the triples the query touches, without joining, filtering or serializing.
 * `tsx bench/examples.ts` runs it alone.
 */
import oxigraph from "oxigraph";
import sparqljs from "sparqljs";
import { EXAMPLES } from "../server/graph/exampleQueries.ts";
import { DEFAULT_SOURCES, loadDatasets } from "../server/rdf/loadDatasets.ts";
import { SPARQL_PREFIXES } from "../server/rdf/namespaces.ts";
import { analyzeQuery } from "../server/sparql/analyzeQuery.ts";
import { EmbeddedEngine } from "../server/sparql/embeddedEngine.ts";
import { MEDIA } from "../server/sparql/mediaTypes.ts";
import { round } from "./measure.ts";

export interface ExampleBenchRow {
  example: string;
  patterns: number;
  engineMedianMs: number;
  engineP95Ms: number;
  floorMedianMs: number;
  /** How many times the floor the engine takes (median over median). */
  overFloor: number;
}

export interface ExamplesBenchResult {
  rounds: number;
  rows: ExampleBenchRow[];
  /** Over every timed run of every example. */
  library: { engineMedianMs: number; engineP95Ms: number; floorMedianMs: number; floorP95Ms: number };
}

type Pattern = [oxigraph.NamedNode | null, oxigraph.NamedNode | null, oxigraph.Term | null];

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Every triple pattern of a query (WHERE and sub-queries), constants kept, the rest open. */
function triplePatterns(query: string): Pattern[] {
  const parsed = new sparqljs.Parser().parse(query) as unknown;
  const found: Pattern[] = [];
  const term = (t: { termType?: string; value?: string; datatype?: { value: string }; language?: string } | undefined): oxigraph.Term | null => {
    if (!t || typeof t !== "object") return null;
    if (t.termType === "NamedNode") return oxigraph.namedNode(t.value!);
    if (t.termType === "Literal") return t.language ? oxigraph.literal(t.value!, t.language) : oxigraph.literal(t.value!, t.datatype ? oxigraph.namedNode(t.datatype.value) : undefined);
    return null; // variables, blank nodes and property paths stay open
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.type === "bgp" && Array.isArray(n.triples)) {
      for (const t of n.triples as Record<string, never>[]) found.push([term(t.subject) as oxigraph.NamedNode | null, term(t.predicate) as oxigraph.NamedNode | null, term(t.object)]);
      return;
    }
    if (n.type === "query" && n.queryType !== undefined && n.where) return walk(n.where);
    for (const [key, value] of Object.entries(n)) if (key !== "template" && key !== "prefixes") walk(value);
  };
  walk((parsed as { where?: unknown }).where);
  return found;
}

export async function runExamplesBench(options: { rounds?: number } = {}): Promise<ExamplesBenchResult> {
  const rounds = options.rounds ?? 30;
  const datasets = await loadDatasets(DEFAULT_SOURCES);
  const store = new oxigraph.Store();
  store.load(datasets.chunks.join("\n"), { format: "application/n-quads", lenient: true });
  const engine = await EmbeddedEngine.start({ chunks: datasets.chunks, workers: 1, deadlineMs: 30_000, rowCap: 10_000, spare: false });
  const rows: ExampleBenchRow[] = [];
  const allEngine: number[] = [];
  const allFloor: number[] = [];
  try {
    for (const example of EXAMPLES) {
      const query = `${SPARQL_PREFIXES}\n${example.query}`;
      const { form } = analyzeQuery(query);
      const media = form === "SELECT" || form === "ASK" ? MEDIA.resultsJson : MEDIA.nTriples;
      const patterns = triplePatterns(query);
      const engineMs: number[] = [];
      const floorMs: number[] = [];
      await engine.serialize(query, form, media); // warm-up
      for (let i = 0; i < rounds; i++) {
        let started = performance.now();
        await engine.serialize(query, form, media);
        engineMs.push(performance.now() - started);
        started = performance.now();
        let matched = 0;
        for (const [s, p, o] of patterns) matched += store.match(s, p, o, null).length;
        floorMs.push(performance.now() - started);
        if (matched < 0) throw new Error("unreachable"); // keeps the matches from being optimised away
      }
      allEngine.push(...engineMs);
      allFloor.push(...floorMs);
      const engineMedian = quantile(engineMs, 0.5);
      const floorMedian = quantile(floorMs, 0.5);
      rows.push({
        example: example.id,
        patterns: patterns.length,
        engineMedianMs: round(engineMedian, 2),
        engineP95Ms: round(quantile(engineMs, 0.95), 2),
        floorMedianMs: round(floorMedian, 3),
        overFloor: round(engineMedian / Math.max(floorMedian, 0.001), 1),
      });
    }
  } finally {
    await engine.close();
  }
  return {
    rounds,
    rows,
    library: {
      engineMedianMs: round(quantile(allEngine, 0.5), 2),
      engineP95Ms: round(quantile(allEngine, 0.95), 2),
      floorMedianMs: round(quantile(allFloor, 0.5), 3),
      floorP95Ms: round(quantile(allFloor, 0.95), 3),
    },
  };
}

export function printExamplesBench(result: ExamplesBenchResult): void {
  console.log(`\nExample queries: ${result.rows.length} examples × ${result.rounds} runs, embedded engine (worker, serialized) against the raw store match of the same patterns`);
  console.table(result.rows);
  console.table([result.library]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printExamplesBench(await runExamplesBench());
}
