/**
 * Embedded engine
 * ===============
 * The QueryEngine on Oxigraph, run in a pool of worker threads, each with its own copy of the
 * dataset. Deadlines and the row cap are applied here; queries are read-only by construction
 * (Oxigraph's query entry point does not accept updates).
 */
import type { QueryEngine, QueryForm, QueryOptions, SelectResult, SerializedResult } from "./engine.ts";
import { WorkerPool, type PoolStats } from "./workerPool.ts";
import type { GraphOptions, SerializedAnswer } from "./workerProtocol.ts";

export interface EmbeddedEngineOptions {
  /** The dataset as N-Quads (or N-Triples) text chunks. */
  chunks: string[];
  workers: number;
  deadlineMs: number;
  rowCap: number;
  /** Keep a loaded spare worker so a terminated one is replaced at once (default true). */
  spare?: boolean;
  /**
   * The default graph is the union of all graphs (default true: uploads and --data files are
   * named graphs the views must see). False keeps SPARQL's plain dataset, as the W3C suites expect.
   */
  unionDefaultGraph?: boolean;
}

export class EmbeddedEngine implements QueryEngine {
  readonly name = "oxigraph 0.5 (embedded, worker threads)";
  private readonly pool: WorkerPool;

  private constructor(private readonly options: EmbeddedEngineOptions) {
    this.pool = new WorkerPool(options.chunks, options.workers, { spare: options.spare });
  }

  /** Starts the workers and resolves once every one has loaded the dataset. */
  static async start(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
    const engine = new EmbeddedEngine(options);
    try {
      await engine.pool.ready;
    } catch (error) {
      await engine.close();
      throw error;
    }
    return engine;
  }

  get stats(): Readonly<PoolStats> {
    return this.pool.stats;
  }

  async select(query: string, options: QueryOptions = {}): Promise<SelectResult> {
    return (await this.pool.run({ kind: "select", query, rowCap: this.rowCap(options), ...this.graphs(options) }, this.deadline(options))) as SelectResult;
  }

  async ask(query: string, options: QueryOptions = {}): Promise<boolean> {
    return (await this.pool.run({ kind: "ask", query, ...this.graphs(options) }, this.deadline(options))) as boolean;
  }

  async serialize(query: string, form: QueryForm, mediaType: string, options: QueryOptions = {}): Promise<SerializedResult> {
    const answer = (await this.pool.run(
      { kind: "serialize", query, form, mediaType, rowCap: this.rowCap(options), ...this.graphs(options) },
      this.deadline(options),
    )) as SerializedAnswer;
    return { form, mediaType, ...answer };
  }

  /** Loads (or replaces) a named graph in every worker; `chunks` are N-Quads already parsed and checked. */
  addGraph(graph: string, chunks: string[]): Promise<void> {
    return this.pool.changeGraph({ kind: "addGraph", graph, chunks });
  }

  dropGraph(graph: string): Promise<void> {
    return this.pool.changeGraph({ kind: "dropGraph", graph });
  }

  async tripleCount(): Promise<number> {
    return this.pool.stats.triples;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private deadline(options: QueryOptions): number {
    return options.deadlineMs ?? this.options.deadlineMs;
  }

  private rowCap(options: QueryOptions): number {
    return options.rowCap ?? this.options.rowCap;
  }

  private graphs(options: QueryOptions): GraphOptions {
    return { defaultGraphs: options.defaultGraphs, namedGraphs: options.namedGraphs, unionDefaultGraph: this.options.unionDefaultGraph };
  }
}
