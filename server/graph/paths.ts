/**
 * Paths between two entities
 * ==========================
 * Paths between two drawn entities over the graph model, treated as undirected, as readable
 * steps: "Russia — party to — Treaty of Turkmenchay (1828)", each with its years and the evidence
 * of the edge's n-ary node (relationship state, third-party role, provision) or of the event,
 * treaty or threat it touches. Cited works are left out: two claims citing one book are not
 * connected by it.
 *
 * - order "any": all shortest paths (up to `max`), found by a bidirectional breadth-first search
 *   that stops at the layer where the two searches meet, in a stable order (walked back from the
 *   target, smallest keys first).
 * - order "time": time-respecting paths — each step's statement starts no earlier than the
 *   previous one's start (timeWindow.ts gives a step its span; undated steps cannot be ordered
 *   and are not walked) — the fewest steps first, found layer by layer, a state kept only when it
 *   reaches its node earlier than any state before it (an earlier start leaves more ways on),
 *   searched from both ends until the two searches meet in time order.
 * - a window (optional, both orders): every step's span meets it.
 * The adjacency index is built once per data version (perEngine.ts); a request walks only the
 * part of it the searches reach.
 */
import type { Evidence, PathStep, PathsResult, Ref } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { NotFoundError } from "./errors.ts";
import { evidenceFor } from "./evidence.ts";
import { readGraphModel, type ModelEdge, type ModelNode } from "./graphModel.ts";
import { yearsText } from "./labels.ts";
import { perEngine } from "./perEngine.ts";
import { schemaIndex } from "./schemaIndex.ts";
import { compareStrings, sortedIndexOf } from "./sparqlText.ts";
import { hasWindow, meets, readTimeIndex, type Span, type TimeWindow } from "./timeWindow.ts";

export const DEFAULT_PATHS = 5;
export const MAX_PATHS = 20;
/** Time-respecting paths longer than this many steps are not searched for. */
export const MAX_TIME_STEPS = 12;

const DATED_KINDS = new Set(["event", "treaty", "threat", "period"]);

export interface PathOptions {
  order?: "any" | "time";
  window?: TimeWindow;
}

export async function paths(engine: QueryEngine, from: string, to: string, max = DEFAULT_PATHS, options: PathOptions = {}): Promise<PathsResult> {
  const [model, schema, index] = await Promise.all([readGraphModel(engine), schemaIndex(engine), pathIndex(engine)]);
  for (const [iri, end] of [[from, "from"], [to, "to"]] as const) {
    const node = model.nodes.get(iri);
    if (!node || node.attributes.kind === "source") {
      throw new NotFoundError(`${end}: <${iri}> is not an entity of the graph (an actor, place, period, event, treaty or threat).`);
    }
  }
  const order = options.order ?? "any";
  const window = hasWindow(options.window) ? options.window : undefined;
  const usable = (e: ModelEdge) => {
    if (!window) return true;
    const span = index.span(e);
    return span !== undefined && meets(span, window);
  };
  const restricted = window ? usable : undefined;

  let chosen: Step[][];
  if (from === to) chosen = [[]];
  else if (order === "time") chosen = timePaths(index, from, to, max, usable);
  else {
    chosen = shortestPaths(index, from, to, max, restricted).map((nodes) =>
      nodes.slice(1).map((v, i) => {
        const u = nodes[i]!;
        return { u, v, edge: bestEdge(edgesBetween(index, u, v).filter(usable)) };
      }),
    );
  }
  const claims = new Set<string>();
  for (const steps of chosen) for (const { edge } of steps) for (const claim of edge.claims) claims.add(claim);
  const evidence = await evidenceFor(engine, claims);

  const ref = (iri: string): Ref => ({ iri, label: model.nodes.get(iri)!.attributes.label });
  return {
    from: ref(from),
    to: ref(to),
    order,
    paths: chosen.map((steps) => ({
      nodes: [from, ...steps.map((s) => s.v)].map(ref),
      steps: steps.map(({ u, v, edge }): PathStep => {
        const span = index.span(edge);
        const phrase = edge.source === u ? edge.phrase : edge.inversePhrase;
        const seen = new Set<string>();
        const stepEvidence: Evidence[] = [];
        for (const claim of edge.claims) {
          for (const e of evidence.get(claim) ?? []) if (!seen.has(e.iri) && seen.add(e.iri)) stepEvidence.push(e);
        }
        return {
          ...(span ? { startYear: span.start, endYear: span.end } : {}),
          source: ref(u),
          target: ref(v),
          predicate: { iri: edge.attributes.predicate, label: schema.label(edge.attributes.predicate) },
          sentence: `${nodeText(model.nodes.get(u)!)} — ${phrase} — ${nodeText(model.nodes.get(v)!)}`,
          evidence: stepEvidence,
          edge: edge.key,
          ...(edge.attributes.via ? { via: edge.attributes.via } : {}),
        };
      }),
    })),
  };
}

/**
 * An entity's links: its neighbours sorted by key, and at the same position the parallel model
 * edges to each, sorted by start year (undated last). Two arrays rather than an object per link:
 * at a million triples that is a million objects fewer.
 */
interface Links {
  neighbours: string[];
  edges: ModelEdge[][];
}

interface PathIndex {
  /** The links of every entity (no cited works, no citation edges). */
  adjacency: Map<string, Links>;
  /** An edge's span (timeWindow.ts), undefined when undated. */
  span: (edge: ModelEdge) => Span | undefined;
}

const NO_LINKS: Links = { neighbours: [], edges: [] };

/** The parallel model edges between u and v: a binary search of u's sorted neighbours. (A map by
 * pair kept a key string per pair: the index was 227 MB at a million triples, 152 MB without.) */
function edgesBetween(index: PathIndex, u: string, v: string): ModelEdge[] {
  const { neighbours, edges } = index.adjacency.get(u) ?? NO_LINKS;
  return edges[sortedIndexOf(neighbours, (n) => n, v)] ?? [];
}

/** The graph paths walk, built once per data version. */
const pathIndex = perEngine(async (engine): Promise<PathIndex> => {
  const [model, time] = await Promise.all([readGraphModel(engine), readTimeIndex(engine)]);
  // Each pair's list of parallel edges is built once and shared by both ends' links.
  const near = new Map<string, Map<string, ModelEdge[]>>();
  for (const [key, node] of model.nodes) if (node.attributes.kind !== "source") near.set(key, new Map());
  const lists: ModelEdge[][] = [];
  for (const edge of model.edges) {
    const [atSource, atTarget] = [near.get(edge.source), near.get(edge.target)];
    if (edge.attributes.kind === "citation" || !atSource || !atTarget) continue;
    const list = atSource.get(edge.target);
    if (list) {
      list.push(edge);
      continue;
    }
    // Made holding its first edge: V8 gives an empty array that is pushed to room for 17, and
    // most pairs have one edge (at a million triples the index took 114 MB made empty, 53 MB so).
    const first = [edge];
    lists.push(first);
    atSource.set(edge.target, first);
    atTarget.set(edge.source, first);
  }
  const start = (edge: ModelEdge) => time.edgeSpan(edge)?.start ?? Infinity;
  for (const list of lists) {
    if (list.length > 1) list.sort((a, b) => start(a) - start(b) || compareStrings(a.key, b.key));
  }
  const adjacency = new Map<string, Links>();
  for (const [u, links] of near) {
    const neighbours = [...links.keys()].sort(compareStrings);
    adjacency.set(u, { neighbours, edges: neighbours.map((v) => links.get(v)!) });
  }
  return { adjacency, span: (edge) => time.edgeSpan(edge) };
});

/**
 * All shortest node paths from `from` to `to`, at most `max`, by a bidirectional BFS: the smaller
 * frontier grows a layer at a time until it touches the other search's visited set. Then every
 * shortest path runs through that meeting layer, and the paths are walked back from `to`,
 * smallest keys first, as a one-sided search would list them.
 */
function shortestPaths(index: PathIndex, from: string, to: string, max: number, usable?: (e: ModelEdge) => boolean): string[][] {
  const neighbours = (u: string): string[] => {
    const links = index.adjacency.get(u) ?? NO_LINKS;
    return usable ? links.neighbours.filter((_, i) => links.edges[i]!.some(usable)) : links.neighbours;
  };
  const df = new Map<string, number>([[from, 0]]);
  const db = new Map<string, number>([[to, 0]]);
  const backLayers: string[][] = [[to]];
  let forward = [from];
  let backward = [to];
  let met = false;
  while (forward.length > 0 && backward.length > 0 && !met) {
    const growForward = forward.length <= backward.length;
    const [frontier, depth, other] = growForward ? [forward, df, db] : [backward, db, df];
    const next: string[] = [];
    for (const u of frontier) {
      const d = depth.get(u)! + 1;
      for (const v of neighbours(u)) {
        if (depth.has(v)) continue;
        depth.set(v, d);
        next.push(v);
        if (other.has(v)) met = true;
      }
    }
    if (growForward) forward = next;
    else {
      backward = next;
      backLayers.push(next);
    }
  }
  if (!met) return [];

  // The meeting layer: the nodes at the forward depth kf that the backward search reached at kb.
  const kf = df.get(forward[0]!)!;
  const kb = backLayers.length - 1;
  // On the backward side, a node is on a shortest path when it leads (away from `to`) to the layer.
  const good = new Set<string>(backLayers[kb]!.filter((v) => df.get(v) === kf));
  for (let j = kb - 1; j >= 0; j--) {
    for (const v of backLayers[j]!) if (neighbours(v).some((w) => db.get(w) === j + 1 && good.has(w))) good.add(v);
  }
  const predecessors = (x: string): string[] => {
    const j = db.get(x);
    if (j !== undefined && j < kb) return neighbours(x).filter((w) => db.get(w) === j + 1 && good.has(w));
    const i = df.get(x)!;
    return neighbours(x).filter((w) => df.get(w) === i - 1);
  };
  const result: string[][] = [];
  const walk = (node: string, suffix: string[]) => {
    if (result.length >= max) return;
    if (node === from) {
      result.push([from, ...suffix]);
      return;
    }
    for (const previous of predecessors(node)) walk(previous, [node, ...suffix]);
  };
  walk(to, []);
  return result;
}

/**
 * One state of the time-respecting search: at `node` after `steps` steps; forward, `t` is the
 * start of the last step taken (the next must start no earlier); backward, the start of the
 * first step after `node` (the one before must start no later).
 */
interface TimeState {
  node: string;
  t: number;
  steps: number;
  prev?: TimeState;
  edge?: ModelEdge;
}

type Step = { u: string; v: string; edge: ModelEdge };

function nodesOf(state: TimeState): Set<string> {
  const nodes = new Set<string>();
  for (let s: TimeState | undefined = state; s; s = s.prev) nodes.add(s.node);
  return nodes;
}

/**
 * Time-respecting paths with the fewest steps (up to `max`), each step starting no earlier than
 * the last: a search from each end, the smaller frontier grown a layer at a time, a state kept
 * only when it reaches its node with a better time than every state before it (forward: an
 * earlier last start; backward: a later first start). It stops at the first layer where a
 * forward and a backward state meet at a node in time order.
 */
function timePaths(index: PathIndex, from: string, to: string, max: number, usable: (e: ModelEdge) => boolean): Step[][] {
  const startOf = (e: ModelEdge) => (usable(e) ? index.span(e)?.start : undefined);
  // Every state kept, per node and side (few: each improves on the last).
  const kept = [new Map<string, TimeState[]>([[from, [{ node: from, t: -Infinity, steps: 0 }]]]), new Map<string, TimeState[]>([[to, [{ node: to, t: Infinity, steps: 0 }]]])] as const;
  const best = [new Map<string, number>([[from, -Infinity]]), new Map<string, number>([[to, Infinity]])] as const;
  const frontiers: [TimeState[], TimeState[]] = [kept[0].get(from)!, kept[1].get(to)!];
  const meetings: [TimeState, TimeState][] = [];
  for (let round = 0; round < MAX_TIME_STEPS && meetings.length === 0 && frontiers[0].length > 0 && frontiers[1].length > 0; round++) {
    const side = frontiers[0].length <= frontiers[1].length ? 0 : 1;
    const reached = new Map<string, TimeState>();
    for (const state of frontiers[side]) {
      const onPath = nodesOf(state);
      const links = index.adjacency.get(state.node) ?? NO_LINKS;
      for (let i = 0; i < links.neighbours.length; i++) {
        const v = links.neighbours[i]!;
        if (onPath.has(v)) continue;
        // Forward: the earliest edge starting no earlier than t; backward: the latest starting no later.
        let edge: ModelEdge | undefined;
        let t = 0;
        for (const e of links.edges[i]!) {
          const start = startOf(e);
          if (start === undefined) continue;
          if (side === 0 ? start >= state.t : start <= state.t) {
            [edge, t] = [e, start];
            if (side === 0) break;
          }
        }
        if (!edge) continue;
        const previous = best[side].get(v);
        if (previous !== undefined && (side === 0 ? t >= previous : t <= previous)) continue;
        const current = reached.get(v);
        if (!current || (side === 0 ? t < current.t : t > current.t)) reached.set(v, { node: v, t, steps: state.steps + 1, prev: state, edge });
      }
    }
    const next: TimeState[] = [];
    for (const [v, state] of reached) {
      best[side].set(v, state.t);
      const list = kept[side].get(v);
      if (list) list.push(state);
      else kept[side].set(v, [state]);
      next.push(state);
      for (const other of kept[1 - side]!.get(v) ?? []) {
        const [f, b] = side === 0 ? [state, other] : [other, state];
        if (f.t <= b.t) meetings.push([f, b]);
      }
    }
    frontiers[side] = next;
  }
  const fewest = Math.min(...meetings.map(([f, b]) => f.steps + b.steps));
  const paths = new Map<string, Step[]>();
  for (const [f, b] of meetings) {
    if (f.steps + b.steps !== fewest) continue;
    const steps: Step[] = [];
    for (let s: TimeState | undefined = f; s?.prev; s = s.prev) steps.unshift({ u: s.prev.node, v: s.node, edge: s.edge! });
    for (let s: TimeState | undefined = b; s?.prev; s = s.prev) steps.push({ u: s.node, v: s.prev.node, edge: s.edge! });
    const nodes = [from, ...steps.map((x) => x.v)];
    if (new Set(nodes).size !== nodes.length) continue;
    paths.set(nodes.join(" "), steps);
  }
  return [...paths].sort(([a], [b]) => compareStrings(a, b)).slice(0, max).map(([, steps]) => steps);
}

/** Among parallel edges, the one with most evidence, then a relation over a plain "other" link. */
function bestEdge(edges: ModelEdge[]): ModelEdge {
  return [...edges].sort(
    (a, b) =>
      b.attributes.evidenceCount - a.attributes.evidenceCount ||
      Number(a.attributes.kind === "other") - Number(b.attributes.kind === "other") ||
      compareStrings(a.key, b.key),
  )[0]!;
}

function nodeText(node: ModelNode): string {
  const { label, kind, startYear, endYear } = node.attributes;
  const years = DATED_KINDS.has(kind) ? yearsText(startYear, endYear) : "";
  return years ? `${label} (${years})` : label;
}
