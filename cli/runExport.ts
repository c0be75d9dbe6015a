/**
 * Run an export
 * =============
 * One `caspian export` request → the bytes of each file it writes. The view is built once (one
 * engine start, one layout) and every requested format renders from it through the format
 * registry (client/exports/exportFormats.ts), the same entries the explorer's Export dialog uses;
 * the figure's SVG is drawn once and shared by svg, pdf and png. PDF and PNG are that SVG drawn by
 * pdfkit and resvg. Files are returned, not written, so tests and the benchmark call this
 * in-process; cli/caspian.ts writes them.
 */
import { basename } from "node:path";
import { DATA_SOURCE, captionText, describeView } from "../client/exports/caption.ts";
import { yearText, type FigureProvenance } from "../client/exports/figure.ts";
import type { ExportInput, ExportOptions, Raster, ViewStore } from "../client/exports/exportFormat.ts";
import { exportFormat } from "../client/exports/exportFormats.ts";
import { UnknownPeriodError, lastYearOf, matchPeriods, renderSmallMultiples, type PanelPeriod } from "../client/exports/smallMultiples.ts";
import { renderSvgFigure, type SvgFigureOptions } from "../client/exports/svgFigure.ts";
import { placesMap } from "../server/graph/places.ts";
import { timeline } from "../server/graph/timeline.ts";
import { NS } from "../server/rdf/namespaces.ts";
import type { QueryEngine } from "../server/sparql/engine.ts";
import { TOOL_VERSION, buildView, type BuiltView } from "./buildView.ts";
import { ExportArgsError, type ExportRequest } from "./exportArgs.ts";
import { svgToPdf } from "../client/exports/pdfFigure.ts";
import { figureFonts } from "./fonts.ts";
import { worldLayers } from "./mapExport.ts";
import { svgToPng } from "./pngFigure.ts";
import { viewQuads } from "./rdfOfView.ts";
import { edgeEvidence, viewSources } from "./viewSources.ts";

export interface ExportFile {
  /** File name relative to --out (a directory for several files), or undefined for stdout. */
  name?: string;
  bytes: Buffer;
}

export async function runExport(request: ExportRequest): Promise<ExportFile[]> {
  const view = await buildView(request);
  try {
    return await render(request, view);
  } finally {
    await view.close();
  }
}

function provenanceOf(view: BuiltView): FigureProvenance {
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

const RASTER: Raster = {
  png: async (svg, options) => svgToPng(svg, options),
  pdf: (svg, { font, ...options }) => svgToPdf(svg, { ...options, fonts: figureFonts(font) }),
};

/** The store's side of the view, each read at most once however many formats ask. */
function storeOf(view: BuiltView): ViewStore {
  const once = <T>(read: () => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= read());
  };
  return {
    prefixes: { ...NS },
    quads: once(() => viewQuads(view.dataEngine, view.payload)),
    sources: once(() => viewSources(view.dataEngine, view.payload)),
    edgeEvidence: once(() => edgeEvidence(view.dataEngine, view.payload)),
    mapData: once(async () => ({ places: await placesMap(view.dataEngine), layers: worldLayers() })),
  };
}

async function render(request: ExportRequest, view: BuiltView): Promise<ExportFile[]> {
  const provenance = provenanceOf(view);
  const counts = { nodes: view.figure.nodes.length, edges: view.figure.edges.length };
  const caption = request.caption ?? captionText(view.spec, counts);
  const header = `${DATA_SOURCE}\nView: ${describeView(view.spec)}\nData sha256: ${view.dataHash}\nTool: caspian ${TOOL_VERSION}`;
  const options: ExportOptions = {
    widthMm: request.widthMm, style: request.style, dpi: request.dpi, minTextPt: request.minTextPt, title: request.title, caption,
    captionInFigure: request.captionInFigure, legend: request.legend, gexfVersion: request.gexfVersion, font: request.font,
  };
  let svg: Promise<string> | undefined;
  const drawSvg = async () => {
    const period =
      view.spec.from !== undefined || view.spec.to !== undefined
        ? `${view.spec.from !== undefined ? yearText(view.spec.from) : ""}–${view.spec.to !== undefined ? yearText(view.spec.to) : ""}`
        : undefined;
    const figureOptions: SvgFigureOptions = {
      widthMm: request.widthMm, style: request.style, title: request.title, period, caption: request.captionInFigure ? caption : undefined,
      legend: request.legend, provenance, minTextPt: request.minTextPt, labelKinds: request.labelKinds ?? defaultLabelKinds(request), roles: view.roles,
    };
    if (request.periods && request.periods.length > 0) {
      const periods = await resolvePeriods(view.dataEngine, request.periods, lastYearOf(view.figure));
      // Each panel holds what the server's time rule puts in its window; the layout is the whole view's.
      const panels = await view.panelFigures(periods);
      return renderSmallMultiples(view.figure, periods, { ...figureOptions, period: undefined }, (p) => panels[periods.indexOf(p)]!).svg;
    }
    return renderSvgFigure(view.figure, figureOptions);
  };
  const input: ExportInput = { figure: view.figure, spec: view.spec, options, provenance, header, svg: () => (svg ??= drawSvg()), raster: RASTER, store: storeOf(view) };
  const files: ExportFile[] = [];
  const several = request.formats.length > 1;
  for (const id of request.formats) {
    const written = await exportFormat(id).render(input);
    for (const file of written) {
      const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
      // One format, one file: --out names it. Otherwise the files keep their own names in --out DIR.
      const name = !several && written.length === 1 ? (request.out ? basename(request.out) : undefined) : file.name;
      files.push({ name, bytes });
    }
  }
  return files;
}

/** The classes whose every node must be labelled or keyed: the ones the user asked for (--kind), else
 * none — the whole graph's hundreds of nodes would make a key longer than the figure. */
function defaultLabelKinds(request: ExportRequest): NonNullable<ExportRequest["labelKinds"]> {
  return request.kinds ?? [];
}
