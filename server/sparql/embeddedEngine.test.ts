import { afterEach, describe, expect, it } from "vitest";
import { generatedTriples } from "../test/testServer.ts";
import { EmbeddedEngine } from "./embeddedEngine.ts";
import { DeadlineError, QuerySyntaxError } from "./errors.ts";

const CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
const SIMPLE = "ASK { <http://example.org/s1> ?p ?o }";

let engine: EmbeddedEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe("the embedded engine", () => {
  it("answers SELECT with the SPARQL JSON term shape and cuts rows at the cap", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(100)], workers: 1, deadlineMs: 10_000, rowCap: 10 });
    expect(await engine.tripleCount()).toBe(100);
    const capped = await engine.select("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o");
    expect(capped.truncated).toBe(true);
    expect(capped.rows).toHaveLength(10);
    expect(capped.vars).toEqual(["s", "o"]);
    expect(capped.rows[0]).toEqual({ s: { type: "uri", value: "http://example.org/s0" }, o: { type: "literal", value: "v0" } });
    const wider = await engine.select("SELECT ?s WHERE { ?s ?p ?o }", { rowCap: 1000 });
    expect(wider).toMatchObject({ truncated: false });
    expect(wider.rows).toHaveLength(100);
  });

  it("loads a dataset given in several chunks into each worker", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(50), '<http://example.org/x> <http://example.org/y> "z" .'], workers: 2, deadlineMs: 10_000, rowCap: 10 });
    expect(await engine.tripleCount()).toBe(51);
    expect(await Promise.all([engine.ask("ASK { <http://example.org/x> ?p ?o }"), engine.ask(SIMPLE)])).toEqual([true, true]);
  });

  it("stops a query past its deadline with a DeadlineError and answers the queued requests on a fresh worker", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(20_000)], workers: 1, deadlineMs: 10_000, rowCap: 10, spare: false });
    const slow = engine.select(CARTESIAN, { deadlineMs: 500 });
    // Queued behind the runaway query on the only worker: must survive its replacement.
    const queued = [engine.ask(SIMPLE), engine.select("SELECT ?p WHERE { <http://example.org/s2> ?p ?o } LIMIT 1")];
    await expect(slow).rejects.toBeInstanceOf(DeadlineError);
    expect(await queued[0]).toBe(true);
    expect(await queued[1]).toMatchObject({ rows: [{}] });
    expect(engine.stats.replacements).toBe(1);
    expect(engine.stats.lastReplacementMs).toBeGreaterThan(0);
    expect(await engine.tripleCount()).toBe(20_000);
  });

  it("puts the loaded spare in a stopped worker's place at once and loads a new spare", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(20_000)], workers: 1, deadlineMs: 10_000, rowCap: 10, spare: "loaded" });
    await until(() => engine!.stats.spareLoadMs !== undefined);
    const slow = engine.select(CARTESIAN, { deadlineMs: 500 });
    const queued = engine.ask(SIMPLE);
    await expect(slow).rejects.toBeInstanceOf(DeadlineError);
    expect(await queued).toBe(true);
    expect(engine.stats.lastReplacementMs).toBe(0);
    // The next runaway query finds a spare again.
    const spareBefore = engine.stats.spareLoadMs;
    await until(() => engine!.stats.spareLoadMs !== spareBefore);
    await expect(engine.select(CARTESIAN, { deadlineMs: 500 })).rejects.toBeInstanceOf(DeadlineError);
    expect(await engine.ask(SIMPLE)).toBe(true);
    expect(engine.stats).toMatchObject({ replacements: 2, lastReplacementMs: 0 });
  });

  it("keeps answering on the other worker while one runs a runaway query", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(20_000)], workers: 2, deadlineMs: 2_000, rowCap: 10 });
    const order: string[] = [];
    const slow = engine.select(CARTESIAN).then(
      () => order.push("slow answered"),
      (error: unknown) => order.push(error instanceof DeadlineError ? "slow stopped" : String(error)),
    );
    const fast = engine.ask(SIMPLE).then((answer) => order.push(`fast answered ${answer}`));
    await Promise.all([slow, fast]);
    expect(order).toEqual(["fast answered true", "slow stopped"]);
  });

  it("reports Oxigraph's syntax errors with their line and column", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(10)], workers: 1, deadlineMs: 10_000, rowCap: 10 });
    const error = await engine.select("SELECT * WHERE {\n ?s ?p }").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuerySyntaxError);
    expect(error).toMatchObject({ line: 2, column: 9 });
  });

  it("serializes a cut CONSTRUCT result and says it was cut", async () => {
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(30)], workers: 1, deadlineMs: 10_000, rowCap: 5 });
    const result = await engine.serialize("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT", "text/turtle");
    expect(result).toMatchObject({ form: "CONSTRUCT", mediaType: "text/turtle", count: 5, truncated: true });
  });
});

/** Waits for a condition the pool reaches by itself (a worker finishing its load). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
