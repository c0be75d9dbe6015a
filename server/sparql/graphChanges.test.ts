/**
 * Graph changes that fail
 * =======================
 * The real worker pool (Oxigraph worker threads, no mock) adding named graphs while a worker
 * refuses the change or is stopped in the middle of it. The faults come from the worker's
 * test-only hooks (oxigraphWorker.ts: CASPIAN_TEST_REJECT_CHANGE_WITH, CASPIAN_TEST_PAUSE_IN_CHANGE),
 * read by each worker from the environment it is spawned with.
 */
import { afterEach, describe, expect, it } from "vitest";
import { generatedTriples } from "../test/testServer.ts";
import { EmbeddedEngine } from "./embeddedEngine.ts";
import { DeadlineError, EngineClosedError, GraphChangeError, WorkerRebuiltError } from "./errors.ts";

const CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
const HOOKS = ["CASPIAN_TEST_REJECT_CHANGE_WITH", "CASPIAN_TEST_PAUSE_IN_CHANGE"];

let engine: EmbeddedEngine | undefined;
afterEach(async () => {
  for (const name of HOOKS) delete process.env[name];
  await engine?.close();
  engine = undefined;
});

function quad(subject: string, graph: string): string {
  return `<http://example.org/${subject}> <http://example.org/p> "${subject}" <${graph}> .\n`;
}

/** Waits until the latest replacement worker has loaded, so the asks below reach it too. */
async function replacementLoaded(): Promise<void> {
  while (engine!.stats.lastReplacementMs === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Lets a change reach its worker before the next request is posted behind it. */
const aTick = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Asks every worker at once (more asks than workers, so each one answers some). */
async function everyWorkerSays(query: string, times = 6): Promise<boolean[]> {
  return await Promise.all(Array.from({ length: times }, () => engine!.ask(query)));
}

describe("a graph change a worker refuses", () => {
  it("is answered with GraphChangeError, no worker keeps any of it, the worker is rebuilt and the next change goes through", async () => {
    process.env.CASPIAN_TEST_REJECT_CHANGE_WITH = "poison";
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(50)], workers: 2, deadlineMs: 10_000, rowCap: 100, spare: "none" });
    const before = await engine.tripleCount();
    await engine.addGraph("urn:test:kept", [quad("v1", "urn:test:kept")]);
    // The first chunk is in the refusing worker's store when it fails: a half-applied change.
    const refused = await engine.addGraph("urn:test:kept", [quad("v2", "urn:test:kept"), quad("poison", "urn:test:kept")]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphChangeError);
    expect((refused as Error).message).toMatch(/refuses graph changes holding "poison"/);
    expect(engine.stats.replacements).toBe(1);
    await replacementLoaded();
    expect(await everyWorkerSays('ASK { GRAPH <urn:test:kept> { <http://example.org/v1> ?p ?o } }')).toEqual(Array(6).fill(true));
    expect(await everyWorkerSays('ASK { GRAPH <urn:test:kept> { <http://example.org/v2> ?p ?o } }')).toEqual(Array(6).fill(false));
    await engine.addGraph("urn:test:next", [quad("next", "urn:test:next")]);
    expect(await everyWorkerSays('ASK { <http://example.org/next> ?p ?o }')).toEqual(Array(6).fill(true));
    expect(await engine.tripleCount()).toBe(before + 2);
  });
});

describe("the requests posted behind a change a worker refuses", () => {
  it("are answered by its replacement, except a streamed one, whose answer's channel went to the old worker: it is told to send again", async () => {
    // The one worker takes the query posted behind the change, then (after a pause) refuses the change.
    process.env.CASPIAN_TEST_REJECT_CHANGE_WITH = "poison";
    process.env.CASPIAN_TEST_PAUSE_IN_CHANGE = "500";
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(50)], workers: 1, deadlineMs: 10_000, rowCap: 100, spare: "none" });
    const refused = engine.addGraph("urn:test:bad", [quad("poison", "urn:test:bad")]).catch((error: unknown) => error);
    await aTick();
    const asked = engine.ask("ASK { <http://example.org/s1> ?p ?o }");
    expect(await refused).toBeInstanceOf(GraphChangeError);
    expect(await asked).toBe(true);
    const again = engine.addGraph("urn:test:bad", [quad("poison", "urn:test:bad")]).catch((error: unknown) => error);
    await aTick();
    const streamed = engine.stream("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "SELECT", "application/sparql-results+json", { byteLimit: 1 << 20 }).catch((error: unknown) => error);
    expect(await again).toBeInstanceOf(GraphChangeError);
    // Not the AnswerReader itself in a failure message: it holds a MessagePort.
    const answer = await streamed;
    expect((answer as Error).name).toBe("WorkerRebuiltError");
    expect(answer).toBeInstanceOf(WorkerRebuiltError);
    expect(await engine.ask('ASK { <http://example.org/poison> ?p ?o }')).toBe(false);
  });
});

describe("a worker stopped in the middle of a graph change", () => {
  it("hands the change to its replacement, which applies it: the change completes instead of waiting forever", async () => {
    process.env.CASPIAN_TEST_PAUSE_IN_CHANGE = "1500";
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(50)], workers: 1, deadlineMs: 10_000, rowCap: 100, spare: "none" });
    const change = engine.addGraph("urn:test:late", [quad("late", "urn:test:late")]);
    await aTick();
    // Posted behind the change, this query's deadline passes while the worker is still in it.
    const stopped = await engine.ask("ASK { ?s ?p ?o }", { deadlineMs: 300 }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(DeadlineError);
    await change;
    expect(engine.stats.replacements).toBe(1);
    expect(await engine.ask('ASK { GRAPH <urn:test:late> { <http://example.org/late> ?p ?o } }')).toBe(true);
  });

  it("completes once the other workers have it, when a worker that was still to apply it is stopped", async () => {
    process.env.CASPIAN_TEST_PAUSE_IN_CHANGE = "1000";
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(2_000)], workers: 2, deadlineMs: 10_000, rowCap: 100, spare: "none" });
    // One worker runs a runaway query; the idle one tries the change first and takes it; the
    // busy one is stopped at its deadline before it gets to the change.
    const runaway = engine.select(CARTESIAN, { deadlineMs: 1500 }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await engine.addGraph("urn:test:both", [quad("both", "urn:test:both")]);
    expect(await runaway).toBeInstanceOf(DeadlineError);
    await replacementLoaded();
    expect(await everyWorkerSays('ASK { GRAPH <urn:test:both> { <http://example.org/both> ?p ?o } }')).toEqual(Array(6).fill(true));
  });

  it("is refused after three tries when every worker trying it first is stopped, and the engine keeps answering without it", async () => {
    process.env.CASPIAN_TEST_PAUSE_IN_CHANGE = "3000";
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(50)], workers: 1, deadlineMs: 10_000, rowCap: 100, spare: "none" });
    const change = engine.addGraph("urn:test:never", [quad("never", "urn:test:never")]).catch((error: unknown) => error);
    let settled = false;
    void change.then(() => (settled = true));
    // Each ask that reaches the worker while it is in the change stops it; one still queued when
    // its deadline passes is only dropped.
    for (let asks = 0; asks < 40 && !settled; asks++) {
      await aTick();
      await engine.ask("ASK { ?s ?p ?o }", { deadlineMs: 400 }).catch(() => {});
    }
    expect(await change).toBeInstanceOf(GraphChangeError);
    delete process.env.CASPIAN_TEST_PAUSE_IN_CHANGE;
    expect(await engine.ask('ASK { <http://example.org/never> ?p ?o }')).toBe(false);
  });

  it("is answered EngineClosedError when the engine closes meanwhile", async () => {
    process.env.CASPIAN_TEST_PAUSE_IN_CHANGE = "2000";
    engine = await EmbeddedEngine.start({ chunks: [generatedTriples(50)], workers: 1, deadlineMs: 10_000, rowCap: 100, spare: "none" });
    const change = engine.addGraph("urn:test:closing", [quad("closing", "urn:test:closing")]).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await engine.close();
    expect(await change).toBeInstanceOf(EngineClosedError);
  });
});
