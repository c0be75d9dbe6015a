/**
 * Node budget
 * ===========
 * Which nodes an overview keeps when a view has more than its budget, and the sentence saying
 * what it left out. Shared by the full graph and the actors' network (graphView.ts, actorsView.ts).
 */
import { compareStrings } from "./sparqlText.ts";

interface Link {
  source: string;
  target: string;
}

/**
 * The nodes an overview keeps within `budget`: the most connected half (the hubs), then the nodes
 * with the most edges to those hubs, so the overview has edges to draw (hubs of a large graph are
 * often not linked to each other directly: states are linked through the treaties and wars they
 * took part in). Whatever budget is left goes to the next most connected nodes.
 */
export function overview(keys: readonly string[], edges: readonly Link[], budget: number): { top: Set<string>; hubs: number } {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const ranked = [...keys].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || compareStrings(a, b));
  const top = new Set(ranked.slice(0, Math.ceil(Math.max(0, budget) / 2)));
  const hubs = top.size;
  const links = new Map<string, number>();
  for (const e of edges) {
    if (top.has(e.source) && !top.has(e.target)) links.set(e.target, (links.get(e.target) ?? 0) + 1);
    if (top.has(e.target) && !top.has(e.source)) links.set(e.source, (links.get(e.source) ?? 0) + 1);
  }
  const linking = [...links]
    .sort(([a, x], [b, y]) => y - x || (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || compareStrings(a, b))
    .slice(0, Math.max(0, budget - hubs));
  for (const [key] of linking) top.add(key);
  for (const key of ranked) {
    if (top.size >= budget) break;
    top.add(key);
  }
  return { top, hubs };
}

/** Cuts `nodes`/`edges` to `budget` nodes (overview above); `omitted` says what went. */
export function applyBudget<N extends { key: string }, E extends Link>(nodes: N[], edges: E[], budget: number): { nodes: N[]; edges: E[]; omitted?: string } {
  if (nodes.length <= budget) return { nodes, edges };
  const { top, hubs } = overview(nodes.map((n) => n.key), edges, budget);
  const keptNodes = nodes.filter((n) => top.has(n.key));
  const keptEdges = edges.filter((e) => top.has(e.source) && top.has(e.target));
  const linking = keptNodes.length - hubs;
  const omitted =
    `${nodes.length - keptNodes.length} of ${nodes.length} nodes and ${edges.length - keptEdges.length} of ` +
    `${edges.length} edges left out: the view keeps the ${hubs} most connected nodes` +
    (linking > 0 ? ` and the ${linking} nodes that link most of them.` : ".");
  return { nodes: keptNodes, edges: keptEdges, omitted };
}
