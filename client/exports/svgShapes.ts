/**
 * SVG shapes
 * ==========
 * A node's marker as an SVG element (circle or regular polygon of the same area-ish radius), and
 * the arrowhead at an edge's target, drawn as plain polygons rather than <marker>s so every
 * renderer (browsers, resvg, svg-to-pdfkit) draws them the same.
 */
import type { Shape } from "./presets.ts";
import { num } from "./xmlText.ts";

const POLYGONS: Record<Exclude<Shape, "circle">, { sides: number; turn: number; scale: number }> = {
  square: { sides: 4, turn: Math.PI / 4, scale: 1.15 },
  diamond: { sides: 4, turn: 0, scale: 1.3 },
  triangle: { sides: 3, turn: 0, scale: 1.45 },
  triangleDown: { sides: 3, turn: Math.PI, scale: 1.45 },
  hexagon: { sides: 6, turn: 0, scale: 1.1 },
  pentagon: { sides: 5, turn: 0, scale: 1.2 },
};

/** Attributes (fill, stroke ...) are passed in already escaped. */
export function shapeElement(shape: Shape, cx: number, cy: number, r: number, attrs: string): string {
  if (shape === "circle") return `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" ${attrs}/>`;
  const { sides, turn, scale } = POLYGONS[shape];
  const points: string[] = [];
  for (let i = 0; i < sides; i++) {
    // Start at the top (-90°) so triangles point up.
    const angle = turn - Math.PI / 2 + (2 * Math.PI * i) / sides;
    points.push(`${num(cx + r * scale * Math.cos(angle))},${num(cy + r * scale * Math.sin(angle))}`);
  }
  return `<polygon points="${points.join(" ")}" ${attrs}/>`;
}

/** A filled arrowhead whose tip is at (x2, y2), pointing along (x1, y1) → (x2, y2). */
export function arrowhead(x1: number, y1: number, x2: number, y2: number, length: number, fill: string): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const d = Math.hypot(dx, dy) || 1;
  const ux = dx / d;
  const uy = dy / d;
  const bx = x2 - ux * length;
  const by = y2 - uy * length;
  const w = length * 0.45;
  const p = (x: number, y: number) => `${num(x)},${num(y)}`;
  return `<polygon points="${p(x2, y2)} ${p(bx - uy * w, by + ux * w)} ${p(bx + uy * w, by - ux * w)}" fill="${fill}"/>`;
}
