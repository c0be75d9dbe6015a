/**
 * View thread messages
 * ====================
 * What the main thread and the view thread (viewThread.ts) say to each other: the main thread
 * asks for a view and gets its JSON text back; while it runs, the view thread asks the main
 * thread's engine for the queries it needs, and gets SELECT rows as TSV text (tsvResults.ts says
 * why) or, from stores without that path, as rows. Errors cross as their code and message, which
 * is all the HTTP layer maps (http/errors.ts).
 */
import type { Lane } from "../sparql/taskQueue.ts";
import type { QueryOptions, SelectResult } from "../sparql/engine.ts";
import type { TsvAnswer } from "../sparql/workerProtocol.ts";
import type { ViewArgs, ViewName } from "./viewRegistry.ts";

export interface CrossedError {
  code?: string;
  name: string;
  message: string;
}

export interface ViewThreadInit {
  profile: string;
  sourceDir: string;
}

export type ToViewThread =
  | { type: "view"; id: number; name: ViewName; args: ViewArgs[ViewName]; stamp: string; lane: Lane; client?: string }
  | { type: "engineAnswer"; id: number; value: SelectResult | TsvAnswer | boolean | number }
  | { type: "engineFailed"; id: number; error: CrossedError };

export type EngineCall =
  | { method: "select"; query: string; options: QueryOptions }
  | { method: "ask"; query: string; options: QueryOptions }
  | { method: "tripleCount" };

export type FromViewThread =
  | { type: "viewAnswer"; id: number; json: string }
  | { type: "viewFailed"; id: number; error: CrossedError }
  | ({ type: "engine"; id: number; lane: Lane; client?: string } & EngineCall);

/** An error as data that crosses a thread. */
export function crossError(error: unknown): CrossedError {
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | null;
  return {
    ...(typeof e?.code === "string" ? { code: e.code } : {}),
    name: typeof e?.name === "string" ? e.name : "Error",
    message: typeof e?.message === "string" ? e.message : String(error),
  };
}

/** The crossed error as an Error again, its code kept (so it maps to the same HTTP status). */
export function uncrossError(crossed: CrossedError): Error {
  return Object.assign(new Error(crossed.message), { name: crossed.name, ...(crossed.code ? { code: crossed.code } : {}) });
}
