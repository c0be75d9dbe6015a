/**
 * Nesting depth
 * =============
 * The deepest nesting of a document, found by one linear scan before any parser runs: XML
 * elements for RDF/XML, brackets for JSON-LD and the Turtle family (strings, IRIs and comments
 * skipped). Oxigraph's RDF/XML parser takes time quadratic in depth (960 KB of nesting froze the
 * server for 7.6 s), so depth is a limit of its own. Stops as soon as `limit` is passed and
 * answers where (line), so the refusal can say it.
 */

export interface DepthExceeded {
  depth: number;
  line: number;
}

type Syntax = "xml" | "json" | "turtle";

export function syntaxOf(mediaType: string): Syntax {
  if (mediaType === "application/rdf+xml") return "xml";
  if (mediaType === "application/ld+json") return "json";
  return "turtle";
}

/** Undefined when the document stays within `limit`; else the depth reached and its line. */
export function exceedsDepth(text: string, syntax: Syntax, limit: number): DepthExceeded | undefined {
  return syntax === "xml" ? xmlDepth(text, limit) : bracketDepth(text, limit, syntax === "turtle");
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function xmlDepth(text: string, limit: number): DepthExceeded | undefined {
  let depth = 0;
  let at = text.indexOf("<");
  while (at >= 0) {
    const next = text[at + 1];
    if (text.startsWith("<!--", at)) at = text.indexOf("-->", at + 4);
    else if (text.startsWith("<![CDATA[", at)) at = text.indexOf("]]>", at + 9);
    else if (next === "?" || next === "!") at = text.indexOf(">", at + 2);
    else if (next === "/") {
      depth--;
      at = text.indexOf(">", at + 2);
    } else {
      const end = tagEnd(text, at + 1);
      if (end < 0) return undefined;
      if (text[end - 1] !== "/" && ++depth > limit) return { depth, line: lineAt(text, at) };
      at = end;
    }
    if (at < 0) return undefined;
    at = text.indexOf("<", at + 1);
  }
  return undefined;
}

/** Index of the `>` closing a start tag, skipping quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  return -1;
}

function bracketDepth(text: string, limit: number, turtle: boolean): DepthExceeded | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || (turtle && c === "'")) {
      const long = turtle && text.startsWith(c.repeat(3), i);
      const close = long ? c.repeat(3) : c;
      i += close.length;
      while (i < text.length && !text.startsWith(close, i)) i += text[i] === "\\" ? 2 : 1;
      i += close.length - 1;
    } else if (turtle && c === "<") {
      const end = text.indexOf(">", i);
      // "<" of an IRI ends on the same line; elsewhere (N3's "<=") it is an operator.
      const newline = text.indexOf("\n", i);
      if (end > i && (newline < 0 || end < newline)) i = end;
    } else if (turtle && c === "#") {
      const newline = text.indexOf("\n", i);
      i = newline < 0 ? text.length : newline;
    } else if (c === "[" || c === "(" || c === "{") {
      if (++depth > limit) return { depth, line: lineAt(text, i) };
    } else if (c === "]" || c === ")" || c === "}") depth--;
  }
  return undefined;
}
