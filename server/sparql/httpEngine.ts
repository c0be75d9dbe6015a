/**
 * HTTP engine
 * ===========
 * The QueryEngine over any SPARQL 1.1 Protocol endpoint (Fuseki, GraphDB, Oxigraph server, or
 * another Caspian): the same views, an external store. Queries are POSTed as forms; the deadline
 * aborts the request; the row cap and serialization are applied here as for the embedded engine.
 */
import type { QueryEngine, QueryForm, QueryOptions, SelectResult, SerializedResult } from "./engine.ts";
import { DeadlineError, QuerySyntaxError } from "./errors.ts";
import { MEDIA } from "./mediaTypes.ts";
import { serializeSolutions, type SparqlJsonResults } from "./serializeSolutions.ts";
import { serializeTriples } from "./serializeTriples.ts";

export interface HttpEngineOptions {
  /** The endpoint URL, e.g. http://localhost:7878/query. */
  endpoint: string;
  deadlineMs: number;
  rowCap: number;
}

export class HttpSparqlEngine implements QueryEngine {
  readonly name: string;

  constructor(private readonly options: HttpEngineOptions) {
    this.name = `SPARQL 1.1 endpoint over HTTP (${new URL(options.endpoint).host})`;
  }

  async select(query: string, options: QueryOptions = {}): Promise<SelectResult> {
    const { results, truncated } = cut(JSON.parse(await this.post(query, MEDIA.resultsJson, options)), this.rowCap(options));
    return { vars: results.head.vars ?? [], rows: results.results?.bindings ?? [], truncated };
  }

  async ask(query: string, options: QueryOptions = {}): Promise<boolean> {
    const results = JSON.parse(await this.post(query, MEDIA.resultsJson, options)) as SparqlJsonResults;
    if (typeof results.boolean !== "boolean") throw new Error("The SPARQL endpoint answered an ASK without a boolean");
    return results.boolean;
  }

  async serialize(query: string, form: QueryForm, mediaType: string, options: QueryOptions = {}): Promise<SerializedResult> {
    if (form === "CONSTRUCT" || form === "DESCRIBE") {
      return { form, mediaType, ...serializeTriples(await this.post(query, MEDIA.nTriples, options), mediaType, this.rowCap(options)) };
    }
    const text = await this.post(query, MEDIA.resultsJson, options);
    const { results, truncated, count } = cut(JSON.parse(text), this.rowCap(options));
    const body = mediaType === MEDIA.resultsJson && !truncated ? text : serializeSolutions(results, mediaType);
    return { form, mediaType, body, count, truncated };
  }

  async tripleCount(): Promise<number> {
    // Default graph plus named graphs, as the embedded store's size counts them.
    const { rows } = await this.select("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }");
    return Number(rows[0]?.n?.value ?? 0);
  }

  async close(): Promise<void> {}

  private rowCap(options: QueryOptions): number {
    return options.rowCap ?? this.options.rowCap;
  }

  private async post(query: string, accept: string, options: QueryOptions): Promise<string> {
    const deadlineMs = options.deadlineMs ?? this.options.deadlineMs;
    const form = new URLSearchParams({ query });
    for (const iri of options.defaultGraphs ?? []) form.append("default-graph-uri", iri);
    for (const iri of options.namedGraphs ?? []) form.append("named-graph-uri", iri);
    let status: number;
    let text: string;
    try {
      const response = await fetch(this.options.endpoint, {
        method: "POST",
        headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(deadlineMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if ((error as Error).name === "TimeoutError") throw new DeadlineError(deadlineMs);
      throw new Error(`The SPARQL endpoint ${this.options.endpoint} did not answer: ${(error as Error).message}`, { cause: error });
    }
    if (status === 400) throw remoteSyntaxError(text);
    if (status === 503 && /DEADLINE|timeout/i.test(text)) throw new DeadlineError(deadlineMs);
    if (status < 200 || status >= 300) throw new Error(`The SPARQL endpoint ${this.options.endpoint} answered ${status}: ${text.slice(0, 300)}`);
    return text;
  }
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
