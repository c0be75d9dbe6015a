/**
 * Path edges
 * ==========
 * The graph edges a path runs along, so the graph view can highlight them. A step from the API
 * names its two nodes and predicate; the graph may hold several edges between them (a multigraph,
 * either direction), so the one with the step's predicate is preferred. When a step passes through
 * an n-ary node (a threat, a relationship state) that the graph draws as an edge, the edge whose
 * `via` is that node stands for it. No DOM: tested in node.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import type { PathStep } from "../../contract/api.ts";

function between(graph: Graph, a: string, b: string): string[] {
  if (!graph.hasNode(a) || !graph.hasNode(b)) return [];
  return [...graph.edges(a, b), ...graph.edges(b, a)];
}

function viaEdges(graph: Graph, node: string, other: string): string[] {
  if (!graph.hasNode(other)) return [];
  return graph.edges(other).filter((edge) => graph.getEdgeAttribute(edge, "via") === node);
}

function yearsText(start: unknown, end: unknown): string {
  if (typeof start !== "number") return "";
  return typeof end === "number" && end !== start ? `${start}–${end}` : String(start);
}

export function edgesForSteps(graph: Graph, steps: readonly PathStep[]): string[] {
  const found = new Set<string>();
  for (const step of steps) {
    const s = step.source.iri;
    const t = step.target.iri;
    let edges = between(graph, s, t);
    if (edges.length === 0) edges = [...viaEdges(graph, t, s), ...viaEdges(graph, s, t)];
    let chosen = edges.filter((edge) => graph.getEdgeAttribute(edge, "predicate") === step.predicate.iri);
    if (chosen.length === 0) chosen = edges;
    // Parallel edges of one predicate (two relationship states of a dyad) differ in their years,
    // which the step's sentence prints: keep the ones it names, if it names any.
    if (chosen.length > 1) {
      const named = chosen.filter((edge) => {
        const years = yearsText(graph.getEdgeAttribute(edge, "startYear"), graph.getEdgeAttribute(edge, "endYear"));
        return years !== "" && step.sentence.includes(years);
      });
      if (named.length > 0) chosen = named;
    }
    for (const edge of chosen) found.add(edge);
  }
  return [...found];
}

/** The nodes of a path that the graph draws (n-ary nodes drawn as edges are left out). */
export function drawnNodes(graph: Graph, nodes: readonly { iri: string }[]): string[] {
  return nodes.map((n) => n.iri).filter((iri) => graph.hasNode(iri));
}

/**
 * Runs `action` once the explorer's graph has nodes. A path or lens in the URL is answered by the
 * API before the page has loaded its graph, and a highlight of an empty graph would find no edges.
 */
export function whenGraphReady(graph: () => Graph, action: () => void, tries = 60, interval = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = (left: number) => {
    if (graph().order > 0 || left <= 0) action();
    else timer = setTimeout(() => attempt(left - 1), interval);
  };
  attempt(tries);
  return () => clearTimeout(timer);
}
