/**
 * Small multiples
 * ===============
 * One figure, one panel per period: every panel uses the same layout and the same scale, so a
 * node sits at the same place in each and the eye sees what appears and disappears over time.
 * A panel holds what is in its window by the views' time rule — the server's (timeWindow.ts)
 * when the caller passes its panels (the CLI), else figureInWindow's reading of it on the figure
 * alone (the dialog) — so panels differ where the data differs. Each heading gives the years the panel covers — an
 * open-ended period ends at the panel's last dated year, never "1991–1991". Label priority and
 * key numbers are shared, so a node has the same label or number in every panel.
 */
import { figureImportance, figureInWindow, yearText, type Figure } from "./figure.ts";
import { chromeFor, drawGraph, figureDocument, fitTransform, graphAspect, keyBook, type SvgFigureOptions } from "./svgFigure.ts";
import type { KeyEntry } from "./labelPlacement.ts";
import { escapeXml, num } from "./xmlText.ts";
import { CaspianError } from "../../contract/errors.ts";

export interface PanelPeriod {
  label: string;
  from: number;
  to: number;
  /** The period runs on past `to` (post-Soviet): its heading ends at the data's last year. */
  open?: boolean;
}

export class UnknownPeriodError extends CaspianError {
  readonly code = "UNKNOWN_PERIOD";
  constructor(readonly period: string) {
    super(`no period named "${period}" in the data. Name one (e.g. Safavid, Qajar, Pahlavi), post-Soviet, or write Name=FROM..TO.`);
    this.name = "UnknownPeriodError";
  }
}

/** Resolves period names against the data's periods: Name=FROM..TO as written, "post-Soviet" as 1991
 * onwards, else the exact label, then a label that starts with or contains the name. */
export function matchPeriods(names: string[], periods: { label: string; startYear: number; endYear: number }[], lastYear: number): PanelPeriod[] {
  return names.map((name) => {
    const explicit = /^(.+)=(-?\d+)\.\.(-?\d+)$/.exec(name);
    if (explicit) return { label: explicit[1]!, from: Number(explicit[2]), to: Number(explicit[3]) };
    if (/^post-?soviet$/i.test(name)) return { label: name, from: 1991, to: Math.max(1991, lastYear), open: true };
    const lower = name.toLowerCase();
    const found =
      periods.find((p) => p.label.toLowerCase() === lower) ??
      periods.find((p) => p.label.toLowerCase().startsWith(lower)) ??
      periods.find((p) => p.label.toLowerCase().includes(lower));
    if (!found) throw new UnknownPeriodError(name);
    return { label: name, from: found.startYear, to: found.endYear };
  });
}

/** The latest year a figure shows, over nodes and relations (for an open-ended period such as post-Soviet). */
export function lastYearOf(figure: Figure): number {
  let last = -Infinity;
  for (const item of [...figure.nodes, ...figure.edges]) last = Math.max(last, item.endYear ?? item.startYear ?? -Infinity);
  return Number.isFinite(last) ? last : 1991;
}

/** Earliest and latest dated year inside [from, to] of a panel's nodes and relations. */
function yearsShown(panel: Figure, from: number, to: number): { first?: number; last?: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const item of [...panel.nodes, ...panel.edges]) {
    for (const y of [item.startYear, item.endYear]) {
      if (y === undefined || y < from || y > to) continue;
      first = Math.min(first, y);
      last = Math.max(last, y);
    }
  }
  return Number.isFinite(first) ? { first, last } : {};
}

/** "Qajar (1789–1925)"; an open period "post-Soviet (1991–2012)" to its last year shown, or "(since 1991)". */
export function periodHeading(p: PanelPeriod, panel?: Figure): string {
  if (!p.open) return `${p.label} (${yearText(p.from)}–${yearText(p.to)})`;
  const last = panel ? yearsShown(panel, p.from, Infinity).last : p.to;
  return last !== undefined && last > p.from ? `${p.label} (${yearText(p.from)}–${yearText(last)})` : `${p.label} (since ${yearText(p.from)})`;
}

/**
 * `panelOf` gives a period's figure when the caller has a better time rule (the server's); the
 * positions always come from `figure`, the layout every panel shares.
 */
export function renderSmallMultiples(figure: Figure, periods: PanelPeriod[], options: SvgFigureOptions, panelOf?: (p: PanelPeriod) => Figure): { svg: string; panels: Figure[] } {
  const chrome = chromeFor(options);
  const W = chrome.widthPt;
  const columns = periods.length <= 2 ? periods.length : periods.length <= 4 ? 2 : 3;
  const rows = Math.ceil(periods.length / Math.max(columns, 1));
  const gap = 6;
  const panelW = (W - 2 * chrome.pad - gap * (columns - 1)) / Math.max(columns, 1);
  const headingPt = chrome.captionPt;
  const panelH = panelW * graphAspect(figure);
  const labelPt = Math.max(chrome.labelPt, options.labelPt ?? chrome.labelPt);
  const positions = new Map(figure.nodes.map((n) => [n.key, n]));
  const panels = periods.map((p) => {
    const panel = panelOf ? panelOf(p) : figureInWindow(figure, p.from, p.to);
    return { nodes: panel.nodes.filter((n) => positions.has(n.key)).map((n) => ({ ...n, x: positions.get(n.key)!.x, y: positions.get(n.key)!.y })), edges: panel.edges };
  });
  const importance = figureImportance(figure);
  const book = keyBook();
  const keyed: KeyEntry[] = [];
  const svg = figureDocument(
    options,
    chrome,
    (top) => {
      const parts: string[] = [];
      periods.forEach((period, i) => {
        const col = i % columns;
        const row = Math.floor(i / columns);
        const x0 = chrome.pad + col * (panelW + gap);
        const y0 = top + row * (panelH + headingPt * 1.6 + gap);
        const box = { x0, y0: y0 + headingPt * 1.6, x1: x0 + panelW, y1: y0 + headingPt * 1.6 + panelH };
        // The scale comes from the whole figure, so every panel shares it.
        const t = fitTransform(figure, box);
        const drawn = drawGraph(panels[i]!, t, box, chrome.style, { labelPt, labelKinds: options.labelKinds, roles: options.roles, importance, numberFor: book.numberFor });
        keyed.push(...drawn.keyed);
        parts.push(
          `<g class="panel">` +
            `<text class="panel-heading" x="${num(x0)}" y="${num(y0 + headingPt)}" font-size="${num(headingPt)}" font-weight="bold">${escapeXml(periodHeading(period, panels[i]))}</text>` +
            `<rect x="${num(box.x0)}" y="${num(box.y0)}" width="${num(panelW)}" height="${num(panelH)}" fill="none" stroke="#cccccc" stroke-width="0.4"/>` +
            drawn.svg +
            `</g>`,
        );
      });
      return { svg: parts.join("\n"), height: rows * (panelH + headingPt * 1.6) + (rows - 1) * gap, keyed };
    },
    panels,
  );
  return { svg, panels };
}
