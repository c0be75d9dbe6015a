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
