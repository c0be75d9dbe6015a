/**
 * Query engine interface
 * ======================
 * Every server view is a SPARQL query behind this one small interface, so the same views run
 * against the embedded store (Oxigraph in worker threads) or an external SPARQL 1.1 store over HTTP.
 * Rows use the SPARQL 1.1 JSON results term shape, which both kinds of store speak natively.
 */

export interface SparqlJsonTerm {
  type: "uri" | "literal" | "bnode" | "triple";
  value: string;
  datatype?: string;
  "xml:lang"?: string;
}

export type SparqlRow = Record<string, SparqlJsonTerm>;

export interface SelectResult {
  vars: string[];
  rows: SparqlRow[];
  /** True when the row cap cut the result. */
  truncated: boolean;
}

export interface QueryOptions {
  /** Milliseconds before the query is stopped; defaults to the engine's configured deadline. */
  deadlineMs?: number;
  /** SPARQL Protocol default-graph-uri / named-graph-uri; undefined = the store's own, [] = none. */
  defaultGraphs?: string[];
  namedGraphs?: string[];
  /** Most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) to return; defaults to the engine's row cap. */
  rowCap?: number;
  /**
   * "background" for the server's own work (start-up graph preparation, precomputed views): it
   * runs only when no user request waits. Default "user". Stores over HTTP ignore it.
   */
  lane?: "user" | "background";
  /** Who asked (for per-client scheduling); undefined for the server's own work. */
  client?: string;
}

/** How far an engine's initial load is (engines that load asynchronously report it). */
export interface LoadProgress {
  /** 0..1 of the data read. */
  fraction: number;
  triples: number;
  triplesPerSecond: number;
  etaSeconds?: number;
}

export type QueryForm = "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE";

/** A query answered in a negotiated media type, ready to send. */
export interface SerializedResult {
  form: QueryForm;
  mediaType: string;
  body: string;
  /** Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) in the body. */
  count: number;
  truncated: boolean;
}

export interface QueryEngine {
  /** A short name for health and benchmarks, e.g. "oxigraph 0.5 (embedded)". */
  readonly name: string;
  select(query: string, options?: QueryOptions): Promise<SelectResult>;
  ask(query: string, options?: QueryOptions): Promise<boolean>;
  /** Runs any read-only query form and serializes the answer as `mediaType`. */
  serialize(query: string, form: QueryForm, mediaType: string, options?: QueryOptions): Promise<SerializedResult>;
  tripleCount(): Promise<number>;
  /**
   * A number that changes whenever the data does (uploads, deletions): ETags are built from it.
   * Engines without one are versioned by their triple count.
   */
  dataVersion?(): number;
  /** While the store still loads: how far it is (health says "loading 43%"); undefined once ready. */
  loadProgress?(): LoadProgress | undefined;
  close(): Promise<void>;
}
