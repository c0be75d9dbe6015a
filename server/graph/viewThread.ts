/**
 * View thread
 * ===========
 * The thread the explorer's views run in (viewRegistry.ts), so building a million-triple graph
 * model, filtering it per request and writing its JSON never hold the main thread, which stays
 * free to answer everyone else. The views reach the store through an engine that forwards each
 * query to the main thread's engine (workers, scheduler, deadlines and all), marked with the lane
 * and client of the request it serves. What the views remember (graph model, indexes, payloads)
 * lives here, keyed by the main thread's data stamp (perEngine.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { parentPort, workerData } from "node:worker_threads";
import type { LoadProgress, QueryEngine, QueryForm, QueryOptions, SelectResult, SerializedResult } from "../sparql/engine.ts";
import type { Lane } from "../sparql/taskQueue.ts";
import { readTsvResults } from "../sparql/tsvResults.ts";
import type { TsvAnswer } from "../sparql/workerProtocol.ts";
import { crossError, uncrossError, type EngineCall, type FromViewThread, type ToViewThread, type ViewThreadInit } from "./viewProtocol.ts";
import { IdleCollection } from "./idleCollection.ts";
import { runView } from "./viewRegistry.ts";
import { attachViews, viewsOf } from "./viewState.ts";

const port = parentPort;
if (!port) throw new Error("viewThread.ts must run as a worker thread");
const init = workerData as ViewThreadInit;

interface RequestContext {
  lane: Lane;
  client?: string;
}
const context = new AsyncLocalStorage<RequestContext>();
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextCall = 0;

/**
 * Queries in flight from here at once, per lane. A view fans out (the graph model is a dozen
 * reads, some in parts); unbounded, one visitor's first view would fill its share of the request
 * queue (16, scheduler.ts) and be answered 503. The background lane runs one query at a time
 * anyway, so its few slots never hold the user lane's.
 */
const IN_FLIGHT: Record<Lane, number> = { user: 8, background: 2 };
const running: Record<Lane, number> = { user: 0, background: 0 };
const queued: Record<Lane, (() => void)[]> = { user: [], background: [] };

async function call(request: EngineCall): Promise<unknown> {
  const { lane, client } = context.getStore() ?? { lane: "user" as Lane };
  if (running[lane] >= IN_FLIGHT[lane]) await new Promise<void>((resolve) => queued[lane].push(resolve));
  running[lane]++;
  const id = ++nextCall;
  try {
    return await new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({ type: "engine", id, lane, ...(client !== undefined ? { client } : {}), ...request });
    });
  } finally {
    running[lane]--;
    queued[lane].shift()?.();
  }
}

/** The main thread's engine, seen from here. */
class HostEngine implements QueryEngine {
  readonly name = "view thread";
  /** Counting is free: the main thread sends its data stamp with every request (perEngine.ts). */
  readonly stats = {};

  /** One string per IRI across every answer read for one data stamp: the graph model, its
   * indexes and the timeline then share each IRI instead of keeping a copy per query. */
  private iris = { stamp: "", strings: new Map<string, string>() };

  async select(query: string, options: QueryOptions = {}): Promise<SelectResult> {
    const stamp = viewsOf(this).hostStamp ?? "";
    const answer = (await call({ method: "select", query, options })) as SelectResult | TsvAnswer;
    if (!("tsv" in answer)) return answer;
    if (this.iris.stamp !== stamp) this.iris = { stamp, strings: new Map() };
    return readTsvResults(answer.tsv, answer.truncated, this.iris.strings);
  }

  ask(query: string, options: QueryOptions = {}): Promise<boolean> {
    return call({ method: "ask", query, options }) as Promise<boolean>;
  }

  serialize(_query: string, _form: QueryForm, _mediaType: string): Promise<SerializedResult> {
    return Promise.reject(new Error("The views do not serialize answers"));
  }

  tripleCount(): Promise<number> {
    return call({ method: "tripleCount" }) as Promise<number>;
  }

  loadProgress(): LoadProgress | undefined {
    return undefined;
  }

  async close(): Promise<void> {}
}

const engine = attachViews(new HostEngine(), { profile: init.profile });
const idle = new IdleCollection();

port.on("message", (message: ToViewThread) => {
  if (message.type === "view") {
    viewsOf(engine).hostStamp = message.stamp;
    const run = () => runView(message.name, engine, message.args as never, { sourceDir: init.sourceDir });
    idle.begin();
    context
      .run({ lane: message.lane, ...(message.client !== undefined ? { client: message.client } : {}) }, run)
      .then(
        (value) => post({ type: "viewAnswer", id: message.id, json: toJson(value) }),
        (error: unknown) => post({ type: "viewFailed", id: message.id, error: crossError(error) }),
      )
      .finally(() => idle.end());
    return;
  }
  const waiting = pending.get(message.id);
  if (!waiting) return;
  pending.delete(message.id);
  if (message.type === "engineAnswer") waiting.resolve(message.value);
  else waiting.reject(uncrossError(message.error));
});

/** The JSON of answers a view hands out again (graphView.ts remembers payloads): a warm request
 * for a large graph then costs no second serialization. */
const written = new WeakMap<object, string>();

function toJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  let json = written.get(value);
  if (json === undefined) written.set(value, (json = JSON.stringify(value)));
  return json;
}

function post(message: FromViewThread): void {
  port!.postMessage(message);
}
