/**
 * HTTP engine
 * ===========
 * The QueryEngine over any SPARQL 1.1 Protocol endpoint (Fuseki, GraphDB, Oxigraph server, or
 * another Caspian): the same views, an external store. Queries are POSTed as forms; the deadline
 * aborts the request; the row cap and serialization are applied here as for the embedded engine.
 * Credentials (Basic auth) go with every request when given. A remote that answers an error or
 * does not answer is a RemoteStoreError (502) with the remote's own words; a remote that runs past
 * the deadline, or says it timed out, a RemoteTimeoutError (504). Uploads go to the update
 * endpoint as INSERT DATA into the dataset's named graph.
 */
import type { QueryEngine, QueryForm, QueryOptions, SelectResult, SerializedResult } from "./engine.ts";
import { Parser, Writer } from "n3";
import { QuerySyntaxError } from "./errors.ts";
import { MEDIA } from "./mediaTypes.ts";
import { serializeSolutions, type SparqlJsonResults } from "./serializeSolutions.ts";
import { serializeTriples } from "./serializeTriples.ts";
import { readXmlSolutions, XmlResultsError } from "./readXmlSolutions.ts";
import { CaspianError } from "../../contract/errors.ts";

export interface HttpEngineOptions {
  /** The endpoint URL, e.g. http://localhost:7878/query. */
  endpoint: string;
  deadlineMs: number;
  rowCap: number;
  /** Where SPARQL Update goes (uploads); without it the store takes no uploads. */
  updateEndpoint?: string;
  credentials?: { user: string; password: string };
  /**
   * The results format select() asks for: "json" (default), or "xml", read as a stream
   * (readXmlSolutions.ts) — for Virtuoso, whose JSON writer is ~8× slower than its XML one, and
   * for view reads too large for one string.
   */
  selectResults?: "json" | "xml";
}

/** The remote store answered with an error, or could not be reached. */
export class RemoteStoreError extends CaspianError {
  readonly code = "REMOTE_STORE";
  constructor(message: string) {
    super(message);
    this.name = "RemoteStoreError";
  }
}

/** The remote store did not answer within the deadline (or said it timed out). */
export class RemoteTimeoutError extends CaspianError {
  readonly code = "REMOTE_TIMEOUT";
  constructor(
    readonly deadlineMs: number,
    detail = "",
  ) {
    super(`The SPARQL store did not answer within ${deadlineMs} ms${detail ? ` (${detail})` : ""}. Narrow the query or raise --deadline.`);
    this.name = "RemoteTimeoutError";
  }
}

/** The errors of a request sent on a connection the other side had already closed. */
const STALE_CONNECTION = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"]);

/** Quads per INSERT DATA request: stores (Virtuoso among them) refuse very large update texts. */
const INSERT_BATCH = 2_000;

export class HttpSparqlEngine implements QueryEngine {
  readonly name: string;

  constructor(private readonly options: HttpEngineOptions) {
    this.name = `SPARQL 1.1 endpoint over HTTP (${new URL(options.endpoint).host})`;
  }

  async select(query: string, options: QueryOptions = {}): Promise<SelectResult> {
    if (this.options.selectResults === "xml") return await this.selectXml(query, options);
    const { results, truncated } = cut(normalizeTerms(JSON.parse(await this.post(query, MEDIA.resultsJson, options))), this.rowCap(options));
    return { vars: results.head.vars ?? [], rows: results.results?.bindings ?? [], truncated };
  }

  async ask(query: string, options: QueryOptions = {}): Promise<boolean> {
    return askAnswer(JSON.parse(await this.post(query, MEDIA.resultsJson, options)) as SparqlJsonResults);
  }

  async serialize(query: string, form: QueryForm, mediaType: string, options: QueryOptions = {}): Promise<SerializedResult> {
    if (form === "CONSTRUCT" || form === "DESCRIBE") {
      return { form, mediaType, ...serializeTriples(await this.post(query, MEDIA.nTriples, options), mediaType, this.rowCap(options)) };
    }
    const text = await this.post(query, MEDIA.resultsJson, options);
    if (form === "ASK") {
      // Re-written, not passed through: some stores answer an ASK in a SELECT's shape (below).
      const answer = { head: {}, boolean: askAnswer(JSON.parse(text) as SparqlJsonResults) } as SparqlJsonResults;
      return { form, mediaType, body: mediaType === MEDIA.resultsJson ? JSON.stringify(answer) : serializeSolutions(answer, mediaType), count: 1, truncated: false };
    }
    const { results, truncated, count } = cut(normalizeTerms(JSON.parse(text)), this.rowCap(options));
    const body = mediaType === MEDIA.resultsJson && !truncated ? text : serializeSolutions(results, mediaType);
    return { form, mediaType, body, count, truncated };
  }

  async tripleCount(): Promise<number> {
    // The default graph: a union of all graphs in Caspian and in most stores (Virtuoso), as the views see the data.
    const { rows } = await this.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    return Number(rows[0]?.n?.value ?? 0);
  }

  async close(): Promise<void> {}

  /** Replaces a named graph in the remote store with the given N-Quads chunks (via the update endpoint). */
  async addGraph(graph: string, chunks: string[]): Promise<void> {
    await this.update(`DROP SILENT GRAPH <${graph}>`);
    for (const chunk of chunks) {
      const quads = new Parser({ format: "application/n-quads" }).parse(chunk);
      for (let start = 0; start < quads.length; start += INSERT_BATCH) {
        const triples = new Writer({ format: "N-Triples" }).quadsToString(quads.slice(start, start + INSERT_BATCH).map((quad) => ({ ...quad, graph: { termType: "DefaultGraph", value: "" } }) as never));
        await this.update(`INSERT DATA { GRAPH <${graph}> {\n${triples}} }`);
      }
    }
  }

  async dropGraph(graph: string): Promise<void> {
    await this.update(`DROP SILENT GRAPH <${graph}>`);
  }

  private async update(update: string): Promise<void> {
    const endpoint = this.options.updateEndpoint;
    if (!endpoint) throw new RemoteStoreError("No --sparql-update-endpoint is configured: the external store takes no uploads.");
    await this.send(endpoint, new URLSearchParams({ update }), "*/*", this.options.deadlineMs * 6);
  }

  private authorization(): Record<string, string> {
    const credentials = this.options.credentials;
    return credentials ? { Authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString("base64")}` } : {};
  }

  private rowCap(options: QueryOptions): number {
    return options.rowCap ?? this.options.rowCap;
  }

  /** A SELECT read as streamed XML results, cut at the row cap without reading the rest. */
  private async selectXml(query: string, options: QueryOptions): Promise<SelectResult> {
    const deadlineMs = options.deadlineMs ?? this.options.deadlineMs;
    const response = await this.open(this.options.endpoint, queryForm(query, options), MEDIA.resultsXml, deadlineMs);
    if (!response.body) throw new RemoteStoreError(`The SPARQL store at ${this.options.endpoint} answered a SELECT without a body.`);
    try {
      const { vars, rows, truncated } = await readXmlSolutions(response.body, this.rowCap(options));
      normalizeTerms({ head: { vars }, results: { bindings: rows } });
      return { vars, rows, truncated };
    } catch (error) {
      if (error instanceof XmlResultsError) throw error;
      throw notAnswered(error, this.options.endpoint, deadlineMs);
    }
  }

  private async post(query: string, accept: string, options: QueryOptions): Promise<string> {
    const deadlineMs = options.deadlineMs ?? this.options.deadlineMs;
    return await this.send(this.options.endpoint, queryForm(query, options), accept, deadlineMs);
  }

  private async send(endpoint: string, form: URLSearchParams, accept: string, deadlineMs: number): Promise<string> {
    const response = await this.open(endpoint, form, accept, deadlineMs);
    try {
      return await response.text();
    } catch (error) {
      throw notAnswered(error, endpoint, deadlineMs);
    }
  }

  /** The remote's response once it answered 2xx (its body still to read); its errors as typed errors. */
  private async open(endpoint: string, form: URLSearchParams, accept: string, deadlineMs: number): Promise<Response> {
    let response: Response;
    let text: string;
    try {
      const signal = AbortSignal.timeout(deadlineMs);
      const request = () => fetch(endpoint, { method: "POST", headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded", ...this.authorization() }, body: form, signal });
      // A kept-alive connection the store closed while idle (Virtuoso does, after a view's long
      // computation between two queries) fails before any answer: sent again once, on a new one.
      // Safe to repeat: queries read, and the uploads' DROP SILENT / INSERT DATA give the same graph twice.
      response = await request().catch((error: unknown) => {
        if (!signal.aborted && STALE_CONNECTION.has((error as { cause?: { code?: string } }).cause?.code ?? "")) return request();
        throw error;
      });
      if (response.ok) return response;
      text = await response.text();
    } catch (error) {
      throw notAnswered(error, endpoint, deadlineMs);
    }
    const status = response.status;
    if (status === 400) throw remoteSyntaxError(text);
    if ((status === 503 || status === 504 || status === 500) && /DEADLINE|time-?out|timed out|SR171|estimated execution time/i.test(text)) throw new RemoteTimeoutError(deadlineMs, oneLine(text));
    throw new RemoteStoreError(`The SPARQL store at ${endpoint} answered ${status}: ${oneLine(text)}`);
  }
}

function queryForm(query: string, options: QueryOptions): URLSearchParams {
  const form = new URLSearchParams({ query });
  for (const iri of options.defaultGraphs ?? []) form.append("default-graph-uri", iri);
  for (const iri of options.namedGraphs ?? []) form.append("named-graph-uri", iri);
  return form;
}

/** A request that failed before the remote's answer was read whole: past the deadline, or no answer. */
function notAnswered(error: unknown, endpoint: string, deadlineMs: number): CaspianError {
  if ((error as Error).name === "TimeoutError") return new RemoteTimeoutError(deadlineMs);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new RemoteStoreError(`The SPARQL store at ${endpoint} did not answer: ${cause?.code ?? cause?.message ?? (error as Error).message}.`);
}

/**
 * SPARQL 1.0-era stores (Virtuoso) write typed literals as "typed-literal" in JSON results; the
 * 1.1 format says "literal" with a datatype, which is what the views read. Booleans get their
 * canonical lexical form.
 */
const XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean";

function normalizeTerms(results: SparqlJsonResults): SparqlJsonResults {
  for (const row of results.results?.bindings ?? []) {
    for (const term of Object.values(row) as { type: string; datatype?: string; value: string }[]) {
      if (term.type === "typed-literal") term.type = "literal";
      // Virtuoso writes xsd:boolean values as 1 and 0; the lexical form the views show is true/false.
      if (term.datatype === XSD_BOOLEAN && (term.value === "1" || term.value === "0")) term.value = term.value === "1" ? "true" : "false";
    }
  }
  return results;
}

/**
 * An ASK's boolean. Virtuoso answers ASK in JSON as a one-column SELECT (`__ASK_RETVAL`): no
 * row for false, a row for true.
 */
function askAnswer(results: SparqlJsonResults): boolean {
  if (typeof results.boolean === "boolean") return results.boolean;
  const bindings = results.results?.bindings;
  if (Array.isArray(bindings)) return bindings.length > 0 && Object.values(bindings[0] ?? {}).some((term) => (term as { value: string }).value !== "0");
  throw new RemoteStoreError("The SPARQL store answered an ASK without a boolean.");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}

function cut(results: SparqlJsonResults, rowCap: number) {
  const bindings = results.results?.bindings ?? [];
  const truncated = bindings.length > rowCap;
  if (truncated && results.results) results.results.bindings = bindings.slice(0, rowCap);
  return { results, truncated, count: Math.min(bindings.length, rowCap) };
}

/** A remote 400 is the query's fault: keep its message, and the position when it gives one. */
function remoteSyntaxError(text: string): QuerySyntaxError {
  const message = text.trim().replace(/^QUERY_SYNTAX: /, "");
  const position = /^Line (\d+)(?:, column (\d+))?: ([\s\S]*)$/.exec(message) ?? /line (\d+)(?:,? column (\d+))?/i.exec(message);
  if (!position) return new QuerySyntaxError(message || "The SPARQL endpoint refused the query");
  return new QuerySyntaxError(position[3] ?? message, Number(position[1]), position[2] ? Number(position[2]) : undefined);
}
