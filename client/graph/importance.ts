/**
 * Node importance
 * ===============
 * One ranking of nodes by importance, read by the explorer (which labels to show) and the
 * figure exports (which labels to print first), so a figure labels what the screen labels.
 *
 * The score mixes two centralities on the graph taken as simple and undirected (a treaty's
 * parties matter whichever way the edge points; parallel relations count once):
 * - degree: distinct neighbours, normalised by the largest;
 * - betweenness (graphology-metrics, Brandes): how often a node lies on shortest paths, so a
 *   bridge such as a treaty between two blocs ranks above a leaf of a hub.
 * Betweenness costs O(nodes × edges); above BETWEENNESS_MAX_NODES it is left out and the
 * score is degree alone, which keeps a big view responsive and still deterministic.
 * Pure: no DOM, no randomness; ties go by key so the same graph gives the same order.
 */
import { UndirectedGraph } from "graphology";
import type { AbstractGraph } from "graphology-types";
import * as betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { interopDefault } from "./interopDefault.ts";

type Betweenness = (graph: UndirectedGraph, options?: { getEdgeWeight?: null; normalized?: boolean }) => Record<string, number>;
const betweennessCentrality = interopDefault<Betweenness>(betweennessModule);

export const BETWEENNESS_MAX_NODES = 3000;

/** Weight of betweenness in the score; degree has the rest. */
const BETWEENNESS_WEIGHT = 0.5;

export interface NodeImportance {
  key: string;
  /** 0..1, higher is more important. */
  score: number;
  degree: number;
  betweenness: number;
  /** 0 for the most important node. */
  rank: number;
}

/** Every node of the graph, most important first. */
export function rankNodesByImportance(graph: AbstractGraph): NodeImportance[] {
  const simple = new UndirectedGraph();
  graph.forEachNode((key) => simple.addNode(key));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target && !simple.hasEdge(source, target)) simple.addEdge(source, target);
  });
  const between = simple.order > 0 && simple.order <= BETWEENNESS_MAX_NODES ? betweennessCentrality(simple, { getEdgeWeight: null, normalized: true }) : {};
  let maxDegree = 0;
  let maxBetween = 0;
  simple.forEachNode((key) => {
    maxDegree = Math.max(maxDegree, simple.degree(key));
    maxBetween = Math.max(maxBetween, between[key] ?? 0);
  });
  const weight = maxBetween > 0 ? BETWEENNESS_WEIGHT : 0;
  const rows = simple.mapNodes((key) => {
    const degree = simple.degree(key);
    const betweenness = between[key] ?? 0;
    const score = (1 - weight) * (maxDegree > 0 ? degree / maxDegree : 0) + weight * (maxBetween > 0 ? betweenness / maxBetween : 0);
    return { key, score, degree, betweenness, rank: 0 };
  });
  rows.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  rows.forEach((row, i) => (row.rank = i));
  return rows;
}

/** key → score, for callers that look nodes up (label reducers, figure label priority). */
export function importanceScores(graph: AbstractGraph): Map<string, number> {
  return new Map(rankNodesByImportance(graph).map((row) => [row.key, row.score]));
}
