/**
 * Export dialog
 * =============
 * "Export…" for the current view: the figure (SVG, or PNG at a chosen DPI) drawn by the same
 * renderer as `caspian export` (client/exports), with the positions on screen, and the data files
 * (GEXF, GraphML, nodes/edges CSV, caption). Hidden nodes stay out; the caption states the year
 * range, classes, relations and lens in the URL state. PDF, RDF and BibTeX need the data store:
 * the dialog names the CLI command that writes them.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import { captionText, describeView, type ViewSpec } from "../exports/caption.ts";
import { edgesCsv, nodesCsv } from "../exports/csv.ts";
import { figureFromGraph, yearText, type Figure } from "../exports/figure.ts";
import { toGexf } from "../exports/gexf.ts";
import { toGraphml } from "../exports/graphml.ts";
import { setPngDpi } from "../exports/pngDpi.ts";
import { PRESET_WIDTH_MM, type PresetName, type StyleName } from "../exports/presets.ts";
import { lastYearOf, matchPeriods, renderSmallMultiples } from "../exports/smallMultiples.ts";
import { renderSvgFigure } from "../exports/svgFigure.ts";
import { getTimeline } from "../api/client.ts";
import { isEdgeVisible, isNodeVisible, type FocusState } from "../graph/reducers.ts";
import type { ExplorerGraph } from "../graph/model.ts";
import type { ViewState } from "./context.ts";
import { h } from "./dom.ts";
import "./exportDialog.css";

type Format = "svg" | "png" | "gexf" | "graphml" | "nodes.csv" | "edges.csv" | "caption";

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

/** The SVG drawn on a canvas at widthMm × dpi pixels, then tagged with its DPI. */
async function svgToPngBlob(svg: string, widthMm: number, dpi: number): Promise<Blob> {
  const width = Math.round((widthMm / 25.4) * dpi);
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  await image.decode();
  const height = Math.round((image.naturalHeight / image.naturalWidth) * width);
  const canvas = h("canvas", { width: String(width), height: String(height) });
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  URL.revokeObjectURL(image.src);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas gave no PNG"))), "image/png"));
  return new Blob([setPngDpi(new Uint8Array(await blob.arrayBuffer()), dpi).buffer as ArrayBuffer], { type: "image/png" });
}

/** Adds an "Export…" button after `anchor` and the dialog behind it. */
export function mountExportDialog(anchor: HTMLElement, getGraph: () => Graph | undefined, getState: () => ViewState): () => void {
  const button = h("button", { type: "button", id: "export-open" }, "Export…");
  const format = h("select", { id: "export-format" },
    ...(["svg", "png", "gexf", "graphml", "nodes.csv", "edges.csv", "caption"] as Format[]).map((f) => h("option", { value: f }, f.toUpperCase())));
  const style = h("select", { id: "export-style" },
    h("option", { value: "color" }, "Colour"), h("option", { value: "greyscale" }, "Greyscale"), h("option", { value: "colorblind" }, "Colour-blind-safe"));
  const preset = h("select", { id: "export-preset" },
    h("option", { value: "double" }, "Double column (183 mm)"), h("option", { value: "single" }, "Single column (89 mm)"));
  const dpi = h("input", { id: "export-dpi", type: "number", min: "72", max: "1200", step: "1", value: "300" });
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
    row("Format", format), row("Style", style), row("Width", preset), row("PNG resolution (DPI)", dpi),
    row("Title", title), row("Caption", caption), row("Legend", legend), row("Small multiples (periods)", periods), note, go);
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
    note.textContent = `View: ${describeView(specOf(state))}. PDF, Turtle/N-Triples/JSON-LD and BibTeX: npx caspian export --format pdf|ttl|nt|jsonld|bib ${flags}`.trim();
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
    const options = {
      widthMm, style: style.value as StyleName, title: title.value || undefined, caption: caption.value || undefined,
      legend: legend.checked, period: years, provenance: { query: `explorer view: ${describeView(specOf(state))}`, tool: "caspian (explorer)" },
    };
    const names = periods.value.split(",").map((p) => p.trim()).filter(Boolean);
    // Small multiples keep the screen's layout in every panel; each panel shows its period's years.
    const panels = names.length > 0 ? matchPeriods(names, (await getTimeline()).periods, lastYearOf(figure)) : [];
    const svg = () => (panels.length > 0 ? renderSmallMultiples(figure, panels, { ...options, period: undefined }).svg : renderSvgFigure(figure, options));
    const text = (name: string, body: string, type: string) => download(name, new Blob([body], { type }));
    switch (format.value as Format) {
      case "svg": return text("figure.svg", svg(), "image/svg+xml");
      case "png": return download("figure.png", await svgToPngBlob(svg(), widthMm, Math.max(72, Math.min(1200, Number(dpi.value) || 300))));
      case "gexf": return text("view.gexf", toGexf(figure, { creator: "caspian (explorer)", description: caption.value }), "application/gexf+xml");
      case "graphml": return text("view.graphml", toGraphml(figure), "application/graphml+xml");
      case "nodes.csv": return text("nodes.csv", nodesCsv(figure), "text/csv");
      case "edges.csv": return text("edges.csv", edgesCsv(figure), "text/csv");
      case "caption": return text("caption.txt", `${caption.value}\n`, "text/plain");
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
