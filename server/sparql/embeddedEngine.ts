/**
 * Embedded engine
 * ===============
 * The QueryEngine on Oxigraph, run in a pool of worker threads, each with its own store that it
 * loads itself from the dataset's files (see workerPool.ts for the memory design). Deadlines and
 * the row cap are applied here; queries are read-only by construction (Oxigraph's query entry
 * point does not accept updates).
 */
import { MessageChannel } from "node:worker_threads";
import { AnswerReader } from "./answerStream.ts";
import type { AnswerChunks, LoadProgress, QueryEngine, QueryForm, QueryOptions, SelectResult, SerializedResult, StreamOptions } from "./engine.ts";
import { currentLane } from "./lanes.ts";
import { startMemoryWatchdog, type Watchdog } from "./memoryWatchdog.ts";
import { currentClient, FairScheduler } from "./scheduler.ts";
import type { TaskQueue } from "./taskQueue.ts";
import { WorkerPool, type PoolStats, type PoolTask, type RunOptions } from "./workerPool.ts";
import { readTsvResults } from "./tsvResults.ts";
import type { GraphOptions, SerializedAnswer, StoreSource, TsvAnswer } from "./workerProtocol.ts";

export interface EmbeddedEngineOptions {
  /** Where the data lives: files each worker reads itself (see loadDatasets.ts planDatasets). */
  sources?: StoreSource[];
  /** Data already held as N-Quads (or N-Triples) text chunks: small data, tests, uploads. */
  chunks?: string[];
  workers: number;
  deadlineMs: number;
  rowCap: number;
  /**
   * Spare workers (workerPool.ts): "lazy" (default) loads one only while every worker is held by
   * a long request; true / "loaded" keeps one loaded always; false / "none" never.
   */
  spare?: boolean | "lazy" | "loaded" | "none";
  /** The waiting line (default: user requests before background work; `fair` for the FairScheduler). */
  queue?: TaskQueue<PoolTask> | "fair";
  /** Stop the longest-running query when the process grows this many MB above idle (memoryWatchdog.ts). */
  memoryCapMb?: number;
  /** Heap bound of each worker's JavaScript side, in MB. */
  heapMb?: number;
  /** A lazy extra worker is called in when every worker has run one request this long (default 1000 ms). */
  longMs?: number;
  /** Bytes per batch when a worker reads a line-based file (default 8 MiB). */
  batchBytes?: number;
  /**
   * The default graph is the union of all graphs (default true: uploads and --data files are
   * named graphs the views must see). False keeps SPARQL's plain dataset, as the W3C suites expect.
   */
  unionDefaultGraph?: boolean;
}

/** Background queries get this many times the configured deadline. */
const BACKGROUND_DEADLINE_FACTOR = 6;

export class EmbeddedEngine implements QueryEngine {
  readonly name = "oxigraph 0.5 (embedded, worker threads)";
  private readonly pool: WorkerPool;

  private constructor(private readonly options: EmbeddedEngineOptions) {
    const sources: StoreSource[] = [...(options.sources ?? []), ...(options.chunks?.length ? [{ kind: "nquads" as const, chunks: options.chunks }] : [])];
    const queue = options.queue === "fair" ? new FairScheduler<PoolTask>({ workers: options.workers }) : options.queue;
    this.pool = new WorkerPool(sources, options.workers, { spare: options.spare, queue, longMs: options.longMs, batchBytes: options.batchBytes, heapMb: options.heapMb });
    const pool = this.pool;
    if (options.memoryCapMb) this.watchdog = startMemoryWatchdog({ capBytes: options.memoryCapMb * 2 ** 20, running: () => pool.running(), abort: (task, error) => pool.abort(task, error) });
  }

  /** The memory watchdog, when a cap was set (its peak and idle sizes are for benches and tests). */
  readonly watchdog?: Watchdog;

  /** Starts the workers and resolves once every one has loaded the dataset. */
  static async start(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
    const engine = EmbeddedEngine.open(options);
    try {
      await engine.ready;
    } catch (error) {
      await engine.close();
      throw error;
    }
    return engine;
  }

  /** Starts the workers and returns at once: requests wait for the load, loadProgress() says how far it is. */
  static open(options: EmbeddedEngineOptions): EmbeddedEngine {
    return new EmbeddedEngine(options);
  }

  /** Resolves when every worker has loaded; rejects with the first load error (RdfSyntaxError names file and line). */
  get ready(): Promise<void> {
    return this.pool.ready;
  }

  /** Resolves when the first worker answers (the others may still be loading); rejects like ready. */
  get answering(): Promise<void> {
    return this.pool.answering;
  }

  get stats(): Readonly<PoolStats> {
    return this.pool.stats;
  }

  loadProgress(): LoadProgress | undefined {
    return this.pool.loadProgress();
  }

  async select(query: string, options: QueryOptions = {}): Promise<SelectResult> {
    const answer = await this.selectRaw(query, options);
    return "tsv" in answer ? readTsvResults(answer.tsv, answer.truncated) : answer;
  }

  /** The SELECT's rows as the worker sent them: TSV text, read wherever they are needed (the view thread). */
  async selectRaw(query: string, options: QueryOptions = {}): Promise<SelectResult | TsvAnswer> {
    return (await this.pool.run({ kind: "select", query, rowCap: this.rowCap(options), ...this.graphs(options) }, this.deadline(options), run(options))) as SelectResult | TsvAnswer;
  }

  async ask(query: string, options: QueryOptions = {}): Promise<boolean> {
    return (await this.pool.run({ kind: "ask", query, ...this.graphs(options) }, this.deadline(options), run(options))) as boolean;
  }

  async serialize(query: string, form: QueryForm, mediaType: string, options: QueryOptions = {}): Promise<SerializedResult> {
    const answer = (await this.pool.run(
      { kind: "serialize", query, form, mediaType, rowCap: this.rowCap(options), ...this.graphs(options) },
      this.deadline(options),
      run(options),
    )) as SerializedAnswer;
    return { form, mediaType, ...answer };
  }

  /** The answer in chunks pulled from the worker (answerStream.ts); resolves once the query has run. */
  async stream(query: string, form: QueryForm, mediaType: string, options: StreamOptions): Promise<AnswerChunks> {
    const { port1, port2 } = new MessageChannel();
    let opened: { rowsCut: boolean };
    try {
      opened = (await this.pool.run(
        { kind: "stream", query, form, mediaType, rowCap: this.rowCap(options), byteLimit: options.byteLimit, port: port2, ...this.graphs(options) },
        this.deadline(options),
        run(options),
      )) as { rowsCut: boolean };
    } catch (error) {
      port1.close();
      throw error;
    }
    return new AnswerReader(port1, opened.rowsCut);
  }

  /** Loads (or replaces) a named graph in every worker; `chunks` are N-Quads already parsed and checked. */
  addGraph(graph: string, chunks: string[]): Promise<void> {
    return this.pool.changeGraph({ kind: "addGraph", graph, chunks });
  }

  dropGraph(graph: string): Promise<void> {
    return this.pool.changeGraph({ kind: "dropGraph", graph });
  }

  dataVersion(): number {
    return this.pool.stats.dataVersion;
  }

  async tripleCount(): Promise<number> {
    return this.pool.stats.triples;
  }

  close(): Promise<void> {
    this.watchdog?.stop();
    return this.pool.close();
  }

  private deadline(options: QueryOptions): number {
    // The server's own whole-store reads (start-up preparation) may take longer than a user's
    // deadline at a million triples; stopping them would only rebuild a worker and start again.
    // They run beside the user lane, never in its way, so they get a longer one.
    if (options.deadlineMs === undefined && (options.lane ?? currentLane()) === "background") return this.options.deadlineMs * BACKGROUND_DEADLINE_FACTOR;
    return options.deadlineMs ?? this.options.deadlineMs;
  }

  private rowCap(options: QueryOptions): number {
    return options.rowCap ?? this.options.rowCap;
  }

  private graphs(options: QueryOptions): GraphOptions {
    // A query whose FROM only the store can read gets SPARQL's plain dataset, so the FROM decides.
    return { defaultGraphs: options.defaultGraphs, namedGraphs: options.namedGraphs, unionDefaultGraph: options.ownDataset ? false : this.options.unionDefaultGraph };
  }
}

function run(options: QueryOptions): RunOptions {
  return { lane: options.lane ?? currentLane(), client: options.client ?? currentClient() };
}
