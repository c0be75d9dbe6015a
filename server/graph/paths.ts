/**
 * Paths between two entities
 * ==========================
 * All shortest paths (up to `max`) between two drawn entities over the graph model, treated as
 * undirected, as readable steps: "Russia — party to — Treaty of Turkmenchay (1828)", each with
 * the evidence of the edge's n-ary node (relationship state, third-party role, provision) or of
 * the event, treaty or threat it touches. Cited works are left out: two claims citing one book
 * are not connected by it.
 */
import { UndirectedGraph } from "graphology";
import { brandes } from "graphology-shortest-path/unweighted.js";
import type { Evidence, PathStep, PathsResult, Ref } from "../../contract/api.ts";
import type { QueryEngine } from "../sparql/engine.ts";
import { NotFoundError } from "./errors.ts";
import { evidenceFor } from "./evidence.ts";
import { readGraphModel, type ModelEdge, type ModelNode } from "./graphModel.ts";
import { yearsText } from "./labels.ts";
import { perEngine } from "./perEngine.ts";
import { schemaIndex } from "./schemaIndex.ts";
import { compareStrings } from "./sparqlText.ts";

export const DEFAULT_PATHS = 5;
export const MAX_PATHS = 20;

const DATED_KINDS = new Set(["event", "treaty", "threat", "period"]);

export async function paths(engine: QueryEngine, from: string, to: string, max = DEFAULT_PATHS): Promise<PathsResult> {
  const [model, schema] = await Promise.all([readGraphModel(engine), schemaIndex(engine)]);
  for (const [iri, end] of [[from, "from"], [to, "to"]] as const) {
    const node = model.nodes.get(iri);
    if (!node || node.attributes.kind === "source") {
      throw new NotFoundError(`${end}: <${iri}> is not an entity of the graph (an actor, place, period, event, treaty or threat).`);
    }
  }

  const { graph, between } = await pathIndex(engine);
  const nodePaths = from === to ? [[from]] : shortestPaths(graph, from, to, max);
  const chosen = nodePaths.map((nodes) =>
    nodes.slice(1).map((v, i) => {
      const u = nodes[i]!;
      return { u, v, edge: bestEdge(between.get(pairKey(u, v))!) };
    }),
  );
  const claims = new Set<string>();
  for (const steps of chosen) for (const { edge } of steps) for (const claim of edge.claims) claims.add(claim);
  const evidence = await evidenceFor(engine, claims);

  const ref = (iri: string): Ref => ({ iri, label: model.nodes.get(iri)!.attributes.label });
  return {
    from: ref(from),
    to: ref(to),
    paths: nodePaths.map((nodes, p) => ({
      nodes: nodes.map(ref),
      steps: chosen[p]!.map(({ u, v, edge }): PathStep => {
        const phrase = edge.source === u ? edge.phrase : edge.inversePhrase;
        const seen = new Set<string>();
        const stepEvidence: Evidence[] = [];
        for (const claim of edge.claims) {
          for (const e of evidence.get(claim) ?? []) if (!seen.has(e.iri) && seen.add(e.iri)) stepEvidence.push(e);
        }
        return {
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

const pairKey = (u: string, v: string) => (u < v ? `${u} ${v}` : `${v} ${u}`);

/** The graph paths walk: entities only (no cited works, no citation edges), undirected and
 * simple, with the parallel model edges behind each pair. Built once per engine. */
const pathIndex = perEngine(async (engine) => {
  const model = await readGraphModel(engine);
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  const between = new Map<string, ModelEdge[]>();
  for (const key of [...model.nodes.keys()].sort(compareStrings)) {
    if (model.nodes.get(key)!.attributes.kind !== "source") graph.addNode(key);
  }
  for (const edge of model.edges) {
    if (edge.attributes.kind === "citation" || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.mergeEdge(edge.source, edge.target);
    const pair = pairKey(edge.source, edge.target);
    between.set(pair, [...(between.get(pair) ?? []), edge]);
  }
  return { graph, between };
});

/** All shortest node paths from `from` to `to`, at most `max`, in a stable order. */
function shortestPaths(graph: UndirectedGraph, from: string, to: string, max: number): string[][] {
  const [, predecessors] = brandes(graph, from);
  if (!predecessors[to] || predecessors[to]!.length === 0) return [];
  const result: string[][] = [];
  // Walk back from `to` along the shortest-path predecessors, smallest keys first.
  const walk = (node: string, suffix: string[]) => {
    if (result.length >= max) return;
    if (node === from) {
      result.push([from, ...suffix]);
      return;
    }
    for (const previous of [...predecessors[node]!].sort(compareStrings)) walk(previous, [node, ...suffix]);
  };
  walk(to, []);
  return result;
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
