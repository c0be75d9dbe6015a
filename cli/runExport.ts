/**
 * Run an export
 * =============
 * One `caspian export` request → the bytes of each file it writes. Figures go through the same
 * renderer the explorer's Export dialog uses (client/exports); PDF and PNG are that SVG drawn
 * by pdfkit and resvg. Files are returned, not written, so tests and the benchmark call this
 * in-process; cli/caspian.ts writes them.
 */
import { basename } from "node:path";
import { toBibtex } from "../client/exports/bibtex.ts";
import { DATA_SOURCE, captionText, describeView } from "../client/exports/caption.ts";
import { edgesCsv, nodesCsv } from "../client/exports/csv.ts";
import { yearText, type FigureProvenance } from "../client/exports/figure.ts";
import { toGexf } from "../client/exports/gexf.ts";
import { toGraphml } from "../client/exports/graphml.ts";
import { UnknownPeriodError, lastYearOf, matchPeriods, renderSmallMultiples, type PanelPeriod } from "../client/exports/smallMultiples.ts";
import { renderSvgFigure, type SvgFigureOptions } from "../client/exports/svgFigure.ts";
import { timeline } from "../server/graph/timeline.ts";
import type { QueryEngine } from "../server/sparql/engine.ts";
import { TOOL_VERSION, buildView, type BuiltView } from "./buildView.ts";
import { ExportArgsError, type ExportRequest } from "./exportArgs.ts";
import { svgToPdf } from "./pdfFigure.ts";
import { svgToPng } from "./pngFigure.ts";
import { toJsonLd, toNTriples, toTurtle, viewQuads } from "./rdfOfView.ts";
import { edgeEvidence, viewSources } from "./viewSources.ts";

export interface ExportFile {
  /** File name relative to --out (a directory for csv), or undefined for stdout. */
  name?: string;
  bytes: Buffer;
}

const SUFFIX: Record<string, string> = { svg: ".svg", pdf: ".pdf", png: ".png", gexf: ".gexf", graphml: ".graphml", ttl: ".ttl", nt: ".nt", jsonld: ".jsonld", bib: ".bib", caption: ".txt" };

export async function runExport(request: ExportRequest): Promise<ExportFile[]> {
  const view = await buildView(request);
  try {
    return await render(request, view);
  } finally {
    await view.close();
  }
}

function provenanceOf(request: ExportRequest, view: BuiltView): FigureProvenance {
  const query = view.queryText !== undefined ? view.queryText.trim() : `caspian export: ${describeView(view.spec)}`;
  return { query, dataHash: view.dataHash, tool: `caspian ${TOOL_VERSION}` };
}

/** --periods names resolved against the data's periods (see matchPeriods). */
export async function resolvePeriods(engine: QueryEngine, names: string[], lastYear: number): Promise<PanelPeriod[]> {
  const { periods } = await timeline(engine);
  try {
    return matchPeriods(names, periods, lastYear);
  } catch (error) {
    if (error instanceof UnknownPeriodError) throw new ExportArgsError(`--periods: ${error.message}`);
    throw error;
  }
}

async function render(request: ExportRequest, view: BuiltView): Promise<ExportFile[]> {
  const provenance = provenanceOf(request, view);
  const counts = { nodes: view.figure.nodes.length, edges: view.figure.edges.length };
  const caption = request.caption ?? captionText(view.spec, counts);
  const header = `${DATA_SOURCE}\nView: ${describeView(view.spec)}\nData sha256: ${view.dataHash}\nTool: caspian ${TOOL_VERSION}`;
  const one = (text: string | Buffer): ExportFile[] => [
    { name: request.out ? basename(request.out) : undefined, bytes: typeof text === "string" ? Buffer.from(text, "utf8") : text },
  ];
  const svg = async () => {
    const period =
      view.spec.from !== undefined || view.spec.to !== undefined
        ? `${view.spec.from !== undefined ? yearText(view.spec.from) : ""}–${view.spec.to !== undefined ? yearText(view.spec.to) : ""}`
        : undefined;
    const options: SvgFigureOptions = { widthMm: request.widthMm, style: request.style, title: request.title, period, caption, legend: request.legend, provenance };
    if (request.periods && request.periods.length > 0) {
      const periods = await resolvePeriods(view.dataEngine, request.periods, lastYearOf(view.figure));
      return renderSmallMultiples(view.figure, periods, { ...options, period: undefined }).svg;
    }
    return renderSvgFigure(view.figure, options);
  };
  switch (request.format) {
    case "svg":
      return one(await svg());
    case "pdf":
      return one(await svgToPdf(await svg(), { title: request.title, provenance, font: request.font }));
    case "png":
      return one(svgToPng(await svg(), { widthMm: request.widthMm, dpi: request.dpi, font: request.font }));
    case "gexf":
      return one(toGexf(view.figure, { creator: provenance.tool, description: `${caption}\n${header}` }));
    case "graphml":
      return one(toGraphml(view.figure));
    case "csv": {
      const evidence = await edgeEvidence(view.dataEngine, view.payload);
      return [
        { name: "nodes.csv", bytes: Buffer.from(nodesCsv(view.figure), "utf8") },
        { name: "edges.csv", bytes: Buffer.from(edgesCsv(view.figure, evidence), "utf8") },
      ];
    }
    case "ttl":
      return one(await toTurtle(await viewQuads(view.dataEngine, view.payload), header));
    case "nt":
      return one(toNTriples(await viewQuads(view.dataEngine, view.payload)));
    case "jsonld":
      return one(toJsonLd(await viewQuads(view.dataEngine, view.payload)));
    case "bib":
      return one(toBibtex(await viewSources(view.dataEngine, view.payload), header));
    case "caption":
      return one(`${caption}\n`);
  }
}

export function defaultFileName(request: ExportRequest): string {
  return `figure${SUFFIX[request.format] ?? ""}`;
}
