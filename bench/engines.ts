/**
 * Engine comparison
 * =================
 * The floor under the server: raw pattern matching in an Oxigraph store against an n3 Store on
 * the same data, in-process (no workers, no HTTP), plus the same patterns as SPARQL on Oxigraph
 * serialized to JSON (what the server actually does). Run on the embedded data and on a
 * generated 100k-triple dataset. Two joins from the explorer's views close it: Oxigraph's SPARQL
 * against the same join written by hand over the n3 Store (the floor any engine pays to walk
 * the data in JavaScript). `tsx bench/engines.ts` runs it alone.
 */
import { DataFactory, Parser, Store as N3Store, type Quad } from "n3";
import oxigraph from "oxigraph";
import { DEFAULT_SOURCES, loadDatasets } from "../server/rdf/loadDatasets.ts";
import { NS } from "../server/rdf/namespaces.ts";
import { generatedTriples } from "../server/test/testServer.ts";
import { round, summarize } from "./measure.ts";

interface Pattern {
  name: string;
  s?: string;
  p?: string;
  o?: string;
}

export interface EngineRow {
  dataset: string;
  pattern: string;
  matches: number;
  n3Us: number;
  oxigraphMatchUs: number;
  oxigraphSparqlUs: number;
}

export interface JoinRow {
  join: string;
  results: number;
  n3HandJoinUs: number;
  oxigraphSparqlUs: number;
}

export interface EngineBenchResult {
  load: { dataset: string; triples: number; n3Ms: number; oxigraphMs: number }[];
  rows: EngineRow[];
  joins: JoinRow[];
}

const DATASETS: { name: string; nquads: () => Promise<string>; patterns: Pattern[] }[] = [
  {
    name: "embedded",
    nquads: async () => (await loadDatasets(DEFAULT_SOURCES)).chunks.join("\n"),
    patterns: [
      { name: "all triples", },
      { name: "? rdf:type cas:State", p: `${NS.rdf}type`, o: `${NS.cas}State` },
      { name: "cd:Iran ? ?", s: `${NS.cd}Iran` },
      { name: "? ? cd:Iran", o: `${NS.cd}Iran` },
      { name: "? rdfs:label ?", p: `${NS.rdfs}label` },
    ],
  },
  {
    name: "generated 100k",
    nquads: async () => generatedTriples(100_000),
    patterns: [
      { name: "all triples" },
      { name: "s1 ? ?", s: "http://example.org/s1" },
      { name: "? p3 ?", p: "http://example.org/p3" },
      { name: '? ? "v99"', o: "v99" },
    ],
  },
];

function time(run: () => number, rounds: number): { us: number; result: number } {
  let result = run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    result = run();
    samples.push((performance.now() - started) * 1000);
  }
  return { us: round(summarize(samples).median, 1), result };
}

function sparqlFor(pattern: Pattern): string {
  const term = (value: string | undefined, variable: string) =>
    value === undefined ? variable : value.startsWith("http") ? `<${value}>` : JSON.stringify(value);
  return `SELECT * WHERE { ${term(pattern.s, "?s")} ${term(pattern.p, "?p")} ${term(pattern.o, "?o")} }`;
}

export async function runEngineBench(rounds = 30): Promise<EngineBenchResult> {
  const result: EngineBenchResult = { load: [], rows: [], joins: [] };
  for (const dataset of DATASETS) {
    const text = await dataset.nquads();
    let started = performance.now();
    const n3 = new N3Store(new Parser({ format: "application/n-quads" }).parse(text) as Quad[]);
    const n3Ms = performance.now() - started;
    started = performance.now();
    const ox = new oxigraph.Store();
    ox.load(text, { format: "application/n-quads", lenient: true });
    const oxigraphMs = performance.now() - started;
    result.load.push({ dataset: dataset.name, triples: n3.size, n3Ms: round(n3Ms, 1), oxigraphMs: round(oxigraphMs, 1) });

    for (const pattern of dataset.patterns) {
      const n3Term = (value: string | undefined) => (value === undefined ? null : value.startsWith("http") ? DataFactory.namedNode(value) : DataFactory.literal(value));
      const oxTerm = (value: string | undefined) => (value === undefined ? null : value.startsWith("http") ? oxigraph.namedNode(value) : oxigraph.literal(value));
      const n3Run = time(() => n3.getQuads(n3Term(pattern.s), n3Term(pattern.p), n3Term(pattern.o), null).length, rounds);
      const oxRun = time(() => ox.match(oxTerm(pattern.s), oxTerm(pattern.p), oxTerm(pattern.o), null).length, rounds);
      const query = sparqlFor(pattern);
      const sparqlRun = time(() => (ox.query(query, { results_format: "application/sparql-results+json" }) as string).length, rounds);
      if (n3Run.result !== oxRun.result) throw new Error(`${pattern.name}: n3 found ${n3Run.result}, oxigraph ${oxRun.result}`);
      result.rows.push({ dataset: dataset.name, pattern: pattern.name, matches: n3Run.result, n3Us: n3Run.us, oxigraphMatchUs: oxRun.us, oxigraphSparqlUs: sparqlRun.us });
    }
    if (dataset.name === "embedded") result.joins = joins(n3, ox, rounds);
  }
  return result;
}

/** Two of the views' joins, by hand on n3 and as SPARQL on Oxigraph; the counts must agree. */
function joins(n3: N3Store, ox: oxigraph.Store, rounds: number): JoinRow[] {
  const iri = (value: string) => DataFactory.namedNode(value);
  const count = (query: string) => (JSON.parse(ox.query(query, { results_format: "application/sparql-results+json" }) as string) as { results: { bindings: unknown[] } }).results.bindings.length;
  const cases = [
    {
      join: "claim → evidence → target → selector → quote",
      byHand: () => {
        let found = 0;
        for (const claim of n3.getQuads(null, iri(`${NS.cas}evidence`), null, null))
          for (const target of n3.getQuads(claim.object, iri(`${NS.oa}hasTarget`), null, null))
            for (const selector of n3.getQuads(target.object, iri(`${NS.oa}hasSelector`), null, null))
              found += n3.getQuads(selector.object, iri(`${NS.oa}exact`), null, null).length;
        return found;
      },
      sparql: `SELECT ?claim ?quote WHERE { ?claim <${NS.cas}evidence> ?ev . ?ev <${NS.oa}hasTarget>/<${NS.oa}hasSelector>/<${NS.oa}exact> ?quote }`,
    },
    {
      join: "instances per class (GROUP BY)",
      byHand: () => {
        const perClass = new Map<string, number>();
        for (const quad of n3.getQuads(null, iri(`${NS.rdf}type`), null, null)) perClass.set(quad.object.value, (perClass.get(quad.object.value) ?? 0) + 1);
        return perClass.size;
      },
      sparql: `SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class`,
    },
  ];
  return cases.map(({ join, byHand, sparql }) => {
    const hand = time(byHand, rounds);
    const engine = time(() => count(sparql), rounds);
    if (hand.result !== engine.result) throw new Error(`${join}: by hand ${hand.result}, SPARQL ${engine.result}`);
    return { join, results: hand.result, n3HandJoinUs: hand.us, oxigraphSparqlUs: engine.us };
  });
}

export function printEngineBench(result: EngineBenchResult): void {
  console.log("\nEngines: load (ms)");
  console.table(result.load);
  console.log("Engines: median µs per pattern (in-process; SPARQL = SELECT * serialized to JSON)");
  console.table(result.rows);
  console.log("Engines: median µs per join (n3 by hand vs Oxigraph SPARQL serialized to JSON)");
  console.table(result.joins);
}

if (import.meta.url === `file://${process.argv[1]}`) printEngineBench(await runEngineBench());
