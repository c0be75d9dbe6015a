/**
 * Legend
 * ======
 * The key printed inside a figure: exactly the node classes and relation kinds the figure
 * shows, in the explorer's legend order, each with its marker drawn in the figure's style.
 */
import type { NodeKind, RelationKind } from "../../contract/api.ts";
import { NODE_KIND_LABEL, RELATION_LABEL } from "../graph/palette.ts";
import { NODE_KINDS, RELATION_KINDS } from "../../contract/kinds.ts";
import type { Figure } from "./figure.ts";
import { textWidth } from "./labelPlacement.ts";
import type { FigureStyle } from "./presets.ts";
import { arrowhead, shapeElement } from "./svgShapes.ts";
import { escapeXml, num } from "./xmlText.ts";

export type LegendEntry =
  | { type: "node"; kind: NodeKind; label: string }
  | { type: "edge"; kind: RelationKind; label: string; arrow: boolean };

export function legendEntries(figures: Figure[]): LegendEntry[] {
  const kinds = new Set<NodeKind>();
  const relations = new Map<RelationKind, boolean>();
  for (const f of figures) {
    for (const n of f.nodes) kinds.add(n.kind);
    for (const e of f.edges) relations.set(e.kind, (relations.get(e.kind) ?? false) || e.type === "arrow");
  }
  return [
    ...NODE_KINDS.filter((k) => kinds.has(k)).map((kind): LegendEntry => ({ type: "node", kind, label: NODE_KIND_LABEL[kind] })),
    ...RELATION_KINDS.filter((k) => relations.has(k)).map(
      (kind): LegendEntry => ({ type: "edge", kind, label: RELATION_LABEL[kind], arrow: relations.get(kind)! }),
    ),
  ];
}

export interface LegendLayout {
  svg: string;
  height: number;
}

/** Lays the entries out in rows across `width`, nodes first then relations, from (x, y). */
export function renderLegend(entries: LegendEntry[], x: number, y: number, width: number, fontSize: number, style: FigureStyle): LegendLayout {
  if (entries.length === 0) return { svg: "", height: 0 };
  const rowH = fontSize * 1.7;
  const swatch = fontSize * 1.9;
  const parts: string[] = [];
  let cx = x;
  let cy = y + rowH / 2;
  let lastType: LegendEntry["type"] | undefined;
  for (const entry of entries) {
    const w = swatch + fontSize * 0.4 + textWidth(entry.label, fontSize) + fontSize * 1.2;
    const newGroup = lastType !== undefined && entry.type !== lastType;
    if ((cx > x && cx + w > x + width) || newGroup) {
      cx = x;
      cy += rowH;
    }
    lastType = entry.type;
    const mid = cx + swatch / 2;
    if (entry.type === "node") {
      const fill = style.nodeFill(entry.kind);
      parts.push(shapeElement(style.nodeShape(entry.kind), mid, cy, fontSize * 0.42, `fill="${fill}" stroke="#333333" stroke-width="0.3"`));
    } else {
      const color = style.edgeColor(entry.kind);
      const sw = 0.9;
      const dash = style.edgeDash(entry.kind);
      const dashAttr = dash ? ` stroke-dasharray="${dash.map((d) => num(d * sw)).join(" ")}"` : "";
      const x2 = cx + swatch - (entry.arrow ? 0 : 0);
      parts.push(`<line x1="${num(cx)}" y1="${num(cy)}" x2="${num(x2 - (entry.arrow ? 2 : 0))}" y2="${num(cy)}" stroke="${color}" stroke-width="${sw}"${dashAttr}/>`);
      if (entry.arrow) parts.push(arrowhead(cx, cy, x2, cy, 3, color));
    }
    parts.push(
      `<text x="${num(cx + swatch + fontSize * 0.4)}" y="${num(cy + fontSize * 0.35)}" class="legend-label" data-legend="${entry.type}:${entry.kind}">${escapeXml(entry.label)}</text>`,
    );
    cx += w;
  }
  return { svg: `<g class="legend" font-size="${num(fontSize)}">${parts.join("")}</g>`, height: cy - y + rowH / 2 };
}
