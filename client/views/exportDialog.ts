/**
 * Export dialog
 * =============
 * "Export…" for the current view: every format of the export registry (client/exports/
 * exportFormats.ts) that needs no data store — SVG, PDF, PNG at a chosen DPI, GEXF 1.3/1.2draft,
 * GraphML, nodes/edges CSV, the caption as text and as LaTeX — drawn by the same renderer as
 * `caspian export`, with the positions on screen. Hidden nodes stay out; the caption states the
 * year range, classes, relations and lens in the URL state. The options and their ranges come
 * from EXPORT_OPTIONS, the CLI's own. Formats that need the store (RDF, BibTeX) are named in the
 * note with the CLI command that writes them.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import { captionText, describeView, type ViewSpec } from "../exports/caption.ts";
import { EXPORT_OPTIONS, type ExportInput, type ExportOptions } from "../exports/exportFormat.ts";
import { EXPORT_FORMATS, exportFormat } from "../exports/exportFormats.ts";
import { figureFromGraph, yearText, type Figure } from "../exports/figure.ts";
import type { GexfVersion } from "../exports/gexf.ts";
import { PRESET_WIDTH_MM, type PresetName, type StyleName } from "../exports/presets.ts";
import { lastYearOf, matchPeriods, renderSmallMultiples } from "../exports/smallMultiples.ts";
import { renderSvgFigure } from "../exports/svgFigure.ts";
import { getTimeline } from "../api/client.ts";
import { isEdgeVisible, isNodeVisible, type FocusState } from "../graph/reducers.ts";
import type { ExplorerGraph } from "../graph/model.ts";
import type { ViewState } from "./context.ts";
import { h } from "./dom.ts";
import "./exportDialog.css";

const STYLE_LABEL: Record<StyleName, string> = { color: "Colour", greyscale: "Greyscale", colorblind: "Colour-blind-safe" };
const PRESET_LABEL: Record<PresetName, string> = { double: "Double column (183 mm)", single: "Single column (89 mm)" };

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What the screen shows: the explorer's own visibility rules (hidden nodes, classes, relations, years). */
export function visibleFigure(graph: Graph, state: ViewState): Figure {
  const focus: FocusState = {
    kinds: state.kinds ? new Set(state.kinds) : undefined,
    relations: state.relations ? new Set(state.relations) : undefined,
    hidden: new Set(state.hidden ?? []),
    from: state.from,
    to: state.to,
    dimColor: "#cccccc",
  };
  const g = graph as unknown as ExplorerGraph;
  const figure = figureFromGraph(graph);
  const nodes = figure.nodes.filter((n) => isNodeVisible(n.key, g.getNodeAttributes(n.key), focus));
  const edges = figure.edges.filter((e) => isEdgeVisible(g, e.key, g.getEdgeAttributes(e.key), focus));
  return { nodes, edges };
}

function specOf(state: ViewState): ViewSpec {
  const short = (iri: string) => decodeURIComponent(iri.replace(/^.*[/#]/, ""));
  return {
    from: state.from,
    to: state.to,
    kinds: state.kinds,
    relations: state.relations,
    ...(state.lens ? { lens: [short(state.lens.a), short(state.lens.b)] as [string, string] } : {}),
  };
}

/** Adds an "Export…" button after `anchor` and the dialog behind it. */
export function mountExportDialog(anchor: HTMLElement, getGraph: () => Graph | undefined, getState: () => ViewState): () => void {
  const button = h("button", { type: "button", id: "export-open" }, "Export…");
  const offered = EXPORT_FORMATS.filter((f) => !f.needsStore);
  const format = h("select", { id: "export-format" }, ...offered.map((f) => h("option", { value: f.id }, `${f.id.toUpperCase()} — ${f.label}`)));
  const style = h("select", { id: "export-style" }, ...EXPORT_OPTIONS.style.values.map((v) => h("option", { value: v }, STYLE_LABEL[v])));
  const preset = h("select", { id: "export-preset" }, ...EXPORT_OPTIONS.preset.values.map((v) => h("option", { value: v }, PRESET_LABEL[v])));
  const { min, max } = EXPORT_OPTIONS.dpi;
  const dpi = h("input", { id: "export-dpi", type: "number", min: String(min), max: String(max), step: "1", value: String(EXPORT_OPTIONS.dpi.default) });
  const gexfVersion = h("select", { id: "export-gexf-version" }, ...EXPORT_OPTIONS.gexfVersion.values.map((v) => h("option", { value: v }, `GEXF ${v}`)));
  const captionInFigure = h("input", { id: "export-caption-in-figure", type: "checkbox", checked: "" });
  const title = h("input", { id: "export-title", type: "text" });
  const caption = h("textarea", { id: "export-caption", rows: "3" });
  const legend = h("input", { id: "export-legend", type: "checkbox", checked: "" });
  const periods = h("input", { id: "export-periods", type: "text", placeholder: "e.g. Safavid, Qajar, Pahlavi, post-Soviet" });
  const note = h("p", { class: "export-note" });
  const go = h("button", { type: "button", id: "export-go" }, "Download");
  const close = h("button", { type: "button", class: "close", "aria-label": "Close" }, "Close");
  const row = (label: string, control: HTMLElement) => h("label", { class: "export-row" }, h("span", {}, label), control);
  const dialog = h("dialog", { id: "export-dialog", "aria-labelledby": "export-heading" },
    h("div", { class: "dialog-head" }, h("h2", { id: "export-heading" }, "Export the current view"), close),
    row("Format", format), row("Style", style), row("Width", preset), row("PNG resolution (DPI)", dpi), row("GEXF version", gexfVersion),
    row("Title", title), row("Caption", caption), row("Caption in the picture", captionInFigure), row("Legend", legend),
    row("Small multiples (periods)", periods), note, go);
  anchor.after(button);
  document.body.append(dialog);

  const refresh = () => {
    const graph = getGraph();
    const state = getState();
    const shown = graph ? visibleFigure(graph, state) : { nodes: [], edges: [] };
    const counts = { nodes: shown.nodes.length, edges: shown.edges.length };
    if (!caption.value) caption.value = captionText(specOf(state), counts);
    const flags = [
      state.from !== undefined ? `--from ${state.from}` : "", state.to !== undefined ? `--to ${state.to}` : "",
      state.kinds?.length ? `--kind ${state.kinds.join(",")}` : "", state.relations?.length ? `--relation ${state.relations.join(",")}` : "",
    ].filter(Boolean).join(" ");
    const cliOnly = EXPORT_FORMATS.filter((f) => f.needsStore).map((f) => f.id);
    note.textContent = `View: ${describeView(specOf(state))}. ${cliOnly.join(", ")} need the data store: npx caspian export --format ${cliOnly.join(",")} --out DIR ${flags}`.trim();
  };
  const onOpen = () => {
    caption.value = "";
    refresh();
    dialog.showModal();
  };
  const onGo = async () => {
    const graph = getGraph();
    if (!graph) return;
    const state = getState();
    const figure = visibleFigure(graph, state);
    const widthMm = PRESET_WIDTH_MM[preset.value as PresetName];
    const years = state.from !== undefined || state.to !== undefined
      ? `${state.from !== undefined ? yearText(state.from) : ""}–${state.to !== undefined ? yearText(state.to) : ""}` : undefined;
    const spec = specOf(state);
    const captionValue = caption.value || captionText(spec, { nodes: figure.nodes.length, edges: figure.edges.length });
    const provenance = { query: `explorer view: ${describeView(spec)}`, tool: "caspian (explorer)" };
    const options: ExportOptions = {
      widthMm, style: style.value as StyleName, dpi: Math.max(min, Math.min(max, Number(dpi.value) || EXPORT_OPTIONS.dpi.default)),
      minTextPt: EXPORT_OPTIONS.minTextPt.default, title: title.value || undefined, caption: captionValue, captionInFigure: captionInFigure.checked,
      legend: legend.checked, gexfVersion: gexfVersion.value as GexfVersion,
    };
    const figureOptions = {
      widthMm, style: options.style, title: options.title, caption: options.captionInFigure ? captionValue : undefined, legend: options.legend,
      period: years, provenance, labelKinds: state.kinds ?? [],
    };
    const names = periods.value.split(",").map((p) => p.trim()).filter(Boolean);
    // Small multiples keep the screen's layout in every panel; each panel shows its period's years.
    const panels = names.length > 0 ? matchPeriods(names, (await getTimeline()).periods, lastYearOf(figure)) : [];
    const { BROWSER_RASTER } = await import("../exports/browserRaster.ts");
    let svg: string | undefined;
    const input: ExportInput = {
      figure, spec, options, provenance, header: describeView(spec), raster: BROWSER_RASTER,
      svg: async () => (svg ??= panels.length > 0 ? renderSmallMultiples(figure, panels, { ...figureOptions, period: undefined }).svg : renderSvgFigure(figure, figureOptions)),
    };
    const chosen = exportFormat(format.value);
    for (const file of await chosen.render(input)) {
      const bytes = file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer;
      download(file.name, new Blob([bytes], { type: file.mediaType }));
    }
  };
  const onGoClick = () => {
    onGo().catch((error: unknown) => {
      note.textContent = `Export failed: ${(error as Error).message}`;
    });
  };
  button.addEventListener("click", onOpen);
  go.addEventListener("click", onGoClick);
  close.addEventListener("click", () => dialog.close());
  return () => {
    button.remove();
    dialog.remove();
  };
}
