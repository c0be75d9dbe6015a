/**
 * Dataset loading
 * ===============
 * Reads the embedded ontology and curated data (ontology/*.ttl, data/*.ttl, not subfolders) plus
 * any extra files or folders, parses each whole, and hands back N-Quads text chunks for the
 * query workers together with per-file triple counts for health. The embedded data lands in the
 * default graph; every other file becomes its own named graph (`urn:caspian:file:<path>`, see
 * fileGraphIri), and quads that TriG/N-Quads put in a named graph keep it. The workers query the
 * union of all graphs as the default graph, so the views see everything. One bad file stops the
 * load with an error naming the file, line and column.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DataFactory, Writer, type Quad } from "n3";
import { displayPath, fileGraphIri, N3_FORMATS, OXIGRAPH_FORMATS, parseRdfFile, parseRdfTextInBatches, RDF_EXTENSIONS } from "./parseRdf.ts";
import { CaspianError } from "../../contract/errors.ts";
import type { LoadedFile } from "../../contract/api.ts";

/** A loaded file as health and the datasets listing show it (contract/api.ts). */
export type DatasetFile = LoadedFile;

export interface LoadedDatasets {
  /** N-Quads text, in chunks small enough to post to a worker and load in one go. */
  chunks: string[];
  files: DatasetFile[];
  /** Sum of the files' triples (a triple stated in two files counts twice here). */
  triples: number;
  loadMs: number;
}

/** The embedded dataset: the ontology and the curated data, in that order. */
export const DEFAULT_SOURCES = [
  fileURLToPath(new URL("../../ontology/", import.meta.url)),
  fileURLToPath(new URL("../../data/", import.meta.url)),
];

const CHUNK_QUADS = 50_000;

export class DatasetNotFoundError extends CaspianError {
  readonly code = "DATA_NOT_FOUND";
  constructor(readonly path: string) {
    super(`${displayPath(path)}: no such file or folder. Check the --data argument.`);
    this.name = "DatasetNotFoundError";
  }
}

export class UnsupportedRdfFormatError extends CaspianError {
  readonly code = "RDF_FORMAT";
  constructor(readonly path: string) {
    super(`${displayPath(path)}: not an RDF file Caspian reads. Use one of ${RDF_EXTENSIONS.join(", ")}.`);
    this.name = "UnsupportedRdfFormatError";
  }
}

export async function loadDatasets(sources: readonly string[]): Promise<LoadedDatasets> {
  const started = performance.now();
  const files = (await Promise.all(sources.map(expandSource))).flat();
  const chunks: string[] = [];
  const counts: DatasetFile[] = [];
  for (const file of files) {
    const embedded = isEmbedded(file);
    const graph = embedded ? undefined : fileGraphIri(file);
    // The Turtle family is parsed in batches straight into N-Quads chunks, so a large file never
    // sits in memory as quad objects; the file's chunks join the others only once it parsed whole.
    const fileChunks: string[] = [];
    let triples = 0;
    const add = (quads: Quad[]) => {
      triples += quads.length;
      fileChunks.push(...toChunks(graph ? intoGraph(quads, graph) : quads));
    };
    const n3Format = N3_FORMATS[extname(file).toLowerCase()];
    if (n3Format) await parseRdfTextInBatches(await readFile(file, "utf8"), file, add, CHUNK_QUADS, n3Format);
    else add(await parseRdfFile(file));
    counts.push({ path: displayPath(file), triples, ...(graph ? { graph } : {}) });
    chunks.push(...fileChunks);
  }
  return {
    chunks,
    files: counts,
    triples: counts.reduce((sum, file) => sum + file.triples, 0),
    loadMs: performance.now() - started,
  };
}

/**
 * Where a worker's data comes from. Files are read by the worker itself, in batches, so the main
 * thread never holds the dataset and a replacement worker re-reads the same files.
 */
export type StoreSource =
  | {
      kind: "file";
      path: string;
      /** The file as a user would name it, for errors and health. */
      label: string;
      /** The named graph the file's default-graph triples go into; absent = the default graph. */
      graph?: string;
      /** Media type of the file (see parseRdf.ts N3_FORMATS and OXIGRAPH_FORMATS). */
      format: string;
      bytes: number;
    }
  | { kind: "nquads"; chunks: string[] };

export interface PlannedDatasets {
  /** What each worker reads, in order. */
  sources: StoreSource[];
  /** Per-file entries for health; `triples` is 0 until a worker has read the file (see countTriples). */
  files: DatasetFile[];
  bytes: number;
}

/** Lists the files behind `sources` (folders expanded, formats and graphs decided) without reading them. */
export async function planDatasets(sources: readonly string[]): Promise<PlannedDatasets> {
  const files = (await Promise.all(sources.map(expandSource))).flat();
  const planned: StoreSource[] = [];
  const entries: DatasetFile[] = [];
  for (const file of files) {
    const graph = isEmbedded(file) ? undefined : fileGraphIri(file);
    const extension = extname(file).toLowerCase();
    const format = N3_FORMATS[extension] ?? OXIGRAPH_FORMATS[extension]!;
    const label = displayPath(file);
    planned.push({ kind: "file", path: resolve(file), label, format, bytes: (await stat(file)).size, ...(graph ? { graph } : {}) });
    entries.push({ path: label, triples: 0, ...(graph ? { graph } : {}) });
  }
  return { sources: planned, files: entries, bytes: planned.reduce((sum, source) => sum + (source.kind === "file" ? source.bytes : 0), 0) };
}

/** Fills in the files' triple counts once a worker has read them (by the label it was given). */
export function countTriples(files: DatasetFile[], counts: Readonly<Record<string, number>>): void {
  for (const file of files) file.triples = counts[file.path] ?? file.triples;
}

/** A folder stands for its RDF files (sorted, no subfolders); a file for itself. */
async function expandSource(source: string): Promise<string[]> {
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new DatasetNotFoundError(source);
  if (info.isFile()) {
    if (!RDF_EXTENSIONS.includes(extname(source).toLowerCase())) throw new UnsupportedRdfFormatError(source);
    return [source];
  }
  const entries = await readdir(source, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && RDF_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
    .map((entry) => join(source, entry.name))
    .sort();
}

/** N-Quads text in worker-sized chunks (a chunk is one postMessage and one store.load). */
export function toChunks(quads: readonly Quad[]): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < quads.length; start += CHUNK_QUADS) chunks.push(toNQuads(quads.slice(start, start + CHUNK_QUADS)));
  return chunks;
}

/** Moves the default-graph quads of a file into its named graph; quads already in a named graph keep it. */
export function intoGraph(quads: readonly Quad[], graph: string): Quad[] {
  const target = DataFactory.namedNode(graph);
  return quads.map((quad) => (quad.graph.termType === "DefaultGraph" ? DataFactory.quad(quad.subject, quad.predicate, quad.object, target) : quad));
}

const EMBEDDED_DIRS = DEFAULT_SOURCES.map((dir) => resolve(dir));

function isEmbedded(file: string): boolean {
  const full = resolve(file);
  return EMBEDDED_DIRS.some((dir) => full.startsWith(dir.endsWith("/") ? dir : `${dir}/`));
}

/** Quads as N-Quads text. */
export function toNQuads(quads: Quad[]): string {
  return new Writer({ format: "N-Quads" }).quadsToString(quads);
}
