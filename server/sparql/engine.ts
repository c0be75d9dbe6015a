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
  /** The query's own FROM / FROM NAMED decide its dataset, read by the store (no union default graph for it). */
  ownDataset?: boolean;
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

/** Why an answer stops short: `rows` (the row cap), `bytes` (the byte cap); false when whole. */
export type Truncation = false | "rows" | "bytes";

export interface ChunkOutcome {
  /** Solutions or triples in the body. */
  count: number;
  truncated: Truncation;
}

/**
 * An answer arriving a chunk at a time (answerStream.ts): each `next()` asks for one more, so a
 * reader that stops asking stops the producer too. Every chunk ends on a whole solution or
 * triple; the last closes the document, and `outcome` is set once `next()` has said undefined.
 */
export interface AnswerChunks {
  /** Known before the first chunk: the row cap cuts this answer (the byte cap may cut it sooner). */
  readonly rowsCut: boolean;
  next(): Promise<string | undefined>;
  readonly outcome: ChunkOutcome | undefined;
  /** The reader is gone: the producer drops what it holds. */
  cancel(): void;
}

export interface StreamOptions extends QueryOptions {
  /** Most bytes of the whole body; the answer is cut to whole rows below it. */
  byteLimit: number;
}

export interface QueryEngine {
  /** A short name for health and benchmarks, e.g. "oxigraph 0.5 (embedded)". */
  readonly name: string;
  select(query: string, options?: QueryOptions): Promise<SelectResult>;
  ask(query: string, options?: QueryOptions): Promise<boolean>;
  /** Runs any read-only query form and serializes the answer as `mediaType`. */
  serialize(query: string, form: QueryForm, mediaType: string, options?: QueryOptions): Promise<SerializedResult>;
  /**
   * Like serialize, but the answer is handed over in chunks under a byte cap, so no side holds
   * the serialized answer whole. Resolves once the query has run (its errors reject here).
   * Engines without it are answered through serialize.
   */
  stream?(query: string, form: QueryForm, mediaType: string, options: StreamOptions): Promise<AnswerChunks>;
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
