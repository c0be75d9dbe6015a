/**
 * Small multiples
 * ===============
 * One figure, one panel per period: every panel uses the same layout and the same scale, so a
 * node sits at the same place in each and the eye sees what appears and disappears over time.
 */
import { figureInYears, yearText, type Figure } from "./figure.ts";
import { chromeFor, drawGraph, figureDocument, fitTransform, graphAspect, type SvgFigureOptions } from "./svgFigure.ts";
import { escapeXml, num } from "./xmlText.ts";

export interface PanelPeriod {
  label: string;
  from: number;
  to: number;
}

export class UnknownPeriodError extends Error {
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
    if (/^post-?soviet$/i.test(name)) return { label: name, from: 1991, to: Math.max(1991, lastYear) };
    const lower = name.toLowerCase();
    const found =
      periods.find((p) => p.label.toLowerCase() === lower) ??
      periods.find((p) => p.label.toLowerCase().startsWith(lower)) ??
      periods.find((p) => p.label.toLowerCase().includes(lower));
    if (!found) throw new UnknownPeriodError(name);
    return { label: name, from: found.startYear, to: found.endYear };
  });
}

/** The latest year a figure shows (for an open-ended period such as post-Soviet). */
export function lastYearOf(figure: Figure): number {
  let last = -Infinity;
  for (const n of figure.nodes) last = Math.max(last, n.endYear ?? n.startYear ?? -Infinity);
  return Number.isFinite(last) ? last : 1991;
}

export function periodHeading(p: PanelPeriod): string {
  return `${p.label} (${yearText(p.from)}–${yearText(p.to)})`;
}

export function renderSmallMultiples(figure: Figure, periods: PanelPeriod[], options: SvgFigureOptions): { svg: string; panels: Figure[] } {
  const chrome = chromeFor(options);
  const W = chrome.widthPt;
  const columns = periods.length <= 2 ? periods.length : periods.length <= 4 ? 2 : 3;
  const rows = Math.ceil(periods.length / Math.max(columns, 1));
  const gap = 6;
  const panelW = (W - 2 * chrome.pad - gap * (columns - 1)) / Math.max(columns, 1);
  const headingPt = chrome.captionPt;
  const panelH = panelW * graphAspect(figure);
  const labelPt = options.labelPt ?? Math.max(4, Math.min(6, panelW / 40));
  const panels = periods.map((p) => figureInYears(figure, p.from, p.to));
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
        parts.push(
          `<g class="panel">` +
            `<text class="panel-heading" x="${num(x0)}" y="${num(y0 + headingPt)}" font-size="${num(headingPt)}" font-weight="bold">${escapeXml(periodHeading(period))}</text>` +
            `<rect x="${num(box.x0)}" y="${num(box.y0)}" width="${num(panelW)}" height="${num(panelH)}" fill="none" stroke="#cccccc" stroke-width="0.4"/>` +
            drawGraph(panels[i]!, t, box, chrome.style, labelPt) +
            `</g>`,
        );
      });
      return { svg: parts.join("\n"), height: rows * (panelH + headingPt * 1.6) + (rows - 1) * gap };
    },
    panels,
  );
  return { svg, panels };
}
