/**
 * Per-engine memo
 * ===============
 * Remembers what a view reads from an engine (the graph model, the schema, the label index) so a
 * whole-graph read is not repeated on every request, and reads it again when the data changes.
 * The memos live in the engine's view state (viewState.ts), not in side tables. The data is
 * known to have changed when the engine's data version or triple count differs or when
 * `forgetViews(engine)` was called (the upload routes call it after loading or dropping a graph,
 * which also covers a replacement of equal size). The embedded engine counts its triples without
 * a query, so it is asked on every request; an external store is asked at most every few seconds.
 * A failed read is forgotten so the next request tries again (a deadline must not stick).
 */
import type { QueryEngine } from "../sparql/engine.ts";
import { viewsOf } from "./viewState.ts";

/** How long an external store's triple count is trusted before it is asked again. */
export const EXTERNAL_RECHECK_MS = 5_000;

// The embedded engine exposes its pool statistics, so counting is free there.
const countsForFree = (engine: QueryEngine) => typeof (engine as { stats?: unknown }).stats === "object";

/** What the engine's data is now, as far as the memos can tell. */
export async function dataStamp(engine: QueryEngine): Promise<string> {
  const views = viewsOf(engine);
  if (views.hostStamp !== undefined) return views.hostStamp;
  let count = views.count;
  if (!count || countsForFree(engine) || Date.now() - count.at >= EXTERNAL_RECHECK_MS) {
    const value = engine.tripleCount();
    const fresh = { at: Date.now(), value };
    count = fresh;
    views.count = fresh;
    value.catch(() => {
      if (views.count === fresh) views.count = undefined;
    });
  }
  return `${views.generation}:${engine.dataVersion?.() ?? ""}:${await count.value}`;
}

/** Drops every view's memo for `engine`: call after its data changed. */
export function forgetViews(engine: QueryEngine): void {
  const views = viewsOf(engine);
  views.generation++;
  views.count = undefined;
}

export function perEngine<T>(load: (engine: QueryEngine) => Promise<T>): (engine: QueryEngine) => Promise<T> {
  // The memo's key in each engine's view state: this function itself.
  const key = {};
  return async (engine) => {
    const stamp = await dataStamp(engine);
    const { memos } = viewsOf(engine);
    let entry = memos.get(key);
    if (!entry || entry.stamp !== stamp) {
      const value = load(engine);
      const fresh = { stamp, value };
      entry = fresh;
      memos.set(key, fresh);
      value.catch(() => {
        if (memos.get(key) === fresh) memos.delete(key);
      });
    }
    return entry.value as Promise<T>;
  };
}
