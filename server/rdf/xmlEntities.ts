/**
 * XML entities, bounded
 * =====================
 * RDF/XML from ontology editors declares entities for namespaces (`<!ENTITY owl "http://…#">`),
 * so refusing every DOCTYPE would refuse ordinary OWL files. Instead the internal subset's
 * general entities are expanded here, before the XML parser sees the document, under a byte
 * budget: each entity's expanded size is computed first (without expanding it), so a "billion
 * laughs" document is refused after reading a few hundred bytes of declarations, in microseconds.
 * Parameter entities, external entities (SYSTEM/PUBLIC) and recursion are refused outright.
 * The document handed on has no DOCTYPE left, so the parser has nothing to expand.
 */
import { UploadLimitError } from "./uploadLimits.ts";

const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);
const DOCTYPE = /<!DOCTYPE\s+[^\s[>]+(\s+(?:SYSTEM|PUBLIC)\s[^[>]*)?\s*(?:\[([\s\S]*?)\]\s*)?>/;
const ENTITY = /<!ENTITY\s+(%\s+)?([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)[^>]*)\s*>/g;
const REFERENCE = /&([A-Za-z_][\w.-]*);/g;

export class XmlEntityError extends UploadLimitError {
  constructor(message: string) {
    super("XML_ENTITY", message);
  }
}

/** The document with its internal entities expanded and its DOCTYPE removed; throws when over `limit` bytes. */
export function expandXmlEntities(text: string, limit: number, label: string): string {
  const doctype = DOCTYPE.exec(text);
  if (!doctype) {
    if (/<!ENTITY/.test(text)) throw new XmlEntityError(`${label}: an entity declaration outside a DOCTYPE is not accepted.`);
    return text;
  }
  if (doctype[1] && !doctype[2]) return text.slice(0, doctype.index) + text.slice(doctype.index + doctype[0].length);
  if (doctype[1]) throw new XmlEntityError(`${label}: a DOCTYPE naming an external DTD (SYSTEM/PUBLIC) is not read; declare the entities inline or drop the DOCTYPE.`);
  const values = new Map<string, string>();
  for (const match of (doctype[2] ?? "").matchAll(ENTITY)) {
    const [, parameter, name, double, single, external] = match;
    if (parameter) throw new XmlEntityError(`${label}: parameter entity %${name}; is not accepted.`);
    if (external) throw new XmlEntityError(`${label}: external entity &${name}; (${external}) is not read.`);
    if (!values.has(name!)) values.set(name!, double ?? single ?? "");
  }
  const sizes = new Map<string, number>();
  const sizeOf = (name: string, path: string[]): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    if (path.includes(name)) throw new XmlEntityError(`${label}: entity &${name}; refers to itself (${[...path, name].join(" → ")}).`);
    const value = values.get(name)!;
    let size = value.length;
    for (const [reference, inner] of value.matchAll(REFERENCE)) {
      if (PREDEFINED.has(inner!) || !values.has(inner!)) continue;
      size += sizeOf(inner!, [...path, name]) - reference.length;
      if (size > limit) break;
    }
    sizes.set(name, size);
    return size;
  };
  for (const name of values.keys()) {
    if (sizeOf(name, []) > limit) throw new XmlEntityError(`${label}: entity &${name}; would expand to more than the upload limit (${limit} bytes); entity expansion is bounded ("billion laughs").`);
  }
  const body = text.slice(0, doctype.index) + text.slice(doctype.index + doctype[0].length);
  const expanded = new Map<string, string>();
  const expansion = (name: string): string => {
    let value = expanded.get(name);
    if (value === undefined) {
      value = values.get(name)!.replace(REFERENCE, (reference, inner: string) => (PREDEFINED.has(inner) || !values.has(inner) ? reference : expansion(inner)));
      expanded.set(name, value);
    }
    return value;
  };
  let total = body.length;
  return body.replace(REFERENCE, (reference, name: string) => {
    if (PREDEFINED.has(name) || !values.has(name)) return reference;
    total += sizes.get(name)! - reference.length;
    if (total > limit) throw new XmlEntityError(`${label}: the document would grow past the upload limit (${limit} bytes) once its entities are expanded.`);
    return expansion(name);
  });
}
