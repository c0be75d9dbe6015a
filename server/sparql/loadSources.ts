/**
 * Loading a worker's store
 * ========================
 * Runs inside an Oxigraph worker: reads each source file in batches (never one whole-file string,
 * so a file of any size that fits in the store loads) and feeds the store batch by batch.
 *
 * - N-Triples / N-Quads are cut at line ends and handed to Oxigraph's own parser, the fastest
 *   path (`no_transaction`: the store is new and a failed load ends the worker anyway). A batch
 *   with blank nodes goes through n3 instead, with a per-file label prefix, so `_:b1` in two files
 *   stays two nodes, as RDF says.
 * - Turtle, TriG and N3 stream through n3's parser (line numbers stay those of the file) and
 *   reach the store as N-Quads batches.
 * - JSON-LD and RDF/XML cannot be cut: they are parsed whole by Oxigraph (they are small in practice).
 *
 * A syntax error becomes a LoadFailure naming the file, line and column.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync } from "node:fs";
import { Parser, StreamParser, type Quad } from "n3";
import oxigraph from "oxigraph";
import { intoGraph, toNQuads } from "../rdf/loadDatasets.ts";
import type { LoadFailure, StoreSource } from "./workerProtocol.ts";
import { CaspianError } from "../../contract/errors.ts";

const BATCH_BYTES = 8 << 20;
const N3_BATCH_QUADS = 50_000;
const NQUADS = "application/n-quads";
const LINE_FORMATS = new Set(["application/n-triples", NQUADS]);
const WHOLE_FORMATS = new Set(["application/ld+json", "application/rdf+xml"]);

export class SourceLoadError extends CaspianError {
  readonly code = "SOURCE_LOAD";
  constructor(readonly failure: LoadFailure) {
    super(`${failure.file}${failure.line ? ` line ${failure.line}` : ""}${failure.column ? `, column ${failure.column}` : ""}: ${failure.detail}`);
    this.name = "SourceLoadError";
  }
}

export interface LoadReport {
  /** Triples (quads) read per file label. */
  fileTriples: Record<string, number>;
}

/** Progress after each batch: bytes read of all file sources, quads handed to the store. */
export type OnProgress = (bytes: number, triples: number) => void;

export async function loadSources(store: oxigraph.Store, sources: readonly StoreSource[], onProgress: OnProgress = () => {}, batchBytes = BATCH_BYTES): Promise<LoadReport> {
  const fileTriples: Record<string, number> = {};
  const progress = { bytes: 0, triples: 0 };
  let fileNumber = 0;
  for (const source of sources) {
    if (source.kind === "nquads") {
      // Already parsed and checked on the main thread (uploads, tests' inline data).
      for (const chunk of source.chunks) store.load(chunk, { format: NQUADS, lenient: true, no_transaction: true });
      continue;
    }
    const before = progress.triples;
    const graph = source.graph ? oxigraph.namedNode(source.graph) : undefined;
    const scope = `f${++fileNumber}_`;
    if (LINE_FORMATS.has(source.format)) loadLines(store, source, graph, scope, progress, onProgress, batchBytes);
    else if (WHOLE_FORMATS.has(source.format)) loadWhole(store, source, graph, progress, onProgress);
    else await loadWithN3(store, source, scope, progress, onProgress);
    fileTriples[source.label] = progress.triples - before;
  }
  return { fileTriples };
}

interface Progress {
  bytes: number;
  triples: number;
}

type Graph = ReturnType<typeof oxigraph.namedNode> | undefined;

function loadLines(store: oxigraph.Store, source: Extract<StoreSource, { kind: "file" }>, graph: Graph, scope: string, progress: Progress, onProgress: OnProgress, batchBytes: number): void {
  const fd = openSync(source.path, "r");
  const buffer = Buffer.alloc(batchBytes);
  let rest = Buffer.alloc(0);
  let line = 1;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      const data = read > 0 ? Buffer.concat([rest, buffer.subarray(0, read)]) : rest;
      if (data.length === 0) break;
      // Cut after the last line end (bytes, so a UTF-8 character is never split); at the end, all.
      const cut = read > 0 ? data.lastIndexOf(10) + 1 : data.length;
      if (cut === 0) {
        rest = data;
        continue;
      }
      const text = data.toString("utf8", 0, cut);
      rest = Buffer.from(data.subarray(cut));
      const lines = countLines(text);
      progress.triples += loadLineBatch(store, text, source, graph, scope, line);
      line += lines;
      progress.bytes += cut;
      onProgress(progress.bytes, progress.triples);
      if (read === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}

/** One line-aligned batch into the store; returns its quads. `firstLine` maps errors to the file's lines. */
function loadLineBatch(store: oxigraph.Store, text: string, source: Extract<StoreSource, { kind: "file" }>, graph: Graph, scope: string, firstLine: number): number {
  if (!text.includes("_:")) {
    try {
      store.load(text, { format: source.format, no_transaction: true, ...(graph ? { to_graph_name: graph } : {}) });
    } catch (error) {
      throw oxigraphFailure(error, source.label, firstLine - 1);
    }
    return countStatements(text);
  }
  // Blank nodes: n3 with this file's label prefix (n3 counts lines from 1 within the batch).
  let quads: Quad[];
  try {
    quads = new Parser({ format: source.format, blankNodePrefix: scope }).parse(text);
  } catch (error) {
    throw n3Failure(error, source.label, firstLine - 1);
  }
  store.load(toNQuads(graph ? intoGraph(quads, graph.value) : quads), { format: NQUADS, lenient: true, no_transaction: true });
  return quads.length;
}

function loadWhole(store: oxigraph.Store, source: Extract<StoreSource, { kind: "file" }>, graph: Graph, progress: Progress, onProgress: OnProgress): void {
  const text = readFileSync(source.path, "utf8");
  const before = store.size;
  try {
    store.load(text, { format: source.format, no_transaction: true, ...(graph ? { to_graph_name: graph } : {}) });
  } catch (error) {
    throw oxigraphFailure(error, source.label, 0);
  }
  progress.triples += store.size - before;
  progress.bytes += source.bytes;
  onProgress(progress.bytes, progress.triples);
}

async function loadWithN3(store: oxigraph.Store, source: Extract<StoreSource, { kind: "file" }>, scope: string, progress: Progress, onProgress: OnProgress): Promise<void> {
  const parser = new StreamParser({ format: source.format, blankNodePrefix: scope });
  const input = createReadStream(source.path);
  let bytes = 0;
  input.on("data", (chunk) => (bytes += chunk.length));
  let batch: Quad[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    store.load(toNQuads(source.graph ? intoGraph(batch, source.graph) : batch), { format: NQUADS, lenient: true, no_transaction: true });
    progress.triples += batch.length;
    onProgress(progress.bytes + bytes, progress.triples);
    batch = [];
  };
  await new Promise<void>((resolve, reject) => {
    input.on("error", reject);
    parser.on("error", (error: unknown) => {
      input.destroy();
      reject(n3Failure(error, source.label, 0));
    });
    parser.on("data", (quad: Quad) => {
      batch.push(quad);
      if (batch.length >= N3_BATCH_QUADS) flush();
    });
    parser.on("end", () => resolve());
    input.pipe(parser);
  });
  flush();
  progress.bytes += source.bytes;
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

/** Statements in a line-based batch: lines that are neither blank nor a comment. */
function countStatements(text: string): number {
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let at = start;
    while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    if (at < end && text.charCodeAt(at) !== 35 && text.charCodeAt(at) !== 13) count++;
    start = end + 1;
  }
  return count;
}

/** Oxigraph says "Parser error at line 3 column 5: ..." (or "between columns 5 and 9"); lines are the batch's. */
function oxigraphFailure(error: unknown, file: string, lineOffset: number): SourceLoadError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /line (\d+),? (?:between )?(?:columns? )?(\d+)/.exec(message);
  const detail = message.replace(/^Parser error (?:at|between) [^:]*: /, "");
  return new SourceLoadError({ file, line: position ? Number(position[1]) + lineOffset : undefined, column: position ? Number(position[2]) : undefined, detail });
}

/** n3 puts the line in its error's context (or ends the message with "on line N."). */
function n3Failure(error: unknown, file: string, lineOffset: number): SourceLoadError {
  const e = error as Error & { context?: { line?: number; token?: { line?: number } } };
  const line = e.context?.line ?? e.context?.token?.line ?? Number(/line (\d+)/.exec(e.message)?.[1]);
  const detail = e.message.replace(/ on line \d+\.?$/, "");
  return new SourceLoadError({ file, line: Number.isFinite(line) ? line + lineOffset : undefined, detail });
}
