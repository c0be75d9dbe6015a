/**
 * Appearance
 * ==========
 * What Gephi Lite's appearance panel offers, over the explorer's graph: node size by degree,
 * betweenness or evidence count, and colour by class or by community (Louvain, seeded so the
 * same graph gets the same communities). Writes sigma's `size` and `color` attributes; the
 * reducers then dim or recolour on top.
 */
import { UndirectedGraph } from "graphology";
import * as louvainModule from "graphology-communities-louvain";
import { rankNodesByImportance } from "./importance.ts";
import { interopDefault } from "./interopDefault.ts";
import { sizeForDegree, type ExplorerGraph } from "./model.ts";
import { nodeColor, OKABE_ITO } from "./palette.ts";
import { mulberry32 } from "./seededPlacement.ts";

type Louvain = (graph: UndirectedGraph, options?: { rng?: () => number; getEdgeWeight?: null }) => Record<string, number>;
const louvain = interopDefault<Louvain>(louvainModule);

export const SIZE_BY = ["degree", "betweenness", "evidence"] as const;
export type SizeBy = (typeof SIZE_BY)[number];
export const COLOR_BY = ["class", "community"] as const;
export type ColorBy = (typeof COLOR_BY)[number];

export const SIZE_BY_LABEL: Record<SizeBy, string> = { degree: "Degree", betweenness: "Betweenness", evidence: "Evidence count" };
export const COLOR_BY_LABEL: Record<ColorBy, string> = { class: "Class", community: "Community (Louvain)" };

/** Community colours, largest community first: Okabe–Ito, then further distinct hex colours. */
export const COMMUNITY_COLORS = [
  OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue,
  OKABE_ITO.yellow, "#7f3c8d", "#11a579", "#3969ac", "#f2b701", "#e73f74", "#80ba5a", "#e68310",
];
const COMMUNITY_REST = "#9a9a9a";

/** The graph as simple and undirected (parallel relations count once), for the metrics. */
function simple(graph: ExplorerGraph): UndirectedGraph {
  const out = new UndirectedGraph();
  graph.forEachNode((key) => out.addNode(key));
  graph.forEachEdge((_e, _a, source, target) => {
    if (source !== target && !out.hasEdge(source, target)) out.addEdge(source, target);
  });
  return out;
}

/** Sets every node's size from the chosen measure, on the degree scale's range. */
export function applySize(graph: ExplorerGraph, by: SizeBy): void {
  const order = graph.order;
  let measure: (node: string) => number;
  if (by === "betweenness") {
    const rows = rankNodesByImportance(graph);
    const max = Math.max(...rows.map((r) => r.betweenness), 0);
    const between = new Map(rows.map((r) => [r.key, r.betweenness]));
    // Mapped onto the degree scale: the biggest bridge is drawn as big as a hub of 150 relations.
    measure = (node) => (max > 0 ? (150 * (between.get(node) ?? 0)) / max : 0);
  } else if (by === "evidence") measure = (node) => graph.getNodeAttribute(node, "evidenceCount") ?? 0;
  else measure = (node) => graph.degree(node);
  graph.updateEachNodeAttributes((node, attrs) => {
    attrs.size = sizeForDegree(measure(node), order);
    return attrs;
  }, { attributes: ["size"] });
}

/** Louvain communities, numbered by size (0 the largest); seeded, so the same graph splits the same way. */
export function communities(graph: ExplorerGraph): Map<string, number> {
  const g = simple(graph);
  if (g.size === 0) return new Map(g.mapNodes((n, _a) => [n, 0] as [string, number]));
  const raw = louvain(g, { rng: mulberry32(1795), getEdgeWeight: null });
  const sizes = new Map<number, number>();
  for (const c of Object.values(raw)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const rank = new Map(order.map((c, i) => [c, i]));
  return new Map(Object.entries(raw).map(([node, c]) => [node, rank.get(c)!]));
}

/** Sets every node's colour: its class's (legend) colour, or its community's. Returns the community count. */
export function applyColor(graph: ExplorerGraph, by: ColorBy): number {
  if (by === "community") {
    const of = communities(graph);
    graph.updateEachNodeAttributes((node, attrs) => {
      const c = of.get(node) ?? 0;
      attrs.color = COMMUNITY_COLORS[c] ?? COMMUNITY_REST;
      attrs.community = c;
      return attrs;
    }, { attributes: ["color", "community"] });
    return new Set(of.values()).size;
  }
  graph.updateEachNodeAttributes((_node, attrs) => {
    attrs.color = nodeColor(attrs.kind, attrs.classIri);
    delete attrs.community;
    return attrs;
  }, { attributes: ["color", "community"] });
  return 0;
}
