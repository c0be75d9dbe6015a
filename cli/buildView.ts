/**
 * Build the view
 * ==============
 * The CLI's side of an export: loads the data (embedded and/or --data files) into the embedded
 * engine in-process (no HTTP), builds the view — from the flags through server/graph's graphView,
 * or from the triples of a CONSTRUCT query loaded beside the ontology — applies the lens, and
 * lays it out as the explorer does. Also computes the data's content hash for the metadata.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { GraphPayload } from "../contract/api.ts";
import { DEFAULT_SOURCES, loadDatasets } from "../server/rdf/loadDatasets.ts";
import { EmbeddedEngine } from "../server/sparql/embeddedEngine.ts";
import { attachViews } from "../server/graph/viewState.ts";
import { analyzeQuery } from "../server/sparql/analyzeQuery.ts";
import { graphView } from "../server/graph/graphView.ts";
import { thirdParties } from "../server/graph/thirdParties.ts";
import { NS } from "../server/rdf/namespaces.ts";
import { lensHighlight } from "../client/graph/lensHighlight.ts";
import { layoutForFigure } from "../client/exports/layoutForFigure.ts";
import { buildGraph } from "../client/graph/model.ts";
import { figureFromGraph, type Figure } from "../client/exports/figure.ts";
import type { ViewSpec } from "../client/exports/caption.ts";
import { lensRoleLines } from "../client/exports/lensLabels.ts";
import { ExportArgsError, type ExportRequest } from "./exportArgs.ts";
import { CaspianError } from "../contract/errors.ts";

export const TOOL_VERSION = (JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

export interface BuiltView {
  /** The engine the view's graph was read from (the CONSTRUCT's triples in --query mode). */
  engine: EmbeddedEngine;
  /** The engine with the whole data: evidence, sources and the RDF behind the view come from it. */
  dataEngine: EmbeddedEngine;
  payload: GraphPayload;
  figure: Figure;
  spec: ViewSpec;
  dataHash: string;
  /** The CONSTRUCT text, or the flags in words. */
  queryText?: string;
  /** Under --lens: each third party's roles, printed under its name. */
  roles?: Map<string, string[]>;
  /** The view in each period's window by the server's time rule (server/graph/timeWindow.ts), for
   * small multiples: the nodes and edges graphView keeps in that window, positions from `figure`. */
  panelFigures(periods: readonly { from: number; to: number }[]): Promise<Figure[]>;
  close(): Promise<void>;
}

export class ExportQueryError extends CaspianError {
  readonly code = "BAD_QUERY";
  constructor(message: string) {
    super(message);
    this.name = "ExportQueryError";
  }
}

/** sha256 of the data's N-Quads lines, sorted and deduplicated, so file order does not matter.
 * Blank node labels are blanked first: the parser numbers them per process, not per data. */
export function contentHash(chunks: readonly string[]): string {
  const lines = new Set<string>();
  for (const chunk of chunks) for (const line of chunk.split("\n")) if (line.trim()) lines.add(line.trim().replace(/_:[^\s]+/g, "_:"));
  const hash = createHash("sha256");
  for (const line of [...lines].sort()) hash.update(line + "\n");
  return hash.digest("hex");
}

const ENGINE_OPTIONS = { workers: 1, deadlineMs: 120_000, rowCap: 10_000_000, spare: false };

export async function buildView(request: ExportRequest): Promise<BuiltView> {
  const sources = [...(request.defaultData ? DEFAULT_SOURCES : []), ...request.data];
  if (sources.length === 0) throw new ExportArgsError("--no-default-data without --data leaves nothing to export: give --data FILE.");
  const datasets = await loadDatasets(sources);
  const dataHash = contentHash(datasets.chunks);
  const closers: EmbeddedEngine[] = [];
  const close = async () => {
    await Promise.all(closers.map((e) => e.close()));
  };
  try {
    const dataEngine = await EmbeddedEngine.start({ chunks: datasets.chunks, ...ENGINE_OPTIONS });
    closers.push(dataEngine);
    attachViews(dataEngine, { profile: request.profile });
    let engine = dataEngine;
    let queryText: string | undefined;
    if (request.query) {
      queryText = await readFile(request.query, "utf8").catch(() => {
        throw new ExportArgsError(`--query ${request.query}: no such file.`);
      });
      let form: string;
      try {
        form = analyzeQuery(queryText).form;
      } catch (error) {
        throw new ExportQueryError(`${request.query}: ${(error as Error).message}`);
      }
      if (form !== "CONSTRUCT") throw new ExportQueryError(`${request.query}: a ${form} query; --query needs a CONSTRUCT whose triples make the view.`);
      const answer = await engine.serialize(queryText, "CONSTRUCT", "application/n-triples");
      // The view's graph: the constructed triples with the ontology beside them for the classes.
      const ontology = await loadDatasets([DEFAULT_SOURCES[0]!]);
      engine = await EmbeddedEngine.start({ chunks: [...ontology.chunks, answer.body], ...ENGINE_OPTIONS });
      closers.push(engine);
      attachViews(engine, { profile: request.profile });
    }
    let roles: Map<string, string[]> | undefined;
    let payload = await graphView(engine, { from: request.from, to: request.to, kinds: request.kinds, relations: request.relations, maxNodes: 50_000 });
    const spec: ViewSpec = {
      from: request.from,
      to: request.to,
      kinds: request.kinds,
      relations: request.relations,
      ...(queryText !== undefined ? { query: queryText } : {}),
      ...(request.periods ? { periods: request.periods } : {}),
    };
    if (request.lens) {
      const [a, b] = request.lens.split("-").map((part) => `${NS.cd}${part[0]!.toUpperCase()}${part.slice(1)}`) as [string, string];
      if (!payload.nodes.some((n) => n.key === a) || !payload.nodes.some((n) => n.key === b)) {
        throw new ExportArgsError(`--lens ${request.lens}: the view has no node <${a}> or <${b}>. Name two actors of the data, like iran-russia.`);
      }
      const analysis = await thirdParties(engine, [a, b]);
      const highlight = lensHighlight(buildGraph(payload), analysis);
      payload = restrict(payload, new Set(highlight.nodes));
      spec.lens = [analysis.dyad[0].label, analysis.dyad[1].label];
      roles = lensRoleLines(analysis);
    }
    const figure = figureFromGraph(layoutForFigure(payload));
    const panelFigures = (periods: readonly { from: number; to: number }[]) =>
      Promise.all(
        periods.map(async ({ from, to }) => {
          const panel = await graphView(engine, { from, to, kinds: request.kinds, relations: request.relations, maxNodes: 50_000 });
          const nodes = new Set(panel.nodes.map((n) => n.key));
          const edges = new Set(panel.edges.map((e) => e.key));
          return { nodes: figure.nodes.filter((n) => nodes.has(n.key)), edges: figure.edges.filter((e) => edges.has(e.key) && nodes.has(e.source) && nodes.has(e.target)) };
        }),
      );
    return { engine, dataEngine, payload, figure, spec, dataHash, queryText, roles, panelFigures, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The lens's nodes (the dyad and its third parties) with every edge among them. */
function restrict(payload: GraphPayload, nodes: Set<string>): GraphPayload {
  const kept = payload.nodes.filter((n) => nodes.has(n.key));
  const keptEdges = payload.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target));
  return { ...payload, attributes: { totalNodes: kept.length, totalEdges: keptEdges.length }, nodes: kept, edges: keptEdges };
}
