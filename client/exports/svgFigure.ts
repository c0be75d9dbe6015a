/**
 * SVG figure
 * ==========
 * A laid-out figure as a standalone, print-sized SVG: vector shapes for nodes and edges in the
 * chosen style, labels as real <text> in DejaVu Sans (declared with fallbacks), an optional
 * title, period annotation, legend and caption, and provenance (query, data hash, tool version)
 * in <metadata>. No clock and no randomness: the same input gives the same bytes.
 */
import type { Figure, FigureProvenance } from "./figure.ts";
import { placeLabels, textWidth } from "./labelPlacement.ts";
import { legendEntries, renderLegend } from "./legend.ts";
import { PT_PER_MM, figureStyle, type FigureStyle, type StyleName } from "./presets.ts";
import { arrowhead, shapeElement } from "./svgShapes.ts";
import { escapeXml, num } from "./xmlText.ts";

export const FONT_FAMILY = "'DejaVu Sans', Arial, sans-serif";

export interface SvgFigureOptions {
  widthMm: number;
  style?: StyleName;
  title?: string;
  /** Shown at the graph's top right, e.g. "1700–1900". */
  period?: string;
  caption?: string;
  legend?: boolean;
  provenance?: FigureProvenance;
  /** Label size in points; defaults by width (6 pt single column, 7 pt double). */
  labelPt?: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Maps graph coordinates into a box: uniform scale, y flipped (graph y points up, as in sigma). */
export interface Transform {
  scale: number;
  dx: number;
  dy: number;
  /** Node radius in points per unit of the explorer's node size. */
  radius: number;
}

export function fitTransform(figure: Figure, box: Box): Transform {
  const radius = Math.max(0.08, (box.x1 - box.x0) / 700);
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const n of figure.nodes) {
    minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x); minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
  }
  if (!Number.isFinite(minX)) return { scale: 1, dx: (box.x0 + box.x1) / 2, dy: (box.y0 + box.y1) / 2, radius };
  const margin = 22 * radius + 2;
  const w = Math.max(maxX - minX, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((box.x1 - box.x0 - 2 * margin) / w, (box.y1 - box.y0 - 2 * margin) / h);
  const usedW = w * scale;
  const usedH = h * scale;
  return {
    scale,
    dx: box.x0 + (box.x1 - box.x0 - usedW) / 2 - minX * scale,
    dy: box.y0 + (box.y1 - box.y0 - usedH) / 2 + maxY * scale,
    radius,
  };
}

/** Height over width of the graph's extent, kept between 0.55 and 1 so a figure is never a strip. */
export function graphAspect(figure: Figure): number {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const n of figure.nodes) {
    minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x); minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
  }
  if (!Number.isFinite(minX) || maxX === minX) return 0.75;
  return Math.min(1, Math.max(0.55, (maxY - minY) / (maxX - minX)));
}

/** Nodes, edges and labels of one panel. */
export function drawGraph(figure: Figure, t: Transform, box: Box, style: FigureStyle, labelPt: number): string {
  const pos = new Map<string, { x: number; y: number; r: number }>();
  for (const n of figure.nodes) {
    pos.set(n.key, { x: t.dx + n.x * t.scale, y: t.dy - n.y * t.scale, r: Math.max(0.5, n.size * t.radius) });
  }
  const edges: string[] = [];
  for (const e of figure.edges) {
    const s = pos.get(e.source);
    const g = pos.get(e.target);
    if (!s || !g) continue;
    const d = Math.hypot(g.x - s.x, g.y - s.y);
    if (d <= s.r + g.r) continue;
    const ux = (g.x - s.x) / d;
    const uy = (g.y - s.y) / d;
    const sw = Math.max(0.2, e.size * t.radius * 0.55);
    const color = style.edgeColor(e.kind);
    const x1 = s.x + ux * s.r;
    const y1 = s.y + uy * s.r;
    const tipX = g.x - ux * g.r;
    const tipY = g.y - uy * g.r;
    const head = e.type === "arrow" ? Math.max(1.6, sw * 3.2) : 0;
    const dash = style.edgeDash(e.kind);
    const dashAttr = dash ? ` stroke-dasharray="${dash.map((v) => num(v * Math.max(sw, 0.5))).join(" ")}"` : "";
    edges.push(
      `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(tipX - ux * head * 0.8)}" y2="${num(tipY - uy * head * 0.8)}" stroke="${color}" stroke-width="${num(sw)}"${dashAttr}/>`,
    );
    if (head > 0) edges.push(arrowhead(x1, y1, tipX, tipY, head, color));
  }
  const nodes: string[] = [];
  // Small nodes on top of big ones, so no hub hides a satellite.
  const order = [...figure.nodes].sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const n of order) {
    const p = pos.get(n.key)!;
    nodes.push(shapeElement(style.nodeShape(n.kind), p.x, p.y, p.r, `fill="${style.nodeFill(n.kind)}" stroke="#ffffff" stroke-width="${num(Math.max(0.15, p.r * 0.12))}"`));
  }
  const placed = placeLabels(
    figure.nodes.map((n) => {
      const p = pos.get(n.key)!;
      return { key: n.key, text: n.label, cx: p.x, cy: p.y, r: p.r, priority: n.size };
    }),
    box,
    labelPt,
  );
  const labels = placed.map(
    (l) => `<text x="${num(l.x)}" y="${num(l.y)}"${l.anchor === "start" ? "" : ` text-anchor="${l.anchor}"`}>${escapeXml(l.text)}</text>`,
  );
  // A pale plate under each label keeps it readable where edges run behind it.
  const plates = placed.map((l) => {
    const w = textWidth(l.text, labelPt);
    const x0 = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
    return `<rect x="${num(x0 - 0.4)}" y="${num(l.y - labelPt * 0.8)}" width="${num(w + 0.8)}" height="${num(labelPt * 1.05)}"/>`;
  });
  return (
    `<g class="edges" fill="none" stroke-linecap="round">${edges.join("")}</g>` +
    `<g class="nodes">${nodes.join("")}</g>` +
    `<g class="label-plates" fill="#ffffff" fill-opacity="0.7">${plates.join("")}</g>` +
    `<g class="labels" font-size="${num(labelPt)}" fill="#1a1a1a">${labels.join("")}</g>`
  );
}

/** Splits text into lines of at most `width` points at the given size (word wrap). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const max = Math.max(10, Math.floor(width / (fontSize * 0.6)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface Chrome {
  widthPt: number;
  pad: number;
  style: FigureStyle;
  legendPt: number;
  captionPt: number;
}

export function chromeFor(options: Pick<SvgFigureOptions, "widthMm" | "style">): Chrome {
  const widthPt = options.widthMm * PT_PER_MM;
  const small = widthPt < 360;
  return { widthPt, pad: 6, style: figureStyle(options.style ?? "color"), legendPt: small ? 5.5 : 6.5, captionPt: small ? 6 : 7 };
}

/** Title, body (already placed below the title), legend and caption, wrapped as one SVG document. */
export function figureDocument(
  options: SvgFigureOptions,
  chrome: Chrome,
  body: (top: number) => { svg: string; height: number },
  figures: Figure[],
): string {
  const { widthPt: W, pad } = chrome;
  const parts: string[] = [];
  let y = pad;
  if (options.title) {
    const size = chrome.captionPt + 2;
    parts.push(`<text class="title" x="${num(pad)}" y="${num(y + size)}" font-size="${num(size)}" font-weight="bold">${escapeXml(options.title)}</text>`);
    y += size * 1.6;
  }
  const drawn = body(y);
  parts.push(drawn.svg);
  y += drawn.height;
  if (options.legend !== false) {
    const legend = renderLegend(legendEntries(figures), pad, y + 2, W - 2 * pad, chrome.legendPt, chrome.style);
    parts.push(legend.svg);
    y += legend.height + 4;
  }
  if (options.caption) {
    const lines = wrapText(options.caption, W - 2 * pad, chrome.captionPt);
    const lh = chrome.captionPt * 1.3;
    parts.push(
      `<text class="caption" font-size="${num(chrome.captionPt)}">${lines
        .map((line, i) => `<tspan x="${num(pad)}" y="${num(y + chrome.captionPt + i * lh)}">${escapeXml(line)}</tspan>`)
        .join("")}</text>`,
    );
    y += lines.length * lh + 2;
  }
  const H = Math.ceil(y + pad);
  const widthMm = options.widthMm;
  const heightMm = H / PT_PER_MM;
  const p = options.provenance ?? {};
  const described = [options.caption, p.query ? `Query: ${p.query}` : undefined].filter(Boolean).join("\n");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(widthMm, 2)}mm" height="${num(heightMm, 2)}mm" viewBox="0 0 ${num(W)} ${num(H)}" font-family="${FONT_FAMILY}">\n` +
    `<title>${escapeXml(options.title ?? "Caspian network figure")}</title>\n` +
    (described ? `<desc>${escapeXml(described)}</desc>\n` : "") +
    `<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<rdf:Description rdf:about="">` +
    `<dc:format>image/svg+xml</dc:format>` +
    (options.title ? `<dc:title>${escapeXml(options.title)}</dc:title>` : "") +
    (p.tool ? `<dc:creator>${escapeXml(p.tool)}</dc:creator>` : "") +
    (p.dataHash ? `<dc:source>sha256:${escapeXml(p.dataHash)}</dc:source>` : "") +
    (p.query ? `<dc:description>${escapeXml(p.query)}</dc:description>` : "") +
    `</rdf:Description></rdf:RDF></metadata>\n` +
    `<rect x="0" y="0" width="${num(W)}" height="${num(H)}" fill="#ffffff"/>\n` +
    parts.join("\n") +
    `\n</svg>\n`
  );
}

export function renderSvgFigure(figure: Figure, options: SvgFigureOptions): string {
  const chrome = chromeFor(options);
  const labelPt = options.labelPt ?? (chrome.widthPt < 360 ? 5.5 : 6.5);
  const W = chrome.widthPt;
  return figureDocument(
    options,
    chrome,
    (top) => {
      const h = (W - 2 * chrome.pad) * graphAspect(figure);
      const box = { x0: chrome.pad, y0: top, x1: W - chrome.pad, y1: top + h };
      const t = fitTransform(figure, box);
      let svg = drawGraph(figure, t, box, chrome.style, labelPt);
      if (options.period) {
        svg += `<text class="period" x="${num(box.x1)}" y="${num(top + chrome.captionPt)}" text-anchor="end" font-size="${num(chrome.captionPt)}" fill="#555555">${escapeXml(options.period)}</text>`;
      }
      return { svg, height: h };
    },
    [figure],
  );
}
