/**
 * Labels by importance
 * ====================
 * Which node labels the explorer draws at the current zoom. sigma's own label grid keeps the
 * biggest disc of each screen cell, so a small hub beside a big one (Britain next to Iran) lost
 * its label to free space elsewhere (Kiev, Sistan). Here the nodes are taken in order of
 * importance (the shared ranking of client/graph/importance.ts) and a label is kept when its box,
 * drawn where sigma draws it (right of the disc), crosses no label kept before: the most
 * important are always legible, and nothing collides however far one zooms.
 */
import { textWidth } from "../exports/labelPlacement.ts";

export interface LabelCandidate {
  key: string;
  label: string;
  /** Viewport position and rendered radius, in pixels. */
  x: number;
  y: number;
  size: number;
}

const CELL = 48;

/**
 * The keys of the labels to draw: candidates in order (most important first), each kept when its
 * box is clear of those already kept, at most `max`. `spacing` pads every box (label density:
 * more padding, fewer labels).
 */
export function pickLabels(ordered: readonly LabelCandidate[], fontSize: number, max: number, spacing = 2): Set<string> {
  const kept = new Set<string>();
  const cells = new Map<string, [number, number, number, number][]>();
  for (const c of ordered) {
    if (kept.size >= max) break;
    if (!c.label) continue;
    const x0 = c.x + c.size + 3 - spacing;
    const x1 = c.x + c.size + 3 + textWidth(c.label, fontSize) + spacing;
    const y0 = c.y - fontSize * 0.6 - spacing;
    const y1 = c.y + fontSize * 0.4 + spacing;
    const keys: string[] = [];
    for (let i = Math.floor(x0 / CELL); i <= Math.floor(x1 / CELL); i++) for (let j = Math.floor(y0 / CELL); j <= Math.floor(y1 / CELL); j++) keys.push(`${i},${j}`);
    const hit = keys.some((k) => cells.get(k)?.some(([a0, b0, a1, b1]) => x0 < a1 && x1 > a0 && y0 < b1 && y1 > b0));
    if (hit) continue;
    kept.add(c.key);
    for (const k of keys) {
      const list = cells.get(k);
      if (list) list.push([x0, y0, x1, y1]);
      else cells.set(k, [[x0, y0, x1, y1]]);
    }
  }
  return kept;
}
