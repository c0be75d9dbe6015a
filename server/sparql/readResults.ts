/**
 * Reading results back
 * ====================
 * Parses a serialized query answer back into rows, a boolean or a triple count, for tests and
 * benchmarks that check what a client would get. Graph formats go through real RDF parsers (n3,
 * Oxigraph); XML is checked for well-formedness by a small tag-balance reader.
 */
import { Parser } from "n3";
import oxigraph from "oxigraph";
import { MEDIA } from "./mediaTypes.ts";

export type ReadResult =
  | { kind: "solutions"; vars: string[]; rows: Record<string, string>[] }
  | { kind: "boolean"; value: boolean }
  | { kind: "graph"; triples: number; subjects: string[] };

export function readResults(mediaType: string, body: string): ReadResult {
  switch (mediaType.split(";")[0]!.trim()) {
    case MEDIA.resultsJson: {
      const json = JSON.parse(body) as { head: { vars?: string[] }; boolean?: boolean; results?: { bindings: Record<string, { value: string }>[] } };
      if (json.boolean !== undefined) return { kind: "boolean", value: json.boolean };
      const vars = json.head.vars ?? [];
      return { kind: "solutions", vars, rows: (json.results?.bindings ?? []).map((row) => mapValues(row, (term) => term.value)) };
    }
    case MEDIA.resultsXml:
      return readXmlResults(body);
    case MEDIA.csv:
      return readDelimited(body, parseCsv(body), (cell) => cell, (name) => name);
    case MEDIA.tsv:
      return readDelimited(body, body.replace(/\n$/, "").split("\n").map((line) => line.split("\t")), unTsv, (name) => name.replace(/^\?/, ""));
    case MEDIA.turtle:
    case MEDIA.nTriples:
      return graph(new Parser({ format: mediaType.startsWith(MEDIA.turtle) ? "text/turtle" : "application/n-triples" }).parse(body).map((quad) => quad.subject.value));
    case MEDIA.rdfXml:
      assertWellFormedXml(body);
      return graph(oxigraph.parse(body, { format: MEDIA.rdfXml }).map((quad) => quad.subject.value));
    case MEDIA.jsonLd:
      JSON.parse(body);
      return graph(oxigraph.parse(body, { format: MEDIA.jsonLd }).map((quad) => quad.subject.value));
    default:
      throw new Error(`readResults: no reader for ${mediaType}`);
  }
}

function graph(subjects: string[]): ReadResult {
  return { kind: "graph", triples: subjects.length, subjects: [...new Set(subjects)].sort() };
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

function readDelimited(body: string, table: string[][], cell: (text: string) => string, variable: (name: string) => string): ReadResult {
  if (body.trim() === "true" || body.trim() === "false") return { kind: "boolean", value: body.trim() === "true" };
  const [header = [], ...rows] = table;
  const vars = header.map(variable);
  return {
    kind: "solutions",
    vars,
    rows: rows.map((row) => Object.fromEntries(vars.flatMap((name, i) => (row[i] ? [[name, cell(row[i]!)]] : [])))),
  };
}

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") continue;
    else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A TSV cell's value: IRIs lose <>, literals their quotes, escapes and tags. */
function unTsv(cell: string): string {
  if (cell.startsWith("<") && cell.endsWith(">")) return cell.slice(1, -1);
  const literal = /^"((?:[^"\\]|\\.)*)"(?:@[\w-]+|\^\^<[^>]*>)?$/.exec(cell);
  if (literal) return literal[1]!.replace(/\\(.)/g, (_m, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
  return cell.startsWith("_:") ? cell.slice(2) : cell;
}

function readXmlResults(body: string): ReadResult {
  assertWellFormedXml(body);
  const bool = /<boolean>(true|false)<\/boolean>/.exec(body);
  if (bool) return { kind: "boolean", value: bool[1] === "true" };
  const vars = [...body.matchAll(/<variable name="([^"]*)"\/>/g)].map((m) => m[1]!);
  const rows = [...body.matchAll(/<result>([\s\S]*?)<\/result>/g)].map((result) =>
    Object.fromEntries(
      [...result[1]!.matchAll(/<binding name="([^"]*)"><(uri|literal|bnode)[^>]*>([\s\S]*?)<\/\2><\/binding>/g)].map((m) => [m[1]!, unXml(m[3]!)]),
    ),
  );
  return { kind: "solutions", vars, rows };
}

function unXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_m, name: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[name]!);
}

/** Throws unless every tag closes in order and every & starts a known entity. */
export function assertWellFormedXml(body: string): void {
  const text = body.replace(/^<\?xml[^?]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "");
  const stack: string[] = [];
  let roots = 0;
  for (const match of text.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g)) {
    const [whole, closing, name, , selfClosing] = match;
    if (whole === "<" || whole.startsWith("&")) throw new Error(`Malformed XML near offset ${match.index}: ${text.slice(match.index, match.index + 40)}`);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`Malformed XML: </${name}> closes the wrong element`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length > 0) throw new Error(`Malformed XML: <${stack.at(-1)}> is never closed`);
  if (roots !== 1) throw new Error(`Malformed XML: ${roots} root elements`);
}
