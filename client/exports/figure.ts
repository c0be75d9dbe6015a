/**
 * Figure model
 * ============
 * What a figure draws, independent of the output format: the nodes with their positions, sizes
 * and classes, the edges with their relation kinds, in key order so the same view always gives
 * the same file. Taken from the explorer's graphology graph (browser) or a laid-out payload (CLI).
 */
import { MultiDirectedGraph } from "graphology";
import type { AbstractGraph } from "graphology-types";
import { importanceScores } from "../graph/importance.ts";
import type { NodeKind, RelationKind } from "../../contract/api.ts";

export interface FigureNode {
  key: string;
  label: string;
  kind: NodeKind;
  classIri: string;
  classLabel: string;
  x: number;
  y: number;
  size: number;
  color: string;
  startYear?: number;
  endYear?: number;
  disputed?: boolean;
  evidenceCount: number;
}

export interface FigureEdge {
  key: string;
  source: string;
  target: string;
  kind: RelationKind;
  label: string;
  predicate: string;
  via?: string;
  color: string;
  size: number;
  type: "arrow" | "line";
  startYear?: number;
  endYear?: number;
  disputed?: boolean;
  evidenceCount: number;
}

export interface Figure {
  nodes: FigureNode[];
  edges: FigureEdge[];
}

/** Everything a figure says about where it came from: it goes into the file's metadata. */
export interface FigureProvenance {
  /** The view in words (filters, years, lens) or the CONSTRUCT query text. */
  query?: string;
  /** sha256 of the input data (sorted N-Quads), hex. */
  dataHash?: string;
  /** "caspian 0.1.0". */
  tool?: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function figureFromGraph(graph: AbstractGraph): Figure {
  const nodes: FigureNode[] = [];
  graph.forEachNode((key, a) => {
    nodes.push({
      key,
      label: String(a.label ?? key),
      kind: a.kind,
      classIri: a.classIri ?? "",
      classLabel: a.classLabel ?? "",
      x: a.x,
      y: a.y,
      size: a.size,
      color: a.color,
      ...(a.startYear !== undefined ? { startYear: a.startYear } : {}),
      ...(a.endYear !== undefined ? { endYear: a.endYear } : {}),
      ...(a.disputed ? { disputed: true } : {}),
      evidenceCount: a.evidenceCount ?? 0,
    });
  });
  const edges: FigureEdge[] = [];
  graph.forEachEdge((key, a, source, target) => {
    edges.push({
      key,
      source,
      target,
      kind: a.kind,
      label: String(a.label ?? ""),
      predicate: a.predicate ?? "",
      ...(a.via ? { via: a.via } : {}),
      color: a.color,
      size: a.size,
      type: a.type === "arrow" ? "arrow" : "line",
      ...(a.startYear !== undefined ? { startYear: a.startYear } : {}),
      ...(a.endYear !== undefined ? { endYear: a.endYear } : {}),
      ...(a.disputed ? { disputed: true } : {}),
      evidenceCount: a.evidenceCount ?? 0,
    });
  });
  nodes.sort((a, b) => compare(a.key, b.key));
  edges.sort((a, b) => compare(a.key, b.key));
  return { nodes, edges };
}

/** True when [start, end] meets [from, to]; a thing without years is always kept (as the server filters). */
export function inYears(item: { startYear?: number; endYear?: number }, from?: number, to?: number): boolean {
  if (to !== undefined && item.startYear !== undefined && item.startYear > to) return false;
  if (from !== undefined && item.endYear !== undefined && item.endYear < from) return false;
  return true;
}

const dated = (item: { startYear?: number; endYear?: number }) => item.startYear !== undefined || item.endYear !== undefined;

/**
 * The figure in a window by the views' time rule (ontology/README, "In a window"): a node is in
 * [from, to] when its own years meet it, or — undated — when it has a dated relation or a dated
 * neighbour (the treaty, war or role it takes part in) meeting it; undated nodes with no dated tie
 * are left out. A relation is kept when both ends are in and it is undated or meets the window.
 */
export function figureInWindow(figure: Figure, from: number, to: number): Figure {
  const meets = (item: { startYear?: number; endYear?: number }) => dated(item) && inYears(item, from, to);
  const byKey = new Map(figure.nodes.map((n) => [n.key, n]));
  const keep = new Set(figure.nodes.filter(meets).map((n) => n.key));
  for (const e of figure.edges) {
    const s = byKey.get(e.source);
    const t = byKey.get(e.target);
    if (!s || !t) continue;
    if (meets(e)) {
      if (!dated(s)) keep.add(s.key);
      if (!dated(t)) keep.add(t.key);
    }
    if (!dated(e) && !dated(s) && meets(t)) keep.add(s.key);
    if (!dated(e) && !dated(t) && meets(s)) keep.add(t.key);
  }
  const nodes = figure.nodes.filter((n) => keep.has(n.key));
  const edges = figure.edges.filter((e) => keep.has(e.source) && keep.has(e.target) && (!dated(e) || inYears(e, from, to)));
  return { nodes, edges };
}

/** A year as a reader writes it: 483 BC for -483. */
export function yearText(year: number): string {
  return year < 0 ? `${-year} BC` : String(year);
}

/** Each node's importance score (client/graph/importance.ts, the explorer's ranking) in the figure's graph. */
export function figureImportance(figure: Figure): Map<string, number> {
  const graph = new MultiDirectedGraph();
  for (const n of figure.nodes) graph.addNode(n.key);
  for (const e of figure.edges) if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdge(e.source, e.target);
  return importanceScores(graph);
}
