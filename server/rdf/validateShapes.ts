/**
 * SHACL validation
 * ================
 * Validates RDF quads against SHACL shapes with shacl-engine and turns the engine's report into
 * plain strings a person can read: focus node, path and shape shortened with Caspian's prefixes,
 * and the shape's own sh:message. The shapes' sh:class follows rdfs:subClassOf, which the engine
 * reads from the shapes graph; validateShapes copies the data's subClassOf triples there, so
 * passing the ontology with the data is enough.
 */
import factory from "@rdfjs/data-model";
import type { Term } from "@rdfjs/types";
import { DataFactory, Store, type Quad } from "n3";
import { Validator, type ValidationResult } from "shacl-engine";
import { NS } from "./namespaces.ts";

export interface ShapeResult {
  /** The node that failed, e.g. "cd:TreatyOfGulistan" (blank nodes as "_:b12"). */
  focusNode: string;
  /** The property path, e.g. "cas:party", when the constraint is on a property. */
  path?: string;
  /** The named shape the constraint belongs to, e.g. "cas:TreatyShape". */
  shape: string;
  /** "Violation", "Warning" or "Info". */
  severity: string;
  message: string;
  /** The offending value, when the constraint is about one value. */
  value?: string;
}

export interface ShapeReport {
  conforms: boolean;
  results: ShapeResult[];
}

const RDFS_SUBCLASS_OF = `${NS.rdfs}subClassOf`;
const SH_PROPERTY = `${NS.sh}property`;
const SH_NODE = `${NS.sh}node`;
const PLAIN_DATATYPES = new Set(["integer", "decimal", "double", "boolean"].map((t) => `${NS.xsd}${t}`));

/** Shortens an IRI with the first matching Caspian prefix ("cas:Treaty"), else keeps it whole. */
export function shortenIri(iri: string): string {
  for (const [prefix, ns] of Object.entries(NS)) {
    if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return `<${iri}>`;
}

function termText(term: Term): string {
  if (term.termType === "NamedNode") return shortenIri(term.value);
  if (term.termType === "BlankNode") return `_:${term.value}`;
  if (term.termType === "Literal") {
    // Numbers and booleans read as Turtle writes them; other literals quoted.
    return PLAIN_DATATYPES.has(term.datatype.value) ? term.value : JSON.stringify(term.value);
  }
  return term.value;
}

export async function validateShapes(dataQuads: Iterable<Quad>, shapesQuads: Iterable<Quad>): Promise<ShapeReport> {
  const data = new Store([...dataQuads]);
  const shapes = new Store([...shapesQuads]);
  shapes.addQuads(data.getQuads(null, DataFactory.namedNode(RDFS_SUBCLASS_OF), null, null));
  const validator = new Validator(shapes, { factory });
  const report = await validator.validate({ dataset: data });
  const results = report.results.map((result) => toShapeResult(result, shapes));
  results.sort((a, b) => a.focusNode.localeCompare(b.focusNode) || a.shape.localeCompare(b.shape) || (a.path ?? "").localeCompare(b.path ?? ""));
  return { conforms: report.conforms, results };
}

function toShapeResult(result: ValidationResult, shapes: Store): ShapeResult {
  const path = result.path?.length === 1 && result.path[0]?.quantifier === "one" && result.path[0].predicates.length === 1
    ? (result.path[0].start === "object" ? "^" : "") + termText(result.path[0].predicates[0]!)
    : undefined;
  const shaped: ShapeResult = {
    focusNode: termText(result.focusNode.term),
    shape: termText(namedShape(result.shape.ptr.term, shapes)),
    severity: result.severity.value.slice(NS.sh.length),
    message: result.message.map((m) => m.value).join(" ") || `fails ${shortenIri(result.constraintComponent.value)}`,
  };
  if (path) shaped.path = path;
  if (result.value?.term && !result.value.term.equals(result.focusNode.term)) shaped.value = termText(result.value.term);
  return shaped;
}

/** Property shapes are blank nodes; a reader wants the named node shape that holds them. */
function namedShape(shape: Term, shapes: Store): Term {
  let current = shape;
  for (let depth = 0; depth < 5 && current.termType === "BlankNode"; depth++) {
    const parent = shapes.getSubjects(SH_PROPERTY, current as Quad["object"], null)[0] ?? shapes.getSubjects(SH_NODE, current as Quad["object"], null)[0];
    if (!parent) break;
    current = parent as Term;
  }
  return current;
}

/** One line per result: "cd:X — cas:party: A treaty needs at least two parties (shape cas:TreatyShape)". */
export function formatShapeReport(report: ShapeReport): string {
  if (report.conforms) return "The data conforms to the shapes.";
  const lines = report.results.map((r) => {
    const where = r.path ? `${r.focusNode} — ${r.path}` : r.focusNode;
    const value = r.value ? ` [value ${r.value}]` : "";
    const severity = r.severity === "Violation" ? "" : `${r.severity}: `;
    return `${where}: ${severity}${r.message}${value} (shape ${r.shape})`;
  });
  return [`${report.results.length} SHACL result${report.results.length === 1 ? "" : "s"}:`, ...lines].join("\n");
}
