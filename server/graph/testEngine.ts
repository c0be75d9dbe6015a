/**
 * In-process test engine
 * ======================
 * A QueryEngine over an in-process Oxigraph store, for the views' unit tests: the real SPARQL
 * engine the server runs (in worker threads there), loaded from Turtle files or text.
 */
import { readFile } from "node:fs/promises";
import oxigraph from "oxigraph";
import type { QueryEngine, QueryForm, SelectResult, SerializedResult, SparqlRow } from "../sparql/engine.ts";

interface SparqlJsonResults {
  head: { vars?: string[] };
  results?: { bindings: SparqlRow[] };
  boolean?: boolean;
}

export class TestEngine implements QueryEngine {
  readonly name = "oxigraph (in-process, tests)";
  private readonly store = new oxigraph.Store();

  loadTurtle(text: string): this {
    this.store.load(text, { format: "text/turtle" });
    return this;
  }

  async select(query: string): Promise<SelectResult> {
    const json = JSON.parse(this.store.query(query, { results_format: "application/sparql-results+json" }) as string) as SparqlJsonResults;
    return { vars: json.head.vars ?? [], rows: json.results?.bindings ?? [], truncated: false };
  }

  async ask(query: string): Promise<boolean> {
    return this.store.query(query) as boolean;
  }

  async serialize(query: string, form: QueryForm, mediaType: string): Promise<SerializedResult> {
    const body = this.store.query(query, { results_format: mediaType }) as string;
    return { form, mediaType, body, count: 0, truncated: false };
  }

  async tripleCount(): Promise<number> {
    return this.store.size;
  }

  async close(): Promise<void> {}
}

/** A TestEngine holding the given Turtle files (URLs or paths). */
export async function testEngineFrom(...files: (string | URL)[]): Promise<TestEngine> {
  const engine = new TestEngine();
  for (const file of files) engine.loadTurtle(await readFile(file, "utf8"));
  return engine;
}

export const MINI_FIXTURE = new URL("./fixtures/mini.ttl", import.meta.url);
