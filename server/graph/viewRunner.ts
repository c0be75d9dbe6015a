/**
 * View runners
 * ============
 * How the API runs a view (viewRegistry.ts) and gets its JSON: `ViewThread` runs every view in
 * one worker thread (viewThread.ts) and answers the thread's queries from the main thread's
 * engine, each in the lane and for the client of the request it serves; `inProcessViews` runs
 * them on the calling thread (the CLI's way, and a fallback). A view thread that dies takes its
 * memos with it: the requests it held fail, and the next request starts a new one.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { CaspianError } from "../../contract/errors.ts";
import type { QueryEngine, QueryOptions, SelectResult } from "../sparql/engine.ts";
import { inBackground, currentLane } from "../sparql/lanes.ts";
import { currentClient, withClient } from "../sparql/scheduler.ts";
import type { TsvAnswer } from "../sparql/workerProtocol.ts";
import { workerEntryKeepingUrls } from "../sparql/workerBundle.ts";
import { dataStamp } from "./perEngine.ts";
import { crossError, uncrossError, type FromViewThread, type ToViewThread } from "./viewProtocol.ts";
import { runView, type ViewArgs, type ViewEnvironment, type ViewName } from "./viewRegistry.ts";
import { viewsOf } from "./viewState.ts";

export interface ViewRunner {
  /** The view's answer as JSON text. */
  run<K extends ViewName>(name: K, args: ViewArgs[K]): Promise<string>;
  close(): Promise<void>;
}

/** Runs the views on this thread. */
export function inProcessViews(engine: QueryEngine, env: ViewEnvironment): ViewRunner {
  return {
    run: async (name, args) => JSON.stringify(await runView(name, engine, args, env)),
    close: async () => {},
  };
}

/** The view thread stopped while it held a request (out of memory, a crash). */
export class ViewThreadError extends CaspianError {
  readonly code = "VIEWS_RESTARTED";
  constructor(detail: string) {
    super(`The explorer's views stopped (${detail}) and start again; ask again.`);
    this.name = "ViewThreadError";
  }
}

const THREAD_SOURCE = fileURLToPath(new URL("./viewThread.ts", import.meta.url));

/** An engine that hands SELECT rows over as the worker wrote them (embeddedEngine.ts). */
type RawSelect = { selectRaw(query: string, options?: QueryOptions): Promise<SelectResult | TsvAnswer> };
const hasRawSelect = (engine: QueryEngine): engine is QueryEngine & RawSelect => typeof (engine as Partial<RawSelect>).selectRaw === "function";

export class ViewThread implements ViewRunner {
  private worker?: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (json: string) => void; reject: (error: Error) => void }>();
  private closed = false;

  constructor(
    private readonly engine: QueryEngine,
    private readonly env: ViewEnvironment,
    private readonly options: { heapMb?: number } = {},
  ) {}

  async run<K extends ViewName>(name: K, args: ViewArgs[K]): Promise<string> {
    if (this.closed) throw new ViewThreadError("the server is stopping");
    const stamp = await dataStamp(this.engine);
    const worker = await this.thread();
    const id = ++this.nextId;
    const client = currentClient();
    return new Promise<string>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post(worker, { type: "view", id, name, args, stamp, lane: currentLane(), ...(client !== undefined ? { client } : {}) });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private starting?: Promise<Worker>;

  private thread(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= this.spawn().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async spawn(): Promise<Worker> {
    const entry = await workerEntryKeepingUrls(THREAD_SOURCE);
    if (this.closed) throw new ViewThreadError("the server is stopping");
    // A bound on the views' heap: past it the thread alone stops, its requests answer 503, and the
    // server goes on.
    const resourceLimits = this.options.heapMb ? { maxOldGenerationSizeMb: this.options.heapMb } : undefined;
    const worker = new Worker(entry.code, { eval: entry.eval, resourceLimits, workerData: { profile: viewsOf(this.engine).profile, sourceDir: this.env.sourceDir } });
    // The views never keep the process alive on their own (the server and the engine do).
    worker.unref();
    worker.on("message", (message: FromViewThread) => this.onMessage(worker, message));
    worker.on("error", (error) => this.onExit(worker, error.message));
    worker.on("exit", (code) => this.onExit(worker, `exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private onMessage(worker: Worker, message: FromViewThread): void {
    if (message.type === "engine") {
      void this.answerQuery(worker, message);
      return;
    }
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    if (message.type === "viewAnswer") waiting.resolve(message.json);
    else waiting.reject(uncrossError(message.error));
  }

  /** One of the thread's queries, run here as the request it serves. */
  private async answerQuery(worker: Worker, message: Extract<FromViewThread, { type: "engine" }>): Promise<void> {
    const ask = (): Promise<unknown> => {
      switch (message.method) {
        case "select":
          return hasRawSelect(this.engine) ? this.engine.selectRaw(message.query, message.options) : this.engine.select(message.query, message.options);
        case "ask":
          return this.engine.ask(message.query, message.options);
        case "tripleCount":
          return this.engine.tripleCount();
      }
    };
    const asClient = () => (message.client !== undefined ? withClient(message.client, ask) : ask());
    try {
      const value = await (message.lane === "background" ? inBackground(asClient) : asClient());
      this.post(worker, { type: "engineAnswer", id: message.id, value: value as never });
    } catch (error) {
      this.post(worker, { type: "engineFailed", id: message.id, error: crossError(error) });
    }
  }

  private onExit(worker: Worker, detail: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const held = [...this.waiting.values()];
    this.waiting.clear();
    for (const { reject } of held) reject(new ViewThreadError(detail));
  }

  private post(worker: Worker, message: ToViewThread): void {
    worker.postMessage(message);
  }
}
