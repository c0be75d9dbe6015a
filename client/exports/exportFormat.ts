/**
 * Export format (types and options)
 * =================================
 * What one export format is — `{id, suffix, mediaType, needsStore, render}` — and the options
 * every caller offers (width presets, styles, DPI range, label size, GEXF version), defined once
 * so `caspian export` and the Export dialog cannot drift apart. The formats themselves are listed
 * in exportFormats.ts.
 *
 * A format renders from an ExportInput: the laid-out figure and its options, plus what the caller
 * provides — `raster` (PDF and PNG drawing: pdfkit/resvg in the CLI, canvas in the browser) and,
 * for formats with `needsStore`, `store` (the triples, sources and evidence behind the view, which
 * only the CLI has; the dialog names the CLI command instead).
 */
import type { Quad } from "n3";
import type { ViewSpec } from "./caption.ts";
import type { Bibliography } from "./cslRecords.ts";
import type { Figure, FigureProvenance } from "./figure.ts";
import type { GexfVersion } from "./gexf.ts";
import type { MapData } from "./mapFigure.ts";
import type { PresetName, StyleName } from "./presets.ts";
import { CaspianError } from "../../contract/errors.ts";

/** The options, with their ranges: the CLI validates against them, the dialog builds its controls from them. */
export const EXPORT_OPTIONS = {
  dpi: { min: 36, max: 2400, default: 300 },
  /** Smallest text (labels, legend, caption) in points at the figure's declared width. */
  minTextPt: { min: 5, max: 14, default: 7 },
  preset: { values: ["double", "single"] as readonly PresetName[], default: "double" as PresetName },
  style: { values: ["color", "greyscale", "colorblind"] as readonly StyleName[], default: "color" as StyleName },
  gexfVersion: { values: ["1.3", "1.2draft"] as readonly GexfVersion[], default: "1.3" as GexfVersion },
} as const;

export type { GexfVersion } from "./gexf.ts";

/** Everything about how a figure or file looks, as chosen by flags or dialog controls. */
export interface ExportOptions {
  widthMm: number;
  style: StyleName;
  dpi: number;
  minTextPt: number;
  title?: string;
  /** The caption text (the generated one unless the user wrote one). */
  caption: string;
  /** Print the caption inside the picture (false: `--no-caption`, the paper's \caption has it). */
  captionInFigure: boolean;
  legend: boolean;
  gexfVersion: GexfVersion;
  /** A TrueType font file for PDF and PNG (CLI only). */
  font?: string;
}

/** The triples, works and evidence behind a view: only where the data store is at hand (the CLI). */
export interface ViewStore {
  /** Prefix → namespace, for Turtle and the JSON-LD @context. */
  prefixes: Record<string, string>;
  quads(): Promise<Quad[]>;
  /** The records of the works behind the view (cslRecords.ts), for BibTeX, CSL-JSON and RIS. */
  sources(): Promise<Bibliography>;
  /** Each edge key's evidence lines ("quote" (citation)). */
  edgeEvidence(): Promise<Map<string, string[]>>;
  /** The places and the base map the map figure draws (mapFigure.ts). */
  mapData?(): Promise<MapData>;
}

/** PDF and PNG drawing of the SVG figure, as the platform can do it. */
export interface Raster {
  png(svg: string, options: { widthMm: number; dpi: number; font?: string }): Promise<Uint8Array>;
  pdf(svg: string, options: { title?: string; provenance?: FigureProvenance; font?: string }): Promise<Uint8Array>;
}

export interface ExportInput {
  figure: Figure;
  spec: ViewSpec;
  options: ExportOptions;
  provenance: FigureProvenance;
  /** Data source, view, data hash and tool, as comment lines for text formats. */
  header: string;
  /** The figure (or small multiples) as SVG; memoised, so svg,pdf,png in one run draw it once. */
  svg(): Promise<string>;
  raster: Raster;
  store?: ViewStore;
}

export interface ExportedFile {
  /** File name: the format's stem + suffix ("figure.svg"), or a fixed name ("nodes.csv"). */
  name: string;
  bytes: Uint8Array;
  mediaType: string;
}

export interface ExportFormat {
  id: string;
  /** For menus and usage text. */
  label: string;
  /** Appended to the stem: ".svg", ".caption.txt". */
  suffix: string;
  mediaType: string;
  /** Needs the data store (RDF, sources, evidence): the CLI can, the dialog cannot. */
  needsStore: boolean;
  /** Binary output: never written to a terminal. */
  binary?: boolean;
  /** Which EXPORT_OPTIONS a dialog shows for it besides the figure's look. */
  uses?: readonly ("dpi" | "gexfVersion" | "figure")[];
  render(input: ExportInput): Promise<ExportedFile[]>;
}

const encoder = new TextEncoder();

/** One file named stem + the format's suffix. */
export function fileOf(format: Pick<ExportFormat, "suffix" | "mediaType">, content: string | Uint8Array, stem = "figure"): ExportedFile {
  return { name: `${stem}${format.suffix}`, bytes: typeof content === "string" ? encoder.encode(content) : content, mediaType: format.mediaType };
}

export class UnknownFormatError extends CaspianError {
  readonly code = "UNKNOWN_FORMAT";
  constructor(readonly format: string, known: readonly string[]) {
    super(`unknown format "${format}". Use one of ${known.join(", ")}.`);
    this.name = "UnknownFormatError";
  }
}

export class StoreNeededError extends CaspianError {
  readonly code = "STORE_NEEDED";
  constructor(readonly format: string) {
    super(`format "${format}" needs the data store (RDF, sources or evidence): run it with caspian export.`);
    this.name = "StoreNeededError";
  }
}
