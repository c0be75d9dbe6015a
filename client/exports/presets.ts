/**
 * Print presets
 * =============
 * The looks a figure can take (colour, greyscale, colour-blind-safe) and the widths journals
 * ask for (single column 89 mm, double column 183 mm). Colour is the explorer's own palette,
 * already Okabe–Ito, with three edge colours changed for print: "Party to treaty" is a dark grey,
 * not the Actor blue, and the Place, Role and Other greys are far enough apart in lightness to
 * tell on paper. The colour-blind-safe and greyscale presets add a second channel — a shape per
 * node kind and a dash pattern per relation kind, every pattern different — so no class is told
 * by hue or grey alone; the colour preset dashes the grey relations too, for the same reason.
 */
import type { NodeKind, RelationKind } from "../../contract/api.ts";
import { NODE_COLOR, RELATION_STYLE } from "../graph/palette.ts";
import { CaspianError } from "../../contract/errors.ts";

export type StyleName = "color" | "greyscale" | "colorblind";

export type PresetName = "single" | "double";
/** Column widths in millimetres. */
export const PRESET_WIDTH_MM: Record<PresetName, number> = { single: 89, double: 183 };

export type Shape = "circle" | "square" | "diamond" | "triangle" | "triangleDown" | "hexagon" | "pentagon";

export interface FigureStyle {
  name: StyleName;
  nodeFill(kind: NodeKind): string;
  nodeShape(kind: NodeKind): Shape;
  edgeColor(kind: RelationKind): string;
  /** SVG stroke-dasharray in units of the stroke width, or undefined for solid. */
  edgeDash(kind: RelationKind): number[] | undefined;
}

const SHAPES: Record<NodeKind, Shape> = {
  actor: "circle",
  treaty: "square",
  event: "diamond",
  threat: "triangle",
  place: "triangleDown",
  period: "hexagon",
  source: "pentagon",
  other: "circle",
};

/** One pattern per relation kind (in stroke widths); alliance and party-to-treaty are the solid ones
 * but differ in colour/grey (dark vs mid), so no two kinds share both. */
export const DASHES: Partial<Record<RelationKind, number[]>> = {
  rivalry: [6, 3],
  threat: [2, 2],
  war: [8, 2, 2, 2],
  thirdParty: [4, 2, 1, 2],
  role: [1, 2],
  place: [5, 1.5, 1, 1.5, 1, 1.5],
  time: [3, 3],
  citation: [1, 3],
  other: [10, 3],
};

/** Relation colours for print where the screen palette is too close (see the header). */
const PRINT_EDGE_COLOR: Partial<Record<RelationKind, string>> = {
  treatyParty: "#4d4d4d",
  role: "#8c8c8c",
  place: "#c4c4c4",
  other: "#6e6e6e",
};

/** The grey relations: dashed in every style, since grey alone does not tell them apart. */
const GREY_KINDS: readonly RelationKind[] = ["role", "place", "time", "citation", "other"];

/** Greyscale: conflict and alliance relations dark, structural ones light; the dash pattern does the rest. */
const GREYSCALE_EDGE: Partial<Record<RelationKind, string>> = {
  alliance: "#606060",
  treatyParty: "#303030",
  place: "#b0b0b0",
  time: "#a0a0a0",
  citation: "#a8a8a8",
  other: "#909090",
  role: "#808080",
};

/** Luminance grey (Rec. 709) of a #rrggbb colour, as #gggggg. */
export function toGrey(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((c) => parseInt(c, 16));
  const y = Math.round(0.2126 * r! + 0.7152 * g! + 0.0722 * b!);
  const h = y.toString(16).padStart(2, "0");
  return `#${h}${h}${h}`;
}

export function figureStyle(name: StyleName): FigureStyle {
  const nodeColor = (kind: NodeKind) => NODE_COLOR[kind] ?? NODE_COLOR.other;
  const edgeColor = (kind: RelationKind) => PRINT_EDGE_COLOR[kind] ?? (RELATION_STYLE[kind] ?? RELATION_STYLE.other).color;
  if (name === "color") {
    return { name, nodeFill: nodeColor, nodeShape: () => "circle", edgeColor, edgeDash: (kind) => (GREY_KINDS.includes(kind) ? DASHES[kind] : undefined) };
  }
  if (name === "greyscale") {
    return {
      name,
      nodeFill: (kind) => toGrey(nodeColor(kind)),
      nodeShape: (kind) => SHAPES[kind] ?? "circle",
      edgeColor: (kind) => GREYSCALE_EDGE[kind] ?? "#404040",
      edgeDash: (kind) => DASHES[kind],
    };
  }
  return { name, nodeFill: nodeColor, nodeShape: (kind) => SHAPES[kind] ?? "circle", edgeColor, edgeDash: (kind) => DASHES[kind] };
}

export class LengthError extends CaspianError {
  readonly code = "BAD_LENGTH";
  constructor(readonly text: string) {
    super(`width "${text}": not a length. Write it like 183mm, 8.9cm, 7in or 600pt.`);
    this.name = "LengthError";
  }
}

/** Parses "183mm", "8.9cm", "7in", "504pt" to millimetres. */
export function parseLengthMm(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$/i.exec(text);
  if (!m) throw new LengthError(text);
  const value = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const mm = unit === "mm" ? value : unit === "cm" ? value * 10 : unit === "in" ? value * 25.4 : (value / 72) * 25.4;
  if (!(mm > 0) || mm > 2000) throw new LengthError(text);
  return mm;
}

export const PT_PER_MM = 72 / 25.4;
