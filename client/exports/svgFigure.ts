/**
 * SVG figure
 * ==========
 * A laid-out figure as a standalone, print-sized SVG: vector shapes for nodes and edges in the
 * chosen style, labels as real <text> in DejaVu Sans (declared with fallbacks), an optional
 * title, period annotation, legend and caption, and provenance (query, data hash, tool version)
 * in <metadata>. No clock and no randomness: the same input gives the same bytes.
 */
import { figureImportance, type Figure, type FigureEdge, type FigureProvenance } from "./figure.ts";
import { LINE_HEIGHT, placeLabels, type KeyEntry } from "./labelPlacement.ts";
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
  /** Smallest text (labels, legend, caption, key) in points at the declared width; default 7. */
  minTextPt?: number;
  /** Label size in points (never under minTextPt). */
  labelPt?: number;
  /** Node kinds every node of which is labelled or numbered in the key. */
  labelKinds?: readonly string[];
  /** Lines printed under a node's name: the lens figure's third-party roles. */
  roles?: ReadonlyMap<string, string[]>;
}

export const DEFAULT_MIN_TEXT_PT = 7;

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

/** Where a node is drawn, in points. */
interface Spot {
  x: number;
  y: number;
  r: number;
}

/**
 * One edge as a path. Edges between the same two nodes (parallel, or reciprocal A→B and B→A)
 * bend apart: the i-th of n gets an offset perpendicular to the pair's canonical direction, so
 * reciprocal edges curve to opposite sides and never lie on top of each other.
 */
function edgePath(s: Spot, g: Spot, offset: number, normal: { x: number; y: number }, head: number): { d: string; tipFrom: { x: number; y: number }; tip: { x: number; y: number } } | undefined {
  const d = Math.hypot(g.x - s.x, g.y - s.y);
  if (d <= s.r + g.r) return undefined;
  // Control point of a quadratic Bézier: the curve's apex is half the control's offset.
  const cx = (s.x + g.x) / 2 + normal.x * offset * 2;
  const cy = (s.y + g.y) / 2 + normal.y * offset * 2;
  const unit = (x: number, y: number) => {
    const l = Math.hypot(x, y) || 1;
    return { x: x / l, y: y / l };
  };
  const out = unit(cx - s.x, cy - s.y);
  const into = unit(g.x - cx, g.y - cy);
  const start = { x: s.x + out.x * s.r, y: s.y + out.y * s.r };
  const tip = { x: g.x - into.x * g.r, y: g.y - into.y * g.r };
  const end = { x: tip.x - into.x * head * 0.8, y: tip.y - into.y * head * 0.8 };
  const path = offset === 0 ? `M${num(start.x)} ${num(start.y)}L${num(end.x)} ${num(end.y)}` : `M${num(start.x)} ${num(start.y)}Q${num(cx)} ${num(cy)} ${num(end.x)} ${num(end.y)}`;
  return { d: path, tipFrom: { x: tip.x - into.x, y: tip.y - into.y }, tip };
}

export interface PanelOptions {
  labelPt: number;
  /** Node kinds every node of which is labelled or numbered. */
  labelKinds?: readonly string[];
  /** Lines printed under a node's name (the lens figure's third-party roles); such a node is always labelled or keyed. */
  roles?: ReadonlyMap<string, string[]>;
  /** Label priority by node key (the explorer's importance); defaults to the figure's own. */
  importance?: ReadonlyMap<string, number>;
  numberFor?: (key: string) => number;
}

/** Nodes, edges and labels of one panel; the keyed nodes are those numbered instead of named. */
export function drawGraph(figure: Figure, t: Transform, box: Box, style: FigureStyle, panel: PanelOptions): { svg: string; keyed: KeyEntry[] } {
  const { labelPt } = panel;
  const pos = new Map<string, Spot>();
  for (const n of figure.nodes) {
    pos.set(n.key, { x: t.dx + n.x * t.scale, y: t.dy - n.y * t.scale, r: Math.max(0.5, n.size * t.radius) });
  }
  const pairs = new Map<string, FigureEdge[]>();
  for (const e of figure.edges) {
    const id = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const list = pairs.get(id);
    if (list) list.push(e);
    else pairs.set(id, [e]);
  }
  const edges: string[] = [];
  for (const group of pairs.values()) {
    const [first, second] = [group[0]!.source, group[0]!.target].sort() as [string, string];
    const a = pos.get(first);
    const b = pos.get(second);
    if (!a || !b) continue;
    const l = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const normal = { x: -(b.y - a.y) / l, y: (b.x - a.x) / l };
    group.forEach((e, i) => {
      const s = pos.get(e.source)!;
      const g = pos.get(e.target)!;
      const sw = Math.max(0.2, e.size * t.radius * 0.55);
      const spacing = Math.max(2.2, sw * 3);
      const offset = (i - (group.length - 1) / 2) * spacing;
      const head = e.type === "arrow" ? Math.max(1.6, sw * 3.2) : 0;
      const drawn = edgePath(s, g, offset, normal, head);
      if (!drawn) return;
      const color = style.edgeColor(e.kind);
      const dash = style.edgeDash(e.kind);
      const dashAttr = dash ? ` stroke-dasharray="${dash.map((v) => num(v * Math.max(sw, 0.5))).join(" ")}"` : "";
      edges.push(`<path d="${drawn.d}" stroke="${color}" stroke-width="${num(sw)}"${dashAttr}/>`);
      if (head > 0) edges.push(arrowhead(drawn.tipFrom.x, drawn.tipFrom.y, drawn.tip.x, drawn.tip.y, head, color));
    });
  }
  const nodes: string[] = [];
  // Small nodes on top of big ones, so no hub hides a satellite.
  const order = [...figure.nodes].sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const n of order) {
    const p = pos.get(n.key)!;
    nodes.push(shapeElement(style.nodeShape(n.kind), p.x, p.y, p.r, `fill="${style.nodeFill(n.kind)}" stroke="#ffffff" stroke-width="${num(Math.max(0.15, p.r * 0.12))}"`));
  }
  const importance = panel.importance ?? figureImportance(figure);
  const required = new Set(panel.labelKinds ?? []);
  const { labels: placed, keyed } = placeLabels(
    figure.nodes.map((n) => {
      const p = pos.get(n.key)!;
      const extra = panel.roles?.get(n.key);
      return { key: n.key, text: n.label, cx: p.x, cy: p.y, r: p.r, priority: importance.get(n.key) ?? 0, required: required.has(n.kind) || extra !== undefined, ...(extra ? { extra } : {}) };
    }),
    box,
    labelPt,
    { numberFor: panel.numberFor },
  );
  const lh = labelPt * LINE_HEIGHT;
  const labels = placed.map((l) => {
    const anchor = l.anchor === "start" ? "" : ` text-anchor="${l.anchor}"`;
    const cls = l.number !== undefined ? ` class="key-number" font-weight="bold"` : "";
    if (l.lines.length === 1) return `<text x="${num(l.x)}" y="${num(l.y)}"${anchor}${cls}>${escapeXml(l.lines[0]!)}</text>`;
    const spans = l.lines.map((line, i) => `<tspan x="${num(l.x)}" y="${num(l.y + i * lh)}">${escapeXml(line)}</tspan>`).join("");
    return `<text${anchor}${cls}>${spans}</text>`;
  });
  // A pale plate under each label keeps it readable where edges run behind it.
  const plates = placed.map((l) => `<rect x="${num(l.box.x0 - 0.4)}" y="${num(l.box.y0)}" width="${num(l.box.x1 - l.box.x0 + 0.8)}" height="${num(l.box.y1 - l.box.y0)}"/>`);
  const svg =
    `<g class="edges" fill="none" stroke-linecap="round">${edges.join("")}</g>` +
    `<g class="nodes">${nodes.join("")}</g>` +
    `<g class="label-plates" fill="#ffffff" fill-opacity="0.7">${plates.join("")}</g>` +
    `<g class="labels" font-size="${num(labelPt)}" fill="#1a1a1a">${labels.join("")}</g>`;
  return { svg, keyed };
}

/** Splits text into lines of at most `width` points at the given size (word wrap). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const max = Math.max(10, Math.floor(width / (fontSize * 0.6)));
  const lines: string[] = [];
  let line = "";
  // Split at ordinary spaces only: a no-break space keeps a key number with its name.
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
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
  labelPt: number;
}

/** The figure's frame. The SVG's user unit is the point at the declared width, so a font-size
 * is the printed size; every text is at least minTextPt. */
export function chromeFor(options: Pick<SvgFigureOptions, "widthMm" | "style" | "minTextPt">): Chrome {
  const widthPt = options.widthMm * PT_PER_MM;
  const min = options.minTextPt ?? DEFAULT_MIN_TEXT_PT;
  return { widthPt, pad: 6, style: figureStyle(options.style ?? "color"), legendPt: min, captionPt: min, labelPt: min };
}

/** Key numbers shared by the panels of one figure, so a node has one number throughout. */
export function keyBook(): { numberFor: (key: string) => number } {
  const numbers = new Map<string, number>();
  return { numberFor: (key) => numbers.get(key) ?? (numbers.set(key, numbers.size + 1), numbers.size) };
}

/** "1 Treaty of Gulistan · 2 …" under the legend, wrapped; each entry once. */
function renderKey(entries: KeyEntry[], x: number, y: number, width: number, size: number): { svg: string; height: number } {
  const seen = new Map<number, KeyEntry>();
  for (const e of entries) if (!seen.has(e.number)) seen.set(e.number, e);
  if (seen.size === 0) return { svg: "", height: 0 };
  const text = `Key: ${[...seen.values()].sort((a, b) => a.number - b.number).map((e) => `${e.number}\u00a0${e.text}`).join(" · ")}`;
  const lines = wrapText(text, width, size);
  const lh = size * 1.3;
  const spans = lines.map((line, i) => `<tspan x="${num(x)}" y="${num(y + size + i * lh)}">${escapeXml(line)}</tspan>`).join("");
  return { svg: `<text class="figure-key" font-size="${num(size)}">${spans}</text>`, height: lines.length * lh + 2 };
}

/** Title, body (already placed below the title), legend and caption, wrapped as one SVG document. */
export function figureDocument(
  options: SvgFigureOptions,
  chrome: Chrome,
  body: (top: number) => { svg: string; height: number; keyed?: KeyEntry[] },
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
  const key = renderKey(drawn.keyed ?? [], pad, y, W - 2 * pad, chrome.legendPt);
  if (key.svg) {
    parts.push(key.svg);
    y += key.height + 2;
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
  const labelPt = Math.max(chrome.labelPt, options.labelPt ?? chrome.labelPt);
  const W = chrome.widthPt;
  return figureDocument(
    options,
    chrome,
    (top) => {
      const h = (W - 2 * chrome.pad) * graphAspect(figure);
      const box = { x0: chrome.pad, y0: top, x1: W - chrome.pad, y1: top + h };
      const t = fitTransform(figure, box);
      const drawn = drawGraph(figure, t, box, chrome.style, { labelPt, labelKinds: options.labelKinds, roles: options.roles });
      let svg = drawn.svg;
      if (options.period) {
        svg += `<text class="period" x="${num(box.x1)}" y="${num(top + chrome.captionPt)}" text-anchor="end" font-size="${num(chrome.captionPt)}" fill="#555555">${escapeXml(options.period)}</text>`;
      }
      return { svg, height: h, keyed: drawn.keyed };
    },
    [figure],
  );
}
