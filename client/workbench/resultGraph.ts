/**
 * Results as a network
 * ====================
 * Builds the explorer's kind of graphology graph from a query's answer, so the workbench draws it
 * with the same view, palette and layout as the explorer: the triples of a CONSTRUCT or DESCRIBE
 * (N-Triples, parsed with n3), or two IRI columns of a SELECT (one edge per row). A node the
 * explorer knows keeps its kind (colour) and label; rdfs:label triples name the others, and
 * rdf:type becomes the node's class rather than an edge. No DOM here.
 */
import { MultiDirectedGraph } from "graphology";
import { Parser, type Quad } from "n3";
import type { NodeKind, RelationKind } from "../../contract/api.ts";
import { edgeStyle, resize, type ExplorerGraph } from "../graph/model.ts";
import { NODE_COLOR } from "../graph/palette.ts";
import { seededPosition } from "../graph/seededPlacement.ts";
import { localName, termText, type Row } from "./results.ts";

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";

/** What the explorer already knows about a node or a predicate. */
export interface Known {
  node(iri: string): { label: string; kind: NodeKind } | undefined;
  relation(predicate: string): RelationKind | undefined;
}

export const NOTHING_KNOWN: Known = { node: () => undefined, relation: () => undefined };

export interface ResultGraph {
  graph: ExplorerGraph;
  /** Triples with a literal object other than a label (facts a network cannot draw as edges). */
  literals: number;
}

function emptyGraph(): ExplorerGraph {
  return new MultiDirectedGraph({ allowSelfLoops: false }) as ExplorerGraph;
}

function ensureNode(graph: ExplorerGraph, key: string, known: Known, label?: string): void {
  if (graph.hasNode(key)) return;
  const k = known.node(key);
  graph.addNode(key, {
    label: label ?? k?.label ?? (key.startsWith("_:") ? key : localName(key)),
    kind: k?.kind ?? "other",
    classIri: "",
    classLabel: "",
    evidenceCount: 0,
    x: 0,
    y: 0,
    size: 4,
    color: NODE_COLOR[k?.kind ?? "other"],
  });
}

function addEdge(graph: ExplorerGraph, source: string, predicate: string, target: string, label: string, known: Known): void {
  if (source === target) return;
  const key = `${source}|${predicate}|${target}`;
  if (graph.hasEdge(key)) return;
  const kind = known.relation(predicate) ?? "other";
  graph.addDirectedEdgeWithKey(key, source, target, { kind, label, predicate, evidenceCount: 0, ...edgeStyle(kind) });
}

function place(graph: ExplorerGraph): void {
  const count = graph.order;
  graph.updateEachNodeAttributes((key, attrs) => ({ ...attrs, ...seededPosition(key, count) }), { attributes: ["x", "y"] });
  resize(graph);
}

const termKey = (quad: Quad["subject"] | Quad["object"]) => (quad.termType === "BlankNode" ? `_:${quad.value}` : quad.value);

/** The network of an N-Triples (or Turtle) answer. */
export function graphFromTriples(text: string, known: Known = NOTHING_KNOWN): ResultGraph {
  const quads = new Parser({ format: "N-Triples" }).parse(text);
  const graph = emptyGraph();
  const labels = new Map<string, string>();
  const types = new Map<string, string>();
  let literals = 0;
  for (const q of quads) {
    if (q.predicate.value === RDFS_LABEL && q.object.termType === "Literal") {
      if (!labels.has(termKey(q.subject))) labels.set(termKey(q.subject), q.object.value);
    }
  }
  for (const q of quads) {
    const s = termKey(q.subject);
    if (q.object.termType === "Literal") {
      ensureNode(graph, s, known, labels.get(s));
      if (q.predicate.value !== RDFS_LABEL) literals++;
      continue;
    }
    if (q.predicate.value === RDF_TYPE) {
      ensureNode(graph, s, known, labels.get(s));
      types.set(s, q.object.value);
      continue;
    }
    const o = termKey(q.object);
    ensureNode(graph, s, known, labels.get(s));
    ensureNode(graph, o, known, labels.get(o));
    addEdge(graph, s, q.predicate.value, o, localName(q.predicate.value), known);
  }
  for (const [node, cls] of types) graph.mergeNodeAttributes(node, { classIri: cls, classLabel: localName(cls) });
  place(graph);
  return { graph, literals };
}

/** The network of two IRI columns of a SELECT: an edge from the first to the second per row. */
export function graphFromColumns(rows: readonly Row[], from: string, to: string, labels: ReadonlyMap<string, string>, known: Known = NOTHING_KNOWN): ExplorerGraph {
  const graph = emptyGraph();
  const predicate = `urn:caspian:column:${from}-${to}`;
  for (const row of rows) {
    const a = row[from];
    const b = row[to];
    if (a?.type !== "uri" || b?.type !== "uri") continue;
    ensureNode(graph, a.value, known, labels.get(a.value) ?? termText(a, labels));
    ensureNode(graph, b.value, known, labels.get(b.value) ?? termText(b, labels));
    addEdge(graph, a.value, predicate, b.value, `${from} → ${to}`, known);
  }
  place(graph);
  return graph;
}
