import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RdfSyntaxError } from "../rdf/parseRdf.ts";
import { planDatasets } from "../rdf/loadDatasets.ts";
import { generatedTriples } from "../test/testServer.ts";
import { EmbeddedEngine } from "./embeddedEngine.ts";
import { DeadlineError } from "./errors.ts";

const CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
const SIMPLE = "ASK { <http://example.org/s1> ?p ?o }";

let dir: string;
let engine: EmbeddedEngine | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "caspian-sources-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe("workers that read the data files themselves", () => {
  it("load an N-Triples file in many small batches, each file in its own named graph, and count its triples", async () => {
    const nt = await write("many.nt", `${generatedTriples(2_000)}\n`);
    const ttl = await write("small.ttl", "@prefix ex: <http://example.org/> .\nex:t ex:p ex:o ;\n  ex:q \"é, a label\"@fr .\n");
    const plan = await planDatasets([nt, ttl]);
    engine = await EmbeddedEngine.start({ sources: plan.sources, workers: 1, deadlineMs: 10_000, rowCap: 10, batchBytes: 1_000 });
    expect(await engine.tripleCount()).toBe(2_002);
    expect(Object.values(engine.stats.fileTriples)).toEqual([2_000, 2]);
    const graphs = await engine.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
    expect(graphs.rows.map((row) => row.g!.value)).toEqual(plan.files.map((file) => file.graph));
    expect(await engine.ask('ASK { <http://example.org/t> ?p "é, a label"@fr }')).toBe(true);
  });

  it("name the file, line and column of a syntax error far into a file read in batches", async () => {
    const lines = generatedTriples(500).split("\n");
    lines[399] = '<http://example.org/s> <http://example.org/p> "unterminated .';
    const bad = await write("bad.nt", `${lines.join("\n")}\n`);
    const error = await EmbeddedEngine.start({ sources: (await planDatasets([bad])).sources, workers: 1, deadlineMs: 10_000, rowCap: 10, batchBytes: 2_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RdfSyntaxError);
    expect(error).toMatchObject({ file: expect.stringContaining("bad.nt"), line: 400 });
  });

  it("keep the blank nodes of two files apart, as RDF says", async () => {
    const one = await write("one.nt", '_:b1 <http://example.org/name> "one" .\n');
    const two = await write("two.nt", '_:b1 <http://example.org/name> "two" .\n');
    engine = await EmbeddedEngine.start({ sources: (await planDatasets([one, two])).sources, workers: 1, deadlineMs: 10_000, rowCap: 10 });
    const nodes = await engine.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s <http://example.org/name> ?o }");
    expect(nodes.rows[0]!.n!.value).toBe("2");
  });

  it("say how far the load is while it runs, and answer requests asked meanwhile once it is done", async () => {
    const big = await write("big.nt", `${generatedTriples(60_000)}\n`);
    engine = EmbeddedEngine.open({ sources: (await planDatasets([big])).sources, workers: 1, deadlineMs: 10_000, rowCap: 10, batchBytes: 50_000 });
    expect(engine.loadProgress()).toMatchObject({ fraction: expect.any(Number) });
    const early = engine.ask(SIMPLE);
    const seen: number[] = [];
    while (engine.loadProgress()) {
      seen.push(engine.loadProgress()!.fraction);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await early).toBe(true);
    expect(Math.max(...seen)).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
  });
});

describe("the lazy spare", () => {
  it("loads only while every worker is held by a long query, answers the others meanwhile, and takes the stopped worker's place", async () => {
    const data = await write("lazy.nt", `${generatedTriples(20_000)}\n`);
    engine = await EmbeddedEngine.start({ sources: (await planDatasets([data])).sources, workers: 1, deadlineMs: 10_000, rowCap: 10, spare: "lazy", longMs: 200 });
    expect(engine.stats.extraSpawns).toBe(0);
    const order: string[] = [];
    const slow = engine.select(CARTESIAN, { deadlineMs: 8_000 }).catch((error: unknown) => order.push(error instanceof DeadlineError ? "slow stopped" : String(error)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fast = engine.ask(SIMPLE).then((answer) => order.push(`fast answered ${answer}`));
    await Promise.all([slow, fast]);
    expect(order).toEqual(["fast answered true", "slow stopped"]);
    // The extra, loaded while the runaway query ran, is the replacement: no second load.
    expect(engine.stats).toMatchObject({ extraSpawns: 1, replacements: 1 });
    expect(await engine.ask(SIMPLE)).toBe(true);
  });
});
