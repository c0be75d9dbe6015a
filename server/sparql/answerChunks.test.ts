import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { delimitedChunks, solutionChunks, trimDelimited, trimResults, trimTriples, tripleChunks, type ChunkCaps } from "./answerChunks.ts";
import type { ChunkOutcome } from "./engine.ts";
import { MEDIA } from "./mediaTypes.ts";
import { readResults } from "./readResults.ts";

// Literals with what a scanner or a cut could trip on: braces and brackets in strings, escaped
// quotes, backslashes, newlines, a control character, non-ASCII and a character outside the BMP.
const TRICKY = ['a \\"quoted\\" {brace} [bracket]', "back\\\\slash", "line\\nbreak", "ctrl\\u0001char", "Tehrān تهران", "emoji 😀", "plain"];
const DATA = Array.from({ length: 400 }, (_, i) => `<http://example.org/s${i}> <http://example.org/p> "${TRICKY[i % TRICKY.length]} ${i}" .`).join("\n");

const store = new oxigraph.Store();
store.load(DATA, { format: MEDIA.nTriples });
const selectJson = store.query("SELECT ?s ?o { ?s ?p ?o }", { results_format: MEDIA.resultsJson }) as string;
const constructNt = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", { results_format: MEDIA.nTriples }) as string;

function drain(chunks: Generator<string, ChunkOutcome>): { body: string; pieces: number; outcome: ChunkOutcome } {
  const parts: string[] = [];
  for (;;) {
    const next = chunks.next();
    if (next.done) return { body: parts.join(""), pieces: parts.length, outcome: next.value };
    parts.push(next.value);
  }
}

const roomy: ChunkCaps = { rowCap: 100_000, byteLimit: 2 ** 30, chunkBytes: 1024 };

describe("solution chunks", () => {
  it("join to exactly the engine's own JSON when nothing is cut, in many chunks", () => {
    const { body, pieces, outcome } = drain(solutionChunks(selectJson, MEDIA.resultsJson, roomy));
    expect(body).toBe(selectJson);
    expect(pieces).toBeGreaterThan(10);
    expect(outcome).toEqual({ count: 400, truncated: false });
  });

  it.each([MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv])("join to the engine's own %s when nothing is cut (no XML-unsafe character in the data aside)", (mediaType) => {
    const plain = new oxigraph.Store();
    plain.load(DATA.replace(/\\u0001/g, ""), { format: MEDIA.nTriples });
    const json = plain.query("SELECT ?s ?o { ?s ?p ?o }", { results_format: MEDIA.resultsJson }) as string;
    expect(drain(solutionChunks(json, mediaType, roomy)).body).toBe(plain.query("SELECT ?s ?o { ?s ?p ?o }", { results_format: mediaType }));
  });

  it.each([MEDIA.resultsJson, MEDIA.resultsXml, MEDIA.csv, MEDIA.tsv])("end well-formed, under the cap, with whole rows, at every cap tried (%s)", (mediaType) => {
    const whole = Buffer.byteLength(drain(solutionChunks(selectJson, mediaType, roomy)).body);
    for (let byteLimit = 300; byteLimit < whole; byteLimit = Math.ceil(byteLimit * 1.37)) {
      const { body, outcome } = drain(solutionChunks(selectJson, mediaType, { rowCap: 100_000, byteLimit, chunkBytes: 500 }));
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(byteLimit);
      expect(outcome.truncated).toBe("bytes");
      const read = readResults(mediaType, body);
      if (read.kind !== "solutions") throw new Error("expected solutions");
      expect(read.rows).toHaveLength(outcome.count);
      expect(read.rows.every((row) => row.o && / \d+$/.test(row.o))).toBe(true);
    }
  });

  it("stop at the row cap and say rows, in the answer where the format has room", () => {
    const { body, outcome } = drain(solutionChunks(selectJson, MEDIA.resultsJson, { rowCap: 7, byteLimit: 2 ** 20 }));
    expect(outcome).toEqual({ count: 7, truncated: "rows" });
    const parsed = JSON.parse(body) as { results: { bindings: unknown[] }; "Caspian-Truncated": string };
    expect(parsed.results.bindings).toHaveLength(7);
    expect(parsed["Caspian-Truncated"]).toBe("true; limit=7");
  });

  it("write an empty answer whole", () => {
    const empty = store.query("SELECT ?s { ?s <http://example.org/none> ?o }", { results_format: MEDIA.resultsJson }) as string;
    expect(drain(solutionChunks(empty, MEDIA.resultsJson, roomy))).toEqual({ body: empty, pieces: 1, outcome: { count: 0, truncated: false } });
  });
});

describe("triple chunks", () => {
  it.each([MEDIA.nTriples, MEDIA.turtle, MEDIA.jsonLd, MEDIA.rdfXml])("hold every triple once when nothing is cut (%s)", (mediaType) => {
    const doubled = constructNt + constructNt; // DESCRIBE may repeat a triple
    const { body, outcome } = drain(tripleChunks(doubled, mediaType, roomy));
    expect(outcome).toEqual({ count: 400, truncated: false });
    const read = readResults(mediaType, body);
    expect(read).toMatchObject({ kind: "graph", triples: 400 });
  });

  it.each([MEDIA.nTriples, MEDIA.turtle, MEDIA.jsonLd, MEDIA.rdfXml])("end well-formed and under the cap at every cap tried (%s)", (mediaType) => {
    const whole = Buffer.byteLength(drain(tripleChunks(constructNt, mediaType, roomy)).body);
    for (let byteLimit = 400; byteLimit < whole; byteLimit = Math.ceil(byteLimit * 1.37)) {
      const { body, outcome } = drain(tripleChunks(constructNt, mediaType, { rowCap: 100_000, byteLimit, chunkBytes: 500 }));
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(byteLimit);
      expect(outcome.truncated).toBe("bytes");
      const read = readResults(mediaType, body);
      expect(read).toMatchObject({ kind: "graph", triples: outcome.count });
    }
  });

  it.each([MEDIA.nTriples, MEDIA.turtle, MEDIA.jsonLd, MEDIA.rdfXml])("keep a blank node on several lines one node (%s)", (mediaType) => {
    const lines = '_:x <http://example.org/p> "1" .\n_:x <http://example.org/q> "2" .\n<http://example.org/a> <http://example.org/r> _:x .\n';
    const read = readResults(mediaType, drain(tripleChunks(lines, mediaType, roomy)).body);
    if (read.kind !== "graph") throw new Error("expected a graph");
    expect(read.triples).toBe(3);
    expect(read.subjects).toHaveLength(2);
  });

  it("say the cut in a last comment line of N-Triples and Turtle", () => {
    for (const mediaType of [MEDIA.nTriples, MEDIA.turtle]) {
      const { body } = drain(tripleChunks(constructNt, mediaType, { rowCap: 5, byteLimit: 2 ** 20 }));
      expect(body.endsWith("# Caspian-Truncated: true; limit=5\n")).toBe(true);
    }
  });
});

describe("what the worker keeps of an answer while it streams", () => {
  it("is the engine's text itself when the caps let all of it through", () => {
    expect(trimResults(selectJson, 100_000, 2 ** 30)).toEqual({ text: selectJson, cut: false });
    expect(trimTriples(constructNt, 100_000, 2 ** 30)).toEqual({ text: constructNt, cut: false });
  });

  it("is the first rows up to the row cap, and the answer then ends saying rows", () => {
    const { text, cut } = trimResults(selectJson, 7, 2 ** 30);
    expect(cut).toBe("rows");
    expect((JSON.parse(text) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(7);
    expect(drain(solutionChunks(text, MEDIA.csv, { rowCap: 7, byteLimit: 2 ** 20, cut })).outcome).toEqual({ count: 7, truncated: "rows" });
    const triples = trimTriples(constructNt, 7, 2 ** 30);
    expect(triples.cut).toBe("rows");
    expect(drain(tripleChunks(triples.text, MEDIA.turtle, { rowCap: 7, byteLimit: 2 ** 20, cut: triples.cut })).outcome).toEqual({ count: 7, truncated: "rows" });
  });

  it("is no more than the byte bound of the engine's text, and the answer then ends saying bytes", () => {
    const { text, cut } = trimResults(selectJson, 100_000, 5000);
    expect(cut).toBe("bytes");
    expect(text.length).toBeLessThanOrEqual(5100);
    const { body, outcome } = drain(solutionChunks(text, MEDIA.tsv, { rowCap: 100_000, byteLimit: 2 ** 20, cut }));
    expect(outcome.truncated).toBe("bytes");
    expect(readResults(MEDIA.tsv, body)).toMatchObject({ kind: "solutions" });
    expect(trimTriples(constructNt, 100_000, 5000).cut).toBe("bytes");
  });
});

describe("CSV and TSV chunks from the engine's own text", () => {
  // A line break inside a CSV field is quoted, not a new row.
  const text = (mediaType: string) => store.query("SELECT ?s ?o { ?s ?p ?o }", { results_format: mediaType }) as string;

  it.each([MEDIA.csv, MEDIA.tsv])("join to exactly the engine's %s when nothing is cut", (mediaType) => {
    const { body, pieces, outcome } = drain(delimitedChunks(text(mediaType), mediaType, roomy));
    expect(body).toBe(text(mediaType));
    expect(pieces).toBeGreaterThan(5);
    expect(outcome).toEqual({ count: 400, truncated: false });
  });

  it.each([MEDIA.csv, MEDIA.tsv])("end on a whole row under the cap at every cap tried, and as trimmed (%s)", (mediaType) => {
    for (let byteLimit = 100; byteLimit < text(mediaType).length; byteLimit = Math.ceil(byteLimit * 1.37)) {
      const { body, outcome } = drain(delimitedChunks(text(mediaType), mediaType, { rowCap: 100_000, byteLimit, chunkBytes: 500 }));
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(byteLimit);
      expect(outcome.truncated).toBe("bytes");
      const read = readResults(mediaType, body);
      if (read.kind !== "solutions") throw new Error("expected solutions");
      expect(read.rows).toHaveLength(outcome.count);
      expect(read.rows.every((row) => / \d+$/.test(row.o ?? ""))).toBe(true);
    }
    const rows = trimDelimited(text(mediaType), mediaType, 9, 2 ** 30);
    expect(rows.cut).toBe("rows");
    expect(drain(delimitedChunks(rows.text, mediaType, { rowCap: 9, byteLimit: 2 ** 20, cut: rows.cut })).outcome).toEqual({ count: 9, truncated: "rows" });
    expect(trimDelimited(text(mediaType), mediaType, 100_000, 3000).cut).toBe("bytes");
  });
});
