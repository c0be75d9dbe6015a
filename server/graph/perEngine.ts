/**
 * Per-engine memo
 * ===============
 * Remembers what a view reads from an engine (the graph model, the schema, the label index) so a
 * whole-graph read is not repeated on every request, and reads it again when the data changes.
 * The data is known to have changed when the engine's triple count differs or when
 * `forgetViews(engine)` was called (the upload routes call it after loading or dropping a graph,
 * which also covers a replacement of equal size). The embedded engine counts its triples without
 * a query, so it is asked on every request; an external store is asked at most every few seconds.
 * A failed read is forgotten so the next request tries again (a deadline must not stick).
 */
import type { QueryEngine } from "../sparql/engine.ts";

/** How long an external store's triple count is trusted before it is asked again. */
export const EXTERNAL_RECHECK_MS = 5_000;

interface Stamp {
  at: number;
  count: Promise<number>;
}

const stamps = new WeakMap<QueryEngine, Stamp>();
const generations = new WeakMap<QueryEngine, number>();

// The embedded engine exposes its pool statistics, so counting is free there.
const countsForFree = (engine: QueryEngine) => typeof (engine as { stats?: unknown }).stats === "object";

async function dataStamp(engine: QueryEngine): Promise<string> {
  let stamp = stamps.get(engine);
  if (!stamp || countsForFree(engine) || Date.now() - stamp.at >= EXTERNAL_RECHECK_MS) {
    const count = engine.tripleCount();
    stamp = { at: Date.now(), count };
    stamps.set(engine, stamp);
    count.catch(() => {
      if (stamps.get(engine) === stamp) stamps.delete(engine);
    });
  }
  return `${generations.get(engine) ?? 0}:${await stamp.count}`;
}

/** Drops every view's memo for `engine`: call after its data changed. */
export function forgetViews(engine: QueryEngine): void {
  generations.set(engine, (generations.get(engine) ?? 0) + 1);
  stamps.delete(engine);
}

export function perEngine<T>(load: (engine: QueryEngine) => Promise<T>): (engine: QueryEngine) => Promise<T> {
  const cache = new WeakMap<QueryEngine, { stamp: string; value: Promise<T> }>();
  return async (engine) => {
    const stamp = await dataStamp(engine);
    let entry = cache.get(engine);
    if (!entry || entry.stamp !== stamp) {
      const value = load(engine);
      const fresh = { stamp, value };
      entry = fresh;
      cache.set(engine, fresh);
      value.catch(() => {
        if (cache.get(engine) === fresh) cache.delete(engine);
      });
    }
    return entry.value;
  };
}
