/**
 * npm run conformance
 * ===================
 * Runs the W3C SPARQL 1.1 and 1.0 query tests (../shared/w3c-sparql-tests, offline) against
 * Caspian's query engine, prints pass / fail / skip per suite folder, writes
 * spec/.build/results.json, and exits 1 when a test fails that KNOWN-FAILURES.md does not list.
 *
 *   npm run conformance                      the project's engine
 *   npm run conformance -- --engine direct   plain Oxigraph, to tell wrapper bugs from Oxigraph's
 *   npm run conformance -- --engine server --only 'sparql10/dataset#'
 *       the engine as the server configures it: the union of all graphs as the default graph,
 *       and each query's dataset (FROM / FROM NAMED) passed as the endpoint passes it
 *   npm run conformance -- --only 'sparql11/bind#'   only tests whose id matches
 *   npm run conformance -- --solutions xml --graphs turtle
 *       read SELECT / ASK answers from the endpoint's serialization (json, xml, tsv) instead of
 *       engine.select / engine.ask, and graphs from turtle, jsonld or rdfxml (default ntriples)
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createConformanceAdapter, type AdapterOptions } from "./adapter.ts";
import { createDirectOxigraphEngine, directFormOf } from "./directOxigraphEngine.ts";
import { analyzeQuery } from "../../server/sparql/analyzeQuery.ts";
import { EmbeddedEngine } from "../../server/sparql/embeddedEngine.ts";
import { queryDataset } from "../../server/sparql/queryDataset.ts";
import { readKnownFailures } from "./knownFailures.ts";
import { patchSparql10 } from "./patchManifests.ts";
import { buildReport, formatReport } from "./report.ts";
import { runSuite, W3C_BASE, type SuiteSpec, type TestOutcome } from "./runSuite.ts";

const TESTS = fileURLToPath(new URL("../../../shared/w3c-sparql-tests/sparql/", import.meta.url));
const BUILD = fileURLToPath(new URL("../.build/", import.meta.url));
const PATCHED = `${BUILD}w3c-sparql/`;
const KNOWN_FAILURES = fileURLToPath(new URL("./KNOWN-FAILURES.md", import.meta.url));

/** The engine the server runs, one worker per dataset and no spare (an engine lives for a few tests, a spare would double the workers started). */
const serverLikeEngine = (unionDefaultGraph: boolean) => (nquads: string) =>
  EmbeddedEngine.start({
    chunks: nquads ? [nquads] : [],
    workers: 1,
    spare: false,
    unionDefaultGraph,
    deadlineMs: TIMEOUT_MS,
    // Far above any expected result, so a cut result shows up as a failure, not a silent pass.
    rowCap: 100_000,
  });

const ENGINES: Record<string, Pick<AdapterOptions, "createEngine" | "formOf" | "datasetOf">> = {
  // The suites define their own dataset: the default graph is only the unnamed data.
  project: { createEngine: serverLikeEngine(false) },
  // Exactly as the server: union default graph on, the dataset chosen as the endpoint chooses it.
  // Only the dataset tests mean anything here: a suite whose data sits in named graphs, queried
  // without FROM, sees those graphs in its default graph too (the server's documented choice).
  server: { createEngine: serverLikeEngine(true), datasetOf: (query) => queryDataset(analyzeQuery(query), undefined, query) },
  direct: { createEngine: createDirectOxigraphEngine, formOf: directFormOf },
};

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "project" },
    only: { type: "string" },
    timeout: { type: "string", default: "10000" },
    solutions: { type: "string" },
    graphs: { type: "string", default: "ntriples" },
  },
});

const SOLUTION_TYPES: Record<string, string> = {
  json: "application/sparql-results+json",
  xml: "application/sparql-results+xml",
  tsv: "text/tab-separated-values",
};
const GRAPH_TYPES: Record<string, string> = {
  ntriples: "application/n-triples",
  turtle: "text/turtle",
  jsonld: "application/ld+json",
  rdfxml: "application/rdf+xml",
};
const solutions = values.solutions === undefined ? undefined : SOLUTION_TYPES[values.solutions];
const graphs = GRAPH_TYPES[values.graphs!];
if ((values.solutions !== undefined && !solutions) || !graphs) {
  console.error(
    `--solutions takes ${Object.keys(SOLUTION_TYPES).join(", ")}; --graphs takes ${Object.keys(GRAPH_TYPES).join(", ")}.`,
  );
  process.exit(2);
}

const TIMEOUT_MS = Number(values.timeout);
const engine = ENGINES[values.engine!];
if (!engine) {
  console.error(`--engine ${values.engine}: unknown engine. Choose one of: ${Object.keys(ENGINES).join(", ")}.`);
  process.exit(2);
}
if (!existsSync(TESTS)) {
  console.error(`${TESTS}: the W3C SPARQL tests are not there. They are expected in ../shared/w3c-sparql-tests beside the repository.`);
  process.exit(2);
}

// The tests are all local: any fetch means an IRI escaped the mapping, and the run must say so.
const fetched: string[] = [];
globalThis.fetch = async (input: string | URL | Request) => {
  const url = input instanceof Request ? input.url : String(input);
  fetched.push(url);
  throw new Error(`${url}: refused, the conformance run is offline`);
};

mkdirSync(BUILD, { recursive: true });
const patched = patchSparql10(TESTS, PATCHED);

const SUITES: SuiteSpec[] = [
  { manifest: "sparql11/manifest-sparql11-query.ttl", root: TESTS },
  { manifest: "sparql11/manifest-sparql11-results.ttl", root: TESTS },
  { manifest: "sparql10/manifest.ttl", root: PATCHED },
];

/**
 * The tests whose queries name their own dataset (FROM / FROM NAMED). A run of the project
 * engine runs them a second time through the server's configuration, so the endpoint's dataset
 * rule is held to the W3C expectations on every run, not only the engine's.
 */
const DATASET_SUITES: { suite: SuiteSpec; only: RegExp }[] = [
  { suite: { manifest: "sparql10/dataset/manifest.ttl", root: PATCHED }, only: /^sparql10\/dataset#/ },
  { suite: { manifest: "sparql11/construct/manifest.ttl", root: TESTS }, only: /^sparql11\/construct#constructwhere04$/ },
];

const localPathOf = (iri: string) => {
  if (!iri.startsWith(W3C_BASE)) return undefined;
  const path = TESTS + iri.slice(W3C_BASE.length);
  return existsSync(path) ? path : undefined;
};
const answerFormats = { graphs, ...(solutions ? { solutions } : {}) };
const adapter = createConformanceAdapter({ ...engine, answers: answerFormats, localPathOf });

const started = Date.now();
const outcomes: TestOutcome[] = [];
const only = values.only ? new RegExp(values.only) : undefined;
for (const suite of SUITES) {
  outcomes.push(...(await runSuite(suite, adapter, { timeoutMs: TIMEOUT_MS, ...(only ? { only } : {}) })));
}
await adapter.close();

const datasetOutcomes: TestOutcome[] = [];
if (values.engine === "project") {
  const serverAdapter = createConformanceAdapter({ ...ENGINES.server!, answers: answerFormats, localPathOf });
  for (const { suite, only: ids } of DATASET_SUITES) {
    const matching = only ? new RegExp(`(?=${ids.source})(?=.*(?:${only.source}))`) : ids;
    datasetOutcomes.push(...(await runSuite(suite, serverAdapter, { timeoutMs: TIMEOUT_MS, only: matching })));
  }
  await serverAdapter.close();
}
const durationMs = Date.now() - started;

const tags = new Set([values.engine!, values.graphs!, ...(values.solutions ? [values.solutions] : [])]);
const known = readKnownFailures(KNOWN_FAILURES, tags);
const report = buildReport(outcomes, known);
const datasetReport = buildReport(datasetOutcomes, readKnownFailures(KNOWN_FAILURES, new Set([...tags].filter((tag) => tag !== "project").concat("server"))));
const answers = `SELECT/ASK from ${solutions ?? "engine.select / engine.ask"}, graphs from ${graphs}`;
console.log(`Engine: ${values.engine}; ${answers}; patched manifests: ${patched.join(", ") || "none"}`);
console.log(formatReport(report));
if (datasetOutcomes.length) {
  console.log("\nThe dataset tests again, through the server's configuration (union default graph, the endpoint's dataset rule):");
  console.log(formatReport(datasetReport));
}
console.log(`\n${outcomes.length + datasetOutcomes.length} tests in ${(durationMs / 1000).toFixed(1)} s, ${adapter.enginesStarted} engines started`);
if (fetched.length) console.log(`\nNetwork fetches attempted (refused): ${fetched.join(", ")}`);

writeFileSync(
  `${BUILD}results.json`,
  JSON.stringify(
    {
      engine: values.engine,
      answers,
      date: new Date().toISOString(),
      durationMs,
      enginesStarted: adapter.enginesStarted,
      patchedManifests: patched,
      networkFetches: fetched,
      folders: report.folders,
      totals: report.totals,
      unexpectedFailures: report.unexpected.map(({ id }) => id),
      fixedKnownFailures: report.fixed,
      tests: outcomes,
      serverDataset: { totals: datasetReport.totals, unexpectedFailures: datasetReport.unexpected.map(({ id }) => id), fixedKnownFailures: datasetReport.fixed, tests: datasetOutcomes },
    },
    null,
    2,
  ),
);

process.exit(report.unexpected.length || datasetReport.unexpected.length || fetched.length ? 1 : 0);
