/**
 * RDF parsing
 * ===========
 * Parses one RDF document with n3 into quads, or fails with an error that names the file, line
 * and column. A document either parses whole or contributes nothing. The Turtle family goes
 * through n3; JSON-LD and RDF/XML, which n3 does not read, through Oxigraph's parser.
 */
import { readFile } from "node:fs/promises";
import { basename, extname, isAbsolute, relative, sep } from "node:path";
import { DataFactory, Parser, type Quad, type Term } from "n3";
import type { Quad as OxigraphQuad, Term as OxigraphTerm } from "oxigraph";
import { CaspianError } from "../../contract/errors.ts";

export class RdfSyntaxError extends CaspianError {
  readonly code = "RDF_SYNTAX";
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line ? ` line ${line}` : ""}${column ? `, column ${column}` : ""}: ${detail}`);
    this.name = "RdfSyntaxError";
  }
}

/** n3 formats by file extension; n3 reads the Turtle family, other formats go through Oxigraph. */
export const N3_FORMATS: Record<string, string> = {
  ".ttl": "text/turtle",
  ".trig": "application/trig",
  ".nt": "application/n-triples",
  ".nq": "application/n-quads",
  ".n3": "text/n3",
};

/** Formats n3 cannot read, parsed by Oxigraph instead. */
export const OXIGRAPH_FORMATS: Record<string, string> = {
  ".jsonld": "application/ld+json",
  ".rdf": "application/rdf+xml",
  ".owl": "application/rdf+xml",
};

export const RDF_EXTENSIONS = [...Object.keys(N3_FORMATS), ...Object.keys(OXIGRAPH_FORMATS)];

/**
 * The named graph of a loaded file: `urn:caspian:file:` and its path relative to the working
 * directory (with / separators), or its file name alone when it lies outside it — never a path of
 * the machine, since graph names show up in queries, exports and screenshots.
 */
export function fileGraphIri(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : basename(path);
  return `urn:caspian:file:${shown.split(sep).map(encodeURIComponent).join("/")}`;
}

/** Names a file as a user would: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

export function parseRdfText(text: string, file: string, format = N3_FORMATS[extname(file)] ?? "text/turtle", baseIRI?: string): Quad[] {
  try {
    return new Parser({ format, baseIRI }).parse(text);
  } catch (error) {
    throw toSyntaxError(error, text, file);
  }
}

/**
 * Parses with n3 and hands the quads over in batches of `batchSize` as they come, so a large file
 * never sits in memory as one array of quad objects. Rejects with RdfSyntaxError, possibly after
 * some batches were handed over: the caller keeps them aside until the whole file parsed.
 */
export function parseRdfTextInBatches(text: string, file: string, onBatch: (quads: Quad[]) => void, batchSize: number, format = N3_FORMATS[extname(file)] ?? "text/turtle", baseIRI?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let batch: Quad[] = [];
    let settled = false;
    // With a callback n3 parses in the background and ends with a null quad (or one error).
    new Parser({ format, baseIRI }).parse(text, (error, quad) => {
      if (settled) return;
      if (error) {
        settled = true;
        reject(toSyntaxError(error, text, file));
      } else if (quad) {
        batch.push(quad);
        if (batch.length >= batchSize) {
          onBatch(batch);
          batch = [];
        }
      } else {
        settled = true;
        if (batch.length > 0) onBatch(batch);
        resolve();
      }
    });
  });
}

function toSyntaxError(error: unknown, text: string, file: string): RdfSyntaxError {
  const e = error as Error & { context?: { line?: number; token?: { line?: number; type?: string; value?: string; prefix?: string } } };
  // n3 puts the line in context; the message itself reads "... on line N."
  const line = e.context?.line ?? e.context?.token?.line ?? Number(/line (\d+)/.exec(e.message)?.[1]);
  const detail = e.message.replace(/ on line \d+\.?$/, "");
  const known = Number.isFinite(line) ? line : undefined;
  return new RdfSyntaxError(displayPath(file), known, known ? columnOf(text, known, e.context?.token, e.message) : undefined, detail);
}

/** Media types Caspian reads (Content-Type of an upload), to the file extension that stands for them. */
export const RDF_MEDIA_TYPES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(N3_FORMATS).map(([extension, type]) => [type, extension])),
  "application/ld+json": ".jsonld",
  "application/rdf+xml": ".rdf",
};

/** The media type for a Content-Type header or, failing that, the extension of a name; undefined if neither is RDF. */
export function rdfMediaType(contentType: string | undefined, name: string): string | undefined {
  const type = contentType?.split(";")[0]!.trim().toLowerCase();
  if (type && RDF_MEDIA_TYPES[type]) return type;
  if (type === "text/plain" && /\.nt$/i.test(name)) return "application/n-triples";
  const extension = /\.[^.]+$/.exec(name)?.[0].toLowerCase();
  return extension ? (N3_FORMATS[extension] ?? OXIGRAPH_FORMATS[extension]) : undefined;
}

/** Parses a document given as text in `mediaType` (one of RDF_MEDIA_TYPES); `label` names it in errors. */
export async function parseRdfDocument(text: string, label: string, mediaType: string, baseIRI?: string): Promise<Quad[]> {
  if (mediaType === "application/ld+json" || mediaType === "application/rdf+xml") return await parseWithOxigraph(text, label, mediaType, baseIRI);
  return parseRdfText(text, label, mediaType, baseIRI);
}

/**
 * n3 gives the line but no column: find the offending token (or the text its message quotes) in
 * that line. Undefined when it cannot be found, rather than a wrong column.
 */
function columnOf(text: string, line: number, token: { type?: string; value?: string; prefix?: string } | undefined, message: string): number | undefined {
  const source = text.split(/\r?\n/)[line - 1];
  if (source === undefined) return undefined;
  // A lexer error quotes the rest of the line, which may be megabytes: its first 20 characters do.
  // A punctuation token ("{", ".") has an empty prefix and value: its type is its text.
  const punctuation = token?.type && /^[^\w]{1,2}$/.test(token.type) ? token.type : undefined;
  const snippet = token?.type === "prefixed" ? `${token.prefix ?? ""}:${token.value ?? ""}` : token?.value || punctuation || /Unexpected "([\s\S]*?)" on line \d+\.?$/.exec(message)?.[1]?.slice(0, 20);
  if (!snippet) return undefined;
  const index = source.indexOf(snippet);
  return index >= 0 ? index + 1 : undefined;
}

export async function parseRdfFile(path: string, baseIRI?: string): Promise<Quad[]> {
  const text = await readFile(path, "utf8");
  const oxigraphFormat = OXIGRAPH_FORMATS[extname(path).toLowerCase()];
  if (oxigraphFormat) return await parseWithOxigraph(text, path, oxigraphFormat, baseIRI);
  return parseRdfText(text, path, undefined, baseIRI);
}

/** Oxigraph's WASM takes a while to compile: loaded only when a file needs it. */
type OxigraphParse = (input: string, options: { format: string; base_iri?: string }) => OxigraphQuad[];
let oxigraphParse: Promise<OxigraphParse> | undefined;

export async function parseWithOxigraph(text: string, file: string, format: string, baseIRI?: string): Promise<Quad[]> {
  // CommonJS module: Node puts its exports on `default`.
  oxigraphParse ??= import("oxigraph").then((module) => ((module as unknown as { default: { parse: OxigraphParse } }).default ?? module).parse);
  const parse = await oxigraphParse;
  let parsed: OxigraphQuad[];
  try {
    parsed = parse(text, { format, base_iri: baseIRI });
  } catch (error) {
    // Oxigraph says "Parser error at line 3 column 5: ..." or "... between columns 5 and 9: ...";
    // its RDF/XML errors carry no position, so those name the file only.
    const message = error instanceof Error ? error.message : String(error);
    const position = /line (\d+),? (?:between )?columns? (\d+)/.exec(message);
    const detail = message.replace(/^Parser error at line \d+,? (?:between )?columns? \d+(?: and \d+)?: /, "");
    throw new RdfSyntaxError(displayPath(file), position ? Number(position[1]) : undefined, position ? Number(position[2]) : undefined, detail);
  }
  // Blank nodes get a per-document prefix so two documents never share one by accident.
  const scope = `ox${++documents}_`;
  return parsed.map((quad) =>
    DataFactory.quad(
      toN3(quad.subject, scope) as Quad["subject"],
      toN3(quad.predicate, scope) as Quad["predicate"],
      toN3(quad.object, scope) as Quad["object"],
      toN3(quad.graph, scope) as Quad["graph"],
    ),
  );
}

let documents = 0;

function toN3(term: OxigraphTerm, scope: string): Term {
  switch (term.termType) {
    case "NamedNode":
      return DataFactory.namedNode(term.value);
    case "BlankNode":
      return DataFactory.blankNode(scope + term.value);
    case "Literal":
      return DataFactory.literal(term.value, term.language || DataFactory.namedNode(term.datatype.value));
    case "DefaultGraph":
      return DataFactory.defaultGraph();
    default:
      throw new Error(`Unsupported term type ${term.termType} (RDF-star triple terms are not loaded)`);
  }
}
