/**
 * Parallel edges
 * ==============
 * Two actors are often linked several times (a treaty, a war, a rivalry) and in both directions
 * (Russia threatens Iran, Iran threatens Russia). Drawn straight, those edges lie on one line
 * and read as one. @sigma/edge-curve's parallel-edge index numbers each pair's edges; from it
 * every edge gets a `curvature` (0 for a lone edge), so the renderer bends each one apart, and a
 * reciprocal pair curves to both sides of the straight line.
 */
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from "@sigma/edge-curve";
import type { ExplorerGraph } from "./model.ts";

/** The sigma example's curve: the more parallels, the wider the fan, with a ceiling. */
export function curvatureFor(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -curvatureFor(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

/** Sets `curvature` on every edge from its place among the edges of its pair. */
export function curveParallelEdges(graph: ExplorerGraph): void {
  indexParallelEdgesIndex(graph as unknown as Parameters<typeof indexParallelEdgesIndex>[0], {
    edgeIndexAttribute: "parallelIndex",
    edgeMinIndexAttribute: "parallelMinIndex",
    edgeMaxIndexAttribute: "parallelMaxIndex",
  });
  graph.updateEachEdgeAttributes((_, attrs) => {
    const a = attrs as typeof attrs & { parallelIndex?: number | null; parallelMaxIndex?: number | null };
    const index = a.parallelIndex;
    const max = a.parallelMaxIndex;
    attrs.curvature = typeof index === "number" && typeof max === "number" ? curvatureFor(index, max) : 0;
    return attrs;
  });
}
