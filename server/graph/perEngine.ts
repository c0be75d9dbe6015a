/**
 * Per-engine memo
 * ===============
 * Remembers what a view reads from an engine for the engine's lifetime. Caspian's store is
 * loaded at start-up and never updated while it serves (the endpoint refuses updates), so a
 * whole-graph read is done once, not on every request. A failed read is forgotten so the next
 * request tries again (a deadline must not stick for the life of the server).
 */
import type { QueryEngine } from "../sparql/engine.ts";

export function perEngine<T>(load: (engine: QueryEngine) => Promise<T>): (engine: QueryEngine) => Promise<T> {
  const cache = new WeakMap<QueryEngine, Promise<T>>();
  return (engine) => {
    let value = cache.get(engine);
    if (!value) {
      value = load(engine);
      cache.set(engine, value);
      value.catch(() => {
        if (cache.get(engine) === value) cache.delete(engine);
      });
    }
    return value;
  };
}
