/**
 * Direct Oxigraph engine (stand-in)
 * =================================
 * A QueryEngine over one in-thread Oxigraph store, used by the conformance adapter until the
 * project's own engine is wired in. Kept small on purpose: it is a yardstick for "Oxigraph
 * itself", so a failure seen here and not with the project's engine is the wrapper's doing.
 */
import oxigraph from "oxigraph";
import type { QueryEngine, QueryForm, SelectResult, SerializedResult } from "../../server/sparql/engine.ts";
import { fromOxigraphMessage } from "../../server/sparql/analyzeQuery.ts";

/**
 * The query form as Oxigraph sees it, without sparqljs (which the server's analysis uses), so
 * this engine measures Oxigraph alone. On an empty store a graph query refuses a results format.
 */
export function directFormOf(query: string): QueryForm {
  let json: string;
  try {
    json = emptyStore.query(query, { results_format: "application/sparql-results+json" }) as string;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const syntax = fromOxigraphMessage(message);
    if (syntax) throw syntax;
    // CONSTRUCT or DESCRIBE: this engine answers both alike, so the difference does not matter.
    if (/RDF format/i.test(message)) return "CONSTRUCT";
    throw error;
  }
  return "boolean" in JSON.parse(json) ? "ASK" : "SELECT";
}

const emptyStore = new oxigraph.Store();

export function createDirectOxigraphEngine(nquads: string): QueryEngine {
  const store = new oxigraph.Store();
  if (nquads) store.load(nquads, { format: "application/n-quads" });
  const run = (query: string, format: string): string => {
    try {
      return store.query(query, { results_format: format }) as string;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw fromOxigraphMessage(message) ?? error;
    }
  };
  return {
    name: `oxigraph (direct, in-thread)`,
    async select(query): Promise<SelectResult> {
      const json = JSON.parse(run(query, "application/sparql-results+json"));
      return { vars: json.head.vars ?? [], rows: json.results.bindings, truncated: false };
    },
    async ask(query): Promise<boolean> {
      return JSON.parse(run(query, "application/sparql-results+json")).boolean === true;
    },
    async serialize(query, form: QueryForm, mediaType): Promise<SerializedResult> {
      const body = run(query, mediaType);
      return { form, mediaType, body, count: 0, truncated: false };
    },
    async tripleCount() {
      return store.size;
    },
    async close() {},
  };
}
