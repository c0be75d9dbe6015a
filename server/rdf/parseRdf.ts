/**
 * RDF parsing
 * ===========
 * Parses one RDF document with n3 into quads, or fails with an error that names the file, line
 * and column. A document either parses whole or contributes nothing.
 */
import { readFile } from "node:fs/promises";
import { extname, relative } from "node:path";
import { Parser, type Quad } from "n3";

export class RdfSyntaxError extends Error {
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

/** Names a file as a user would: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}

export function parseRdfText(text: string, file: string, format = N3_FORMATS[extname(file)] ?? "text/turtle", baseIRI?: string): Quad[] {
  const parser = new Parser({ format, baseIRI });
  try {
    return parser.parse(text);
  } catch (error) {
    const e = error as Error & { context?: { line?: number; token?: { line?: number } } };
    // n3 puts the line in context; the message itself reads "... on line N."
    const line = e.context?.line ?? e.context?.token?.line ?? Number(/line (\d+)/.exec(e.message)?.[1]) ?? undefined;
    const detail = e.message.replace(/ on line \d+\.?$/, "");
    throw new RdfSyntaxError(displayPath(file), Number.isFinite(line) ? line : undefined, undefined, detail);
  }
}

export async function parseRdfFile(path: string, baseIRI?: string): Promise<Quad[]> {
  const text = await readFile(path, "utf8");
  return parseRdfText(text, path, undefined, baseIRI);
}
