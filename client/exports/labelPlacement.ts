/**
 * Label placement
 * ===============
 * Which node labels a figure prints, and where: biggest nodes first, each label to the right of
 * its node (or to the left when that runs off the panel), skipped when its box would cross a
 * label already placed or another node's disc. A crowded figure thus labels its hubs and stays
 * readable instead of printing a grey smear of overlapping text.
 */

export interface LabelCandidate {
  key: string;
  text: string;
  cx: number;
  cy: number;
  r: number;
  priority: number;
}

export interface PlacedLabel {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** For a node's disc: its radius. */
  r?: number;
}

/** DejaVu Sans averages about 0.6 em a character in mixed-case text; a little generous on purpose. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.6;
}

const CELL = 24;

class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x0 / CELL); i <= Math.floor(b.x1 / CELL); i++) {
      for (let j = Math.floor(b.y0 / CELL); j <= Math.floor(b.y1 / CELL); j++) out.push(`${i},${j}`);
    }
    return out;
  }
  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
  hits(b: Box, ignore?: Box, minR = 0): boolean {
    for (const k of this.keys(b)) {
      for (const o of this.cells.get(k) ?? []) {
        if (o === ignore || (o.r ?? Infinity) < minR) continue;
        if (b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0) return true;
      }
    }
    return false;
  }
}

export function placeLabels(
  candidates: LabelCandidate[],
  area: Box,
  fontSize: number,
  maxLabels = 400,
  /** The biggest nodes may lay their label over much smaller discs (the label's plate keeps it legible). */
  hubs = 12,
): PlacedLabel[] {
  const discs = new BoxIndex();
  const discOf = new Map<string, Box>();
  for (const c of candidates) {
    const box = { x0: c.cx - c.r, y0: c.cy - c.r, x1: c.cx + c.r, y1: c.cy + c.r, r: c.r };
    discs.add(box);
    discOf.set(c.key, box);
  }
  const labels = new BoxIndex();
  const placed: PlacedLabel[] = [];
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const [rank, c] of order.entries()) {
    if (placed.length >= maxLabels) break;
    const text = c.text.length > 40 ? `${c.text.slice(0, 38)}…` : c.text;
    const w = textWidth(text, fontSize);
    const gap = 0.25 * fontSize + 0.5;
    const top = c.cy - fontSize * 0.62;
    const bottom = c.cy + fontSize * 0.38;
    const below = c.cy + c.r + gap + fontSize * 0.62;
    const above = c.cy - c.r - gap - fontSize * 0.38;
    const sides: { box: Box; x: number; y: number; anchor: "start" | "end" | "middle" }[] = [
      { box: { x0: c.cx + c.r + gap, y0: top, x1: c.cx + c.r + gap + w, y1: bottom }, x: c.cx + c.r + gap, y: c.cy, anchor: "start" },
      { box: { x0: c.cx - c.r - gap - w, y0: top, x1: c.cx - c.r - gap, y1: bottom }, x: c.cx - c.r - gap, y: c.cy, anchor: "end" },
      { box: { x0: c.cx - w / 2, y0: below - fontSize * 0.62, x1: c.cx + w / 2, y1: below + fontSize * 0.38 }, x: c.cx, y: below, anchor: "middle" },
      { box: { x0: c.cx - w / 2, y0: above - fontSize * 0.62, x1: c.cx + w / 2, y1: above + fontSize * 0.38 }, x: c.cx, y: above, anchor: "middle" },
    ];
    for (const side of sides) {
      const b = side.box;
      if (b.x0 < area.x0 || b.x1 > area.x1 || b.y0 < area.y0 || b.y1 > area.y1) continue;
      // A hub's label may cover discs under half its own node's size, never a big node.
      if (labels.hits(b) || discs.hits(b, discOf.get(c.key), rank < hubs ? c.r * 0.5 : 0)) continue;
      labels.add(b);
      placed.push({ key: c.key, text, x: side.x, y: side.y + fontSize * 0.35, anchor: side.anchor });
      break;
    }
  }
  return placed;
}
