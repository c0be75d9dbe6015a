/**
 * Answer chunks
 * =============
 * Turns an answer as the engine hands it over (SPARQL JSON results text for SELECT, N-Triples for
 * CONSTRUCT/DESCRIBE) into the negotiated format a chunk at a time, whole solutions or triples
 * per chunk, under two caps: the row cap and a byte cap on the whole body. When a cap is reached
 * the answer still ends well-formed (the format's closing text, and a note where the format has
 * room for one), and the generator's return value says which cap cut it.
 *
 * Nothing here holds the serialized answer whole: each chunk is written from the rows it covers
 * and handed on. (The engine's own result text is the caller's; see answerStream.ts.)
 */
import { Parser, Writer } from "n3";
import oxigraph from "oxigraph";
import { NS } from "../rdf/namespaces.ts";
import type { ChunkOutcome, SparqlRow, Truncation } from "./engine.ts";
import { MEDIA } from "./mediaTypes.ts";
import { solutionWriter, TRUNCATION_MEMBER } from "./serializeSolutions.ts";

export interface ChunkCaps {
  rowCap: number;
  /** Most bytes of the whole body, closing text and note included. */
  byteLimit: number;
  /** A chunk is handed on once it holds this many bytes (default 64 KiB). */
  chunkBytes?: number;
  /** The text handed over was already cut (trimResults, trimTriples): how the answer ends if all of it fits. */
  cut?: Truncation;
}

const DEFAULT_CHUNK_BYTES = 64 * 1024;

/** The note a cut answer carries, and the value of its Caspian-Truncated trailer. */
export function truncationNote(truncated: Exclude<Truncation, false>, caps: Pick<ChunkCaps, "rowCap" | "byteLimit">): string {
  return truncated === "bytes" ? `bytes; limit=${caps.byteLimit}` : `true; limit=${caps.rowCap}`;
}

/** The longest note, reserved from the byte cap before the first row. */
function longestNote(caps: ChunkCaps): string {
  const bytes = truncationNote("bytes", caps);
  const rows = truncationNote("rows", caps);
  return bytes.length > rows.length ? bytes : rows;
}

/** Collects pieces into chunks of about `chunkBytes`, counting every byte against the cap. */
class ChunkBuffer {
  bytes = 0;
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(private readonly chunkBytes: number) {}

  add(text: string, bytes = Buffer.byteLength(text)): void {
    this.pending.push(text);
    this.pendingBytes += bytes;
    this.bytes += bytes;
  }

  /** The pending chunk once it is large enough (or `force`), else undefined. */
  take(force = false): string | undefined {
    if (this.pendingBytes === 0 || (!force && this.pendingBytes < this.chunkBytes)) return undefined;
    const chunk = this.pending.join("");
    this.pending = [];
    this.pendingBytes = 0;
    return chunk;
  }
}

/**
 * Writes items while both caps allow, handing on each chunk as it fills. `cost` is what an item
 * may add to the body (checked with `reserve`, the closing text, before it is written), `write`
 * adds it to `out`. Returns how many were written and which cap stopped them.
 */
function* fill(
  items: Iterable<string>,
  out: ChunkBuffer,
  caps: ChunkCaps,
  reserve: number,
  item: { cost: (text: string, index: number) => number; write: (text: string, index: number, bytes: number) => void },
): Generator<string, ChunkOutcome> {
  let count = 0;
  for (const text of items) {
    if (count === caps.rowCap) return { count, truncated: "rows" };
    const bytes = item.cost(text, count);
    if (out.bytes + bytes + reserve > caps.byteLimit) return { count, truncated: "bytes" };
    item.write(text, count, bytes);
    count++;
    const chunk = out.take();
    if (chunk !== undefined) yield chunk;
  }
  return { count, truncated: caps.cut ?? false };
}

/**
 * A SELECT answer from the engine's SPARQL JSON results text. JSON goes out as the engine wrote
 * it (each solution's own text); the other formats parse one solution at a time.
 */
export function* solutionChunks(resultsJson: string, mediaType: string, caps: ChunkCaps): Generator<string, ChunkOutcome> {
  const { vars, rows } = scanResults(resultsJson);
  const writer = solutionWriter(mediaType, vars);
  const json = mediaType === MEDIA.resultsJson;
  const out = new ChunkBuffer(caps.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const reserve = Buffer.byteLength(writer.tail(longestNote(caps)));
  out.add(writer.head);
  let row = "";
  const { count, truncated } = yield* fill(rows, out, caps, reserve, {
    cost: (text, index) => {
      row = (index > 0 ? writer.separator : "") + (json ? text : writer.row(JSON.parse(text) as SparqlRow));
      return Buffer.byteLength(row);
    },
    write: (_text, _index, bytes) => out.add(row, bytes),
  });
  out.add(writer.tail(truncated ? truncationNote(truncated, caps) : undefined));
  yield out.take(true)!;
  return { count, truncated };
}

/**
 * The most of an answer the worker needs to keep while it streams: the first `rowCap` rows, and
 * no more than `maxBytes` of the engine's text (a few times the byte cap: no format is that much
 * shorter than the engine's JSON or N-Triples). The rest is let go at once, so a client that does
 * not read pins this much until the send timeout drops it, not the whole result. `cut` says
 * which bound trimmed it (false: the text is whole, returned as it was).
 */
export function trimResults(resultsJson: string, rowCap: number, maxBytes: number): { text: string; cut: Truncation } {
  const start = resultsJson.indexOf('"bindings":[') + '"bindings":['.length;
  if (!resultsJson.startsWith('{"head":') || start < '"bindings":['.length) return { text: resultsJson, cut: false };
  let end = start;
  let count = 0;
  for (const span of rowSpans(resultsJson, start)) {
    const cut = count === rowCap ? "rows" : span.end - start > maxBytes ? "bytes" : false;
    if (cut) return { text: flat(`${resultsJson.slice(0, end)}]}}`), cut };
    end = span.end;
    count++;
  }
  return { text: resultsJson, cut: false };
}

/** trimResults for N-Triples: the first `rowCap` distinct lines within `maxBytes`. */
export function trimTriples(nTriples: string, rowCap: number, maxBytes: number): { text: string; cut: Truncation } {
  const kept: string[] = [];
  let bytes = 0;
  for (const line of distinctLines(nTriples)) {
    bytes += line.length + 1;
    const cut = kept.length === rowCap ? "rows" : bytes > maxBytes ? "bytes" : false;
    if (cut) return { text: flat(kept.map((text) => `${text}\n`).join("")), cut };
    kept.push(line);
  }
  return { text: nTriples, cut: false };
}

/**
 * A SELECT answer the engine wrote as CSV or TSV itself (no shorter text to hold while it
 * streams): the first line is the head, each further line one solution, sent as written. CSV's
 * quoted fields may hold line breaks; TSV escapes them. Neither format has room for a note.
 */
export function* delimitedChunks(text: string, mediaType: string, caps: ChunkCaps): Generator<string, ChunkOutcome> {
  const spans = lineSpans(text, mediaType === MEDIA.csv);
  const head = spans.next();
  const out = new ChunkBuffer(caps.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  if (!head.done) out.add(text.slice(head.value.start, head.value.end));
  const rows = (function* () {
    for (const { start, end } of spans) yield text.slice(start, end);
  })();
  const outcome = yield* fill(rows, out, caps, 0, { cost: (line) => Buffer.byteLength(line), write: (line, _index, bytes) => out.add(line, bytes) });
  yield out.take(true) ?? "";
  return outcome;
}

/** trimResults for the engine's CSV or TSV: the head and the first `rowCap` rows within `maxBytes`. */
export function trimDelimited(text: string, mediaType: string, rowCap: number, maxBytes: number): { text: string; cut: Truncation } {
  const spans = lineSpans(text, mediaType === MEDIA.csv);
  const head = spans.next();
  if (head.done) return { text, cut: false };
  let end = head.value.end;
  let count = 0;
  for (const span of spans) {
    const cut = count === rowCap ? "rows" : span.end - head.value.end > maxBytes ? "bytes" : false;
    if (cut) return { text: flat(text.slice(0, end)), cut };
    end = span.end;
    count++;
  }
  return { text, cut: false };
}

/** Where each line starts and ends (its line break included); in CSV, not inside a quoted field. */
function* lineSpans(text: string, quoted: boolean): Generator<{ start: number; end: number }> {
  let at = 0;
  while (at < text.length) {
    const start = at;
    if (quoted) {
      let inQuote = false;
      for (; at < text.length; at++) {
        const c = text.charCodeAt(at);
        if (c === 0x22) inQuote = !inQuote; // a doubled quote toggles twice
        else if (c === 0x0a && !inQuote) break;
      }
    } else {
      at = text.indexOf("\n", at);
      if (at < 0) at = text.length;
    }
    at++;
    yield { start, end: Math.min(at, text.length) };
  }
}

/** A copy that does not point into the text it was cut from (V8 keeps a sliced string's parent alive). */
function flat(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

/**
 * The head's variables and an iterator over each solution's JSON text, found by scanning the
 * results text (strings and nesting tracked), so no solution is parsed unless its format needs it.
 */
function scanResults(text: string): { vars: string[]; rows: Iterable<string> } {
  const marker = text.indexOf('"bindings":[');
  const results = text.lastIndexOf(',"results":', marker);
  if (marker < 0 || results < 0 || !text.startsWith('{"head":')) {
    // Not the engine's compact layout: parse it whole rather than guess.
    const parsed = JSON.parse(text) as { head: { vars?: string[] }; results?: { bindings: SparqlRow[] } };
    return { vars: parsed.head.vars ?? [], rows: (parsed.results?.bindings ?? []).map((row) => JSON.stringify(row)) };
  }
  const head = JSON.parse(text.slice('{"head":'.length, results)) as { vars?: string[] };
  return { vars: head.vars ?? [], rows: rowTexts(text, marker + '"bindings":['.length) };
}

function* rowTexts(text: string, from: number): Generator<string> {
  for (const { start, end } of rowSpans(text, from)) yield text.slice(start, end);
}

/** Where each solution's JSON object starts and ends, from just inside `"bindings":[`. */
function* rowSpans(text: string, from: number): Generator<{ start: number; end: number }> {
  let at = from;
  for (;;) {
    while (at < text.length && /[\s,]/.test(text[at]!)) at++;
    if (at >= text.length || text[at] === "]") return;
    const start = at;
    let depth = 0;
    let inString = false;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (inString) {
        if (c === 0x5c) at++; // a backslash escapes the next character
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) break;
      }
    }
    at++;
    yield { start, end: at };
  }
}

/**
 * A CONSTRUCT/DESCRIBE answer from the engine's N-Triples, one triple per line (newlines in
 * literals are escaped), each written once. N-Triples and Turtle (with Caspian's prefixes) go
 * out a chunk at a time; JSON-LD and RDF/XML are written whole by a scratch store, up to the
 * caps, then handed on in chunks.
 */
export function* tripleChunks(nTriples: string, mediaType: string, caps: ChunkCaps): Generator<string, ChunkOutcome> {
  if (mediaType === MEDIA.nTriples) return yield* lineTriples(nTriples, caps);
  if (mediaType === MEDIA.turtle) return yield* turtleTriples(nTriples, caps);
  return yield* wholeDocument(nTriples, mediaType, caps);
}

function* distinctLines(nTriples: string): Generator<string> {
  // Written once each: the engine's DESCRIBE may repeat a triple. Only lines already sent are
  // remembered, so the set is never larger than the answer's byte cap.
  const seen = new Set<string>();
  let at = 0;
  while (at < nTriples.length) {
    let end = nTriples.indexOf("\n", at);
    if (end < 0) end = nTriples.length;
    const line = nTriples.slice(at, end);
    at = end + 1;
    if (line.trim() === "" || seen.has(line)) continue;
    seen.add(line);
    yield line;
  }
}

const comment = (note: string) => `# ${TRUNCATION_MEMBER}: ${note}\n`;

function* lineTriples(nTriples: string, caps: ChunkCaps): Generator<string, ChunkOutcome> {
  const out = new ChunkBuffer(caps.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const reserve = Buffer.byteLength(comment(longestNote(caps)));
  const { count, truncated } = yield* fill(distinctLines(nTriples), out, caps, reserve, {
    cost: (line) => Buffer.byteLength(line) + 1,
    write: (line, _index, bytes) => out.add(`${line}\n`, bytes),
  });
  if (truncated) out.add(comment(truncationNote(truncated, caps)));
  yield out.take(true) ?? "";
  return { count, truncated };
}

/**
 * Turtle through n3's writer, fed one triple at a time. A triple's Turtle is at most six times
 * its N-Triples line (n3 escapes a control character as \uXXXX where the line may hold it as one
 * byte), plus the statement's end: that bound is checked before each triple, so the body never
 * passes the cap, at the price of stopping a few triples early.
 */
function* turtleTriples(nTriples: string, caps: ChunkCaps): Generator<string, ChunkOutcome> {
  const out = new ChunkBuffer(caps.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const prefixes = Object.fromEntries(Object.entries(NS).filter(([, iri]) => nTriples.includes(`<${iri}`)));
  const writer = new Writer({ write: (text: string) => out.add(text), end: (done?: () => void) => done?.() } as unknown as NodeJS.WritableStream, { format: "text/turtle", prefixes });
  // One label prefix for every line: n3 gives each parse() call a fresh one otherwise, and a
  // blank node on two lines would become two.
  const parser = new Parser({ format: "application/n-triples", blankNodePrefix: "b_" });
  const reserve = 4 + Buffer.byteLength(comment(longestNote(caps)));
  const { count, truncated } = yield* fill(distinctLines(nTriples), out, caps, reserve, {
    cost: (line) => 6 * Buffer.byteLength(line),
    write: (line) => {
      for (const quad of parser.parse(`${line}\n`)) writer.addQuad(quad);
    },
  });
  writer.end();
  if (truncated) out.add(comment(truncationNote(truncated, caps)));
  yield out.take(true) ?? "";
  return { count, truncated };
}

function* wholeDocument(nTriples: string, mediaType: string, caps: ChunkCaps): Generator<string, ChunkOutcome> {
  const lines: string[] = [];
  let truncated: Truncation = caps.cut ?? false;
  let lineBytes = 0;
  for (const line of distinctLines(nTriples)) {
    if (lines.length === caps.rowCap) {
      truncated = "rows";
      break;
    }
    // Neither format is shorter than N-Triples by much: lines past the cap are never written.
    lineBytes += Buffer.byteLength(line) + 1;
    if (lineBytes > caps.byteLimit) {
      truncated = "bytes";
      break;
    }
    lines.push(line);
  }
  let body = writeDocument(lines, mediaType);
  // Rows differ in size: fewer until it fits, a tenth to spare each time.
  while (Buffer.byteLength(body) > caps.byteLimit && lines.length > 0) {
    lines.length = Math.floor((lines.length * caps.byteLimit) / Buffer.byteLength(body) * 0.9);
    truncated = "bytes";
    body = writeDocument(lines, mediaType);
  }
  const chunkBytes = caps.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  for (let at = 0; at < body.length; ) {
    let end = Math.min(body.length, at + chunkBytes);
    // Never between the two halves of a surrogate pair: each chunk is encoded on its own.
    if (end < body.length && /[\uD800-\uDBFF]/.test(body[end - 1]!)) end++;
    yield body.slice(at, end);
    at = end;
  }
  if (body.length === 0) yield "";
  return { count: lines.length, truncated };
}

function writeDocument(lines: string[], mediaType: string): string {
  const scratch = new oxigraph.Store();
  scratch.load(lines.map((line) => `${line}\n`).join(""), { format: MEDIA.nTriples });
  return scratch.dump({ format: mediaType, from_graph_name: oxigraph.defaultGraph() });
}
