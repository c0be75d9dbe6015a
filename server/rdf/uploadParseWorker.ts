/**
 * Upload parse worker
 * ===================
 * Parses one upload at a time off the main thread, under its limits (uploadLimits.ts): XML
 * entities expanded within the byte budget (xmlEntities.ts), nesting depth checked before any
 * parser runs, N3 read as Turtle so N3-only syntax is refused with line and column, every term a
 * plain RDF term, every quad moved into the dataset's graph, blank nodes scoped to the upload,
 * triples and stored bytes counted as they come. Data that uses the ontology is checked against
 * its shapes here too, since SHACL on a large upload takes seconds. The main thread bounds time
 * and heap by terminating this worker.
 */
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";
import { DataFactory, Writer, type Quad, type Term } from "n3";
import { NS } from "./namespaces.ts";
import { exceedsDepth, syntaxOf } from "./nestingDepth.ts";
import { parseRdfFile, parseRdfTextInBatches, parseWithOxigraph, RdfSyntaxError } from "./parseRdf.ts";
import { UploadLimitError } from "./uploadLimits.ts";
import type { ParseFailure, ParseJob, ParseMessage, ParseSummary } from "./uploadProtocol.ts";
import { validateShapes } from "./validateShapes.ts";
import { expandXmlEntities } from "./xmlEntities.ts";

const port = parentPort;
if (!port) throw new Error("uploadParseWorker.ts must run as a worker thread");

const BATCH = 50_000;
const MERGED_LISTED = 20;
const SHAPES = fileURLToPath(new URL("../../ontology/shapes.ttl", import.meta.url));
const ONTOLOGY = fileURLToPath(new URL("../../ontology/caspian.ttl", import.meta.url));
let shapesAndOntology: Promise<[Quad[], Quad[]]> | undefined;

/** The job being parsed; the main thread sends one at a time. */
let current: number | undefined;

port.on("message", (job: ParseJob) => {
  current = job.id;
  parse(job).then(
    (summary) => finish({ id: job.id, type: "done", summary }),
    (error: unknown) => finish({ id: job.id, type: "failure", failure: describe(error) }),
  );
});

// n3 calls the batch callback from a setImmediate of its own, so a limit thrown there (too many
// triples) surfaces here rather than as a rejection; the parse it interrupted is abandoned.
process.on("uncaughtException", (error) => {
  if (current !== undefined) finish({ id: current, type: "failure", failure: describe(error) });
});

function finish(message: ParseMessage): void {
  if (current !== message.id) return;
  current = undefined;
  post(message);
}

async function parse(job: ParseJob): Promise<ParseSummary> {
  const { limits, label } = job;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(job.body);
  } catch {
    throw new RdfSyntaxError(label, undefined, undefined, "the upload is not valid UTF-8.");
  }
  const syntax = syntaxOf(job.mediaType);
  if (syntax === "xml") text = expandXmlEntities(text, limits.bytes, label);
  const deep = exceedsDepth(text, syntax, limits.depth);
  if (deep) throw new UploadLimitError("UPLOAD_LIMIT", `${label} line ${deep.line}: nested deeper than ${limits.depth} levels; uploads are limited to that depth.`);

  const target = DataFactory.namedNode(job.graph);
  const merged = new Set<string>();
  const kept: Quad[] = [];
  let usesOntology = false;
  let triples = 0;
  let stored = 0;
  const onBatch = (quads: Quad[]) => {
    const moved = quads.map((quad) => {
      checkPlain(quad, label);
      if (quad.graph.termType !== "DefaultGraph" && merged.size < MERGED_LISTED) merged.add(quad.graph.termType === "BlankNode" ? `_:${quad.graph.value}` : quad.graph.value);
      usesOntology ||= [quad.subject, quad.predicate, quad.object].some((term) => term.termType === "NamedNode" && term.value.startsWith(NS.cas));
      return DataFactory.quad(scoped(quad.subject, job.scope) as Quad["subject"], quad.predicate, scoped(quad.object, job.scope) as Quad["object"], target);
    });
    triples += moved.length;
    if (triples > limits.triples) throw new UploadLimitError("UPLOAD_LIMIT", `${label}: more than ${limits.triples} triples; uploads are limited to that many (--upload-triples).`);
    const chunk = new Writer({ format: "N-Quads" }).quadsToString(moved);
    stored += Buffer.byteLength(chunk);
    if (stored > limits.storedBytes) throw new UploadLimitError("UPLOAD_LIMIT", `${label}: stored as N-Quads it would take more than ${limits.storedBytes} bytes; nothing was stored.`);
    if (kept.length < limits.triples) kept.push(...moved);
    post({ id: job.id, type: "chunk", text: chunk });
  };

  if (syntax === "turtle") {
    // N3 is read as Turtle: formulas, rules, @forAll and literal subjects are not RDF and would
    // be written out as N-Quads no store can load.
    const format = job.mediaType === "text/n3" ? "text/turtle" : job.mediaType;
    try {
      await parseRdfTextInBatches(text, label, onBatch, BATCH, format);
    } catch (error) {
      if (error instanceof RdfSyntaxError && job.mediaType === "text/n3") {
        throw new RdfSyntaxError(error.file, error.line, error.column, `${error.detail} (N3 uploads are read as Turtle: N3-only syntax — { } formulas, =>, @forAll/@forSome, variables, literal subjects — is not RDF and is not stored)`);
      }
      throw error;
    }
  } else {
    const quads = await parseWithOxigraph(text, label, job.mediaType);
    for (let start = 0; start < quads.length; start += BATCH) onBatch(quads.slice(start, start + BATCH));
  }
  if (triples === 0) throw new RdfSyntaxError(label, undefined, undefined, "the upload holds no triples; an empty dataset is not stored.");

  const summary: ParseSummary = { triples, mergedGraphs: [...merged] };
  if (usesOntology) {
    shapesAndOntology ??= Promise.all([parseRdfFile(SHAPES), parseRdfFile(ONTOLOGY)]);
    const [shapes, ontology] = await shapesAndOntology;
    summary.shapes = await validateShapes([...kept, ...ontology], shapes);
  }
  return summary;
}

const SUBJECTS = new Set(["NamedNode", "BlankNode"]);
const OBJECTS = new Set(["NamedNode", "BlankNode", "Literal"]);
const GRAPHS = new Set(["DefaultGraph", "NamedNode", "BlankNode"]);

/** Only plain RDF terms reach the store: no variables, formulas, quoted triples or literal subjects. */
function checkPlain(quad: Quad, label: string): void {
  const bad = !SUBJECTS.has(quad.subject.termType) ? ["subject", quad.subject] : quad.predicate.termType !== "NamedNode" ? ["predicate", quad.predicate] : !OBJECTS.has(quad.object.termType) ? ["object", quad.object] : !GRAPHS.has(quad.graph.termType) ? ["graph", quad.graph] : undefined;
  if (bad) {
    const [place, term] = bad as [string, Term];
    throw new RdfSyntaxError(label, undefined, undefined, `a ${term.termType} (${JSON.stringify(term.value).slice(0, 60)}) as ${place} is not a plain RDF term; nothing was stored.`);
  }
}

function scoped(term: Term, scope: string): Term {
  return term.termType === "BlankNode" ? DataFactory.blankNode(scope + term.value) : term;
}

function describe(error: unknown): ParseFailure {
  if (error instanceof RdfSyntaxError) return { kind: "syntax", file: error.file, line: error.line, column: error.column, detail: error.detail };
  if (error instanceof UploadLimitError) return { kind: "limit", code: error.code, message: error.message };
  return { kind: "internal", message: error instanceof Error ? error.message : String(error) };
}

function post(message: ParseMessage): void {
  port!.postMessage(message);
}
