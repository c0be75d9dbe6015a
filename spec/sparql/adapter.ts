/**
 * W3C SPARQL test adapter
 * =======================
 * Turns Caspian's QueryEngine into the handler rdf-test-suite drives: `parse` for the syntax
 * tests, `query` for the evaluation tests, `queryResultFormat` for the CSV/TSV tests. Each
 * evaluation test runs on an engine built from the test's data, and every query goes through
 * the same calls the server makes (form analysis, then select / ask / serialize); answers can be
 * read back from any media type the endpoint sends, to hold its serializers to the suite too.
 */
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import N3 from "n3";
import type * as RDF from "@rdfjs/types";
import sparqljs from "sparqljs";
import testSuite from "rdf-test-suite";
import type { IQueryEngine, IQueryResult } from "rdf-test-suite";
import type { QueryEngine, QueryForm, SparqlJsonTerm } from "../../server/sparql/engine.ts";
import { analyzeQuery } from "../../server/sparql/analyzeQuery.ts";
import type { QueryGraphs } from "../../server/sparql/queryDataset.ts";

const { QueryResultBindings, QueryResultBoolean, QueryResultQuads, TestCaseQueryEvaluationHandler, Util } = testSuite;
const { namedNode, blankNode, literal, quad } = N3.DataFactory;

/** Builds an engine over a dataset given as N-Quads; the adapter closes it when done with it. */
export type EngineFactory = (nquads: string) => QueryEngine | Promise<QueryEngine>;

export interface AdapterOptions {
  createEngine: EngineFactory;
  /**
   * Where a test document lives on disk, or undefined if it is not a test document. Lets the
   * FROM / FROM NAMED IRIs of the sparql10/dataset tests load local files instead of the web.
   */
  localPathOf?: (iri: string) => string | undefined;
  /** Tells the query form; defaults to the server's own analysis (sparqljs). */
  formOf?: (query: string) => QueryForm;
  answers?: AnswerFormats;
  /**
   * The graphs each query is asked over, as the endpoint would pass them (server/sparql/
   * queryDataset.ts); unset, the engine reads the query's FROM / FROM NAMED itself.
   */
  datasetOf?: (query: string) => QueryGraphs;
}

/** How answers are read back from the engine. */
export interface AnswerFormats {
  /**
   * Media type in which SELECT and ASK answers are asked of `engine.serialize` (what the
   * endpoint sends) and parsed back by rdf-test-suite's own parsers; unset, `engine.select` and
   * `engine.ask` answer (what the views use).
   */
  solutions?: string;
  /** Media type in which CONSTRUCT and DESCRIBE answers are serialized and parsed back. */
  graphs: string;
}

export interface ConformanceAdapter extends IQueryEngine {
  /** How many engines it has started (one per distinct dataset, give or take the cache). */
  readonly enginesStarted: number;
  /** Closes the engines it still holds. */
  close(): Promise<void>;
}

interface TestOptions {
  baseIRI?: string;
  checkOrder?: boolean;
}

export function createConformanceAdapter({
  createEngine,
  localPathOf,
  formOf = (query) => analyzeQuery(query).form,
  answers = { graphs: "application/n-triples" },
  datasetOf = () => ({}),
}: AdapterOptions): ConformanceAdapter {
  const engines = engineCache(createEngine);
  const run = (engine: QueryEngine, query: string, checkOrder?: boolean) => runTest(engine, query, datasetOf(query), formOf, answers, checkOrder);

  return {
    async parse(queryString: string, options: TestOptions): Promise<void> {
      const engine = await engines.get("");
      try {
        await run(engine, withBase(queryString, options.baseIRI));
      } catch (error) {
        // Only a syntax error means "not SPARQL"; evaluation errors on an empty store do not.
        if ((error as { code?: string }).code === "QUERY_SYNTAX") throw error;
      }
    },

    async query(data: RDF.Quad[], queryString: string, options: TestOptions): Promise<IQueryResult> {
      const query = withBase(queryString, options.baseIRI);
      const engine = await engines.get(toNQuads([...data, ...fromGraphs(query, data, localPathOf)]));
      return run(engine, query, options.checkOrder ?? false);
    },

    async queryResultFormat(data: RDF.Quad[], queryString: string, mediaType: string, options: TestOptions) {
      const query = withBase(queryString, options.baseIRI);
      const engine = await engines.get(toNQuads(data));
      const result = await endpointAnswer(engine, query, formOf(query), mediaType, datasetOf(query));
      return Readable.from([result.body]);
    },

    get enginesStarted() {
      return engines.started;
    },
    close: () => engines.close(),
  };
}

/**
 * Engines by dataset. Queries never change an engine's data, so tests over the same data (often
 * neighbours in a manifest) can share one; the few most recent are kept, the rest closed.
 */
function engineCache(createEngine: EngineFactory, size = 4) {
  const engines = new Map<string, Promise<QueryEngine>>();
  let started = 0;
  const closeQuietly = (engine: Promise<QueryEngine>) => engine.then((e) => e.close()).catch(() => {});
  return {
    get started() {
      return started;
    },
    get(nquads: string): Promise<QueryEngine> {
      let engine = engines.get(nquads);
      if (engine) {
        engines.delete(nquads); // re-inserted below as the most recent
      } else {
        engine = Promise.resolve().then(() => createEngine(nquads));
        started++;
        engine.catch(() => engines.delete(nquads));
      }
      engines.set(nquads, engine);
      if (engines.size > size) {
        const [oldest, old] = engines.entries().next().value!;
        engines.delete(oldest);
        void closeQuietly(old);
      }
      return engine;
    },
    async close(): Promise<void> {
      await Promise.all([...engines.values()].map(closeQuietly));
      engines.clear();
    },
  };
}

async function runTest(
  engine: QueryEngine,
  query: string,
  graphs: QueryGraphs,
  formOf: (query: string) => QueryForm,
  answers: AnswerFormats,
  checkOrder = false,
): Promise<IQueryResult> {
  const form = formOf(query);
  if (form === "CONSTRUCT" || form === "DESCRIBE") {
    const { body } = await endpointAnswer(engine, query, form, answers.graphs, graphs);
    return new QueryResultQuads(await parseGraph(answers.graphs, body));
  }
  if (answers.solutions) {
    const result = await endpointAnswer(engine, query, form, answers.solutions, graphs);
    if (result.truncated) throw new Error(`The engine cut the result at ${result.count} rows`);
    const parsed = await parseSolutions(answers.solutions, result.body);
    // The parsers cannot know whether order matters; the test does.
    return parsed.type === "bindings" ? new QueryResultBindings(parsed.variables, parsed.value, checkOrder) : parsed;
  }
  if (form === "ASK") return new QueryResultBoolean(await engine.ask(query, graphs));
  const result = await engine.select(query, graphs);
  if (result.truncated) throw new Error(`The engine cut the result at ${result.rows.length} rows`);
  const rows = result.rows.map((row) => {
    const binding: Record<string, RDF.Term> = {};
    for (const [name, term] of Object.entries(row)) binding[`?${name}`] = toTerm(term);
    return binding;
  });
  return new QueryResultBindings(result.vars.map((name) => `?${name}`), rows, checkOrder);
}

/**
 * The answer as the endpoint sends it: streamed in chunks where the engine can (every chunk
 * joined; the byte cap far above any test's answer), else serialized whole.
 */
async function endpointAnswer(engine: QueryEngine, query: string, form: QueryForm, mediaType: string, graphs: QueryGraphs): Promise<{ body: string; count: number; truncated: boolean }> {
  if (!engine.stream) return engine.serialize(query, form, mediaType, graphs);
  const chunks = await engine.stream(query, form, mediaType, { ...graphs, byteLimit: 2 ** 30 });
  const body: string[] = [];
  for (let chunk = await chunks.next(); chunk !== undefined; chunk = await chunks.next()) body.push(chunk);
  return { body: body.join(""), count: chunks.outcome!.count, truncated: chunks.outcome!.truncated !== false };
}

function parseSolutions(mediaType: string, body: string): Promise<IQueryResult> {
  const stream = Readable.from([body]);
  if (mediaType.includes("tab-separated-values")) return TestCaseQueryEvaluationHandler.parseSparqlTsvResults(stream);
  if (mediaType.includes("sparql-results+xml")) return TestCaseQueryEvaluationHandler.parseSparqlResults("xml", stream);
  if (mediaType.includes("sparql-results+json")) return TestCaseQueryEvaluationHandler.parseSparqlResults("json", stream);
  throw new Error(`${mediaType}: no parser to read SELECT / ASK answers back from (use JSON, XML or TSV)`);
}

function parseGraph(mediaType: string, body: string): Promise<RDF.Quad[]> {
  // The answer holds absolute IRIs only; the base is there because the parsers require one.
  const stream = Util.parseRdfRaw(mediaType, "http://example.org/", Readable.from([body]));
  return new Promise((resolve, reject) => {
    const quads: RDF.Quad[] = [];
    stream.on("data", (q: RDF.Quad) => quads.push(q));
    stream.on("error", reject);
    stream.on("end", () => resolve(quads));
  });
}

/**
 * QueryOptions has no base IRI (nor has the SPARQL Protocol), so the test's base goes into the
 * query's prologue, where a client of the endpoint would put it. The prologue may hold several
 * BASE declarations, so a query with its own BASE still resolves as written. Same line, so the
 * line numbers of syntax errors stay those of the test's file.
 */
function withBase(query: string, baseIRI: string | undefined): string {
  return baseIRI ? `BASE <${baseIRI}> ${query}` : query;
}

/** Loads the documents named by FROM / FROM NAMED into graphs of the same name, if local. */
function fromGraphs(
  query: string,
  data: RDF.Quad[],
  localPathOf: AdapterOptions["localPathOf"],
): RDF.Quad[] {
  if (!localPathOf) return [];
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser().parse(query);
  } catch {
    return []; // the engine will report the syntax error itself
  }
  if (parsed.type !== "query" || !parsed.from) return [];
  const present = new Set(data.map((q) => q.graph.value));
  const quads: RDF.Quad[] = [];
  for (const graph of [...parsed.from.default, ...parsed.from.named]) {
    const path = localPathOf(graph.value);
    if (!path || present.has(graph.value)) continue;
    present.add(graph.value);
    const parser = new N3.Parser({ baseIRI: graph.value, format: "text/turtle" });
    for (const q of parser.parse(readFileSync(path, "utf8"))) {
      quads.push(quad(q.subject, q.predicate, q.object, namedNode(graph.value)));
    }
  }
  return quads;
}

function toNQuads(quads: RDF.Quad[]): string {
  const writer = new N3.Writer({ format: "application/n-quads" });
  return writer.quadsToString(quads);
}

function toTerm(term: SparqlJsonTerm): RDF.Term {
  switch (term.type) {
    case "uri":
      return namedNode(term.value);
    case "bnode":
      return blankNode(term.value);
    case "literal":
      return term["xml:lang"]
        ? literal(term.value, term["xml:lang"])
        : literal(term.value, term.datatype ? namedNode(term.datatype) : undefined);
    case "triple":
      throw new Error("Triple terms are not part of the SPARQL 1.0 / 1.1 suites");
  }
}
