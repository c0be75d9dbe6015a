/**
 * View state
 * ==========
 * What the views keep for one engine — its view profile and the memos of what they read from it
 * (graph model, schema, label and time indexes) — as one object the engine carries
 * (`engine.views`), not side tables keyed by engine. The composition root (main.ts,
 * cli/buildView.ts) attaches it once with the profile it was started with; an engine nobody
 * attached one to (a test's) gets a default one on first use.
 */
import type { QueryEngine } from "../sparql/engine.ts";

/** One memo: the value read for a data stamp (perEngine.ts). */
export interface Memo {
  stamp: string;
  value: Promise<unknown>;
}

export class ViewState {
  /** The profile name asked for; "auto" (or absent) = detect from the data (viewProfile.ts). */
  profile: string;
  /** Bumped by forgetViews(): the data changed in a way its triple count may not show. */
  generation = 0;
  /** The engine's last triple count, and when it was asked (perEngine.ts). */
  count?: { at: number; value: Promise<number> };
  /** In the view thread (viewThread.ts): the main thread's data stamp for the request being
   * served, which stands in for asking the engine (perEngine.ts). */
  hostStamp?: string;
  /** Each memoised view's value, keyed by the memo (one key per perEngine(...) call). */
  readonly memos = new Map<object, Memo>();

  constructor(options: { profile?: string } = {}) {
    this.profile = options.profile ?? "auto";
  }
}

/** An engine that carries its view state. */
export type ViewEngine<E extends QueryEngine = QueryEngine> = E & { readonly views: ViewState };

/** Gives `engine` its view state (once, in the composition root): the profile it runs with. */
export function attachViews<E extends QueryEngine>(engine: E, options: { profile?: string } = {}): ViewEngine<E> {
  const carrier = engine as E & { views?: ViewState };
  if (carrier.views) carrier.views.profile = options.profile ?? "auto";
  else Object.defineProperty(carrier, "views", { value: new ViewState(options), enumerable: false });
  return carrier as ViewEngine<E>;
}

/** The engine's view state, a default one attached on first use. */
export function viewsOf(engine: QueryEngine): ViewState {
  return (engine as { views?: ViewState }).views ?? attachViews(engine).views;
}
