/**
 * Label placement
 * ===============
 * Which node labels a figure prints, and where. Candidates go in order of importance (the
 * explorer's ranking, client/graph/importance.ts) and only the most important few (plus the
 * required ones) are candidates at all, so free space never earns a leaf a label; each tries eight places around its node, first
 * on one line, then wrapped onto two (a balanced split at a space), and is placed where its box
 * crosses no placed label and no other node. A label is never shortened: text that finds no room
 * is left out, or — for a node of a class the reader asked for (`required`) — printed as a number
 * beside the node and listed in the figure's key ("1 Treaty of Gulistan"), so no such node is
 * left unnamed.
 */

export interface LabelCandidate {
  key: string;
  text: string;
  /** Lines printed under the name (a third party's role in the lens figure). */
  extra?: string[];
  cx: number;
  cy: number;
  r: number;
  priority: number;
  /** Labelled or numbered in the key, never left out. */
  required?: boolean;
}

export interface PlacedLabel {
  key: string;
  lines: string[];
  /** Anchor point of the first line's baseline. */
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
  /** The box the text takes (for the plate drawn under it). */
  box: Box;
  /** A key number standing in for the label. */
  number?: number;
}

export interface KeyEntry {
  number: number;
  key: string;
  text: string;
}

export interface Placement {
  labels: PlacedLabel[];
  /** Required nodes whose label found no room, numbered in order of importance. */
  keyed: KeyEntry[];
}

export interface Box {
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

/** Line height of labels, in units of the font size. */
export const LINE_HEIGHT = 1.15;

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

/** The text as one line, then as two lines split at the space that balances them best. */
export function lineChoices(text: string): string[][] {
  const words = text.split(/\s+/).filter(Boolean);
  const choices = [[words.join(" ")]];
  if (words.length < 2) return choices;
  let best: string[] | undefined;
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const width = Math.max(...lines.map((l) => [...l].length));
    if (width < bestWidth) {
      bestWidth = width;
      best = lines;
    }
  }
  choices.push(best!);
  return choices;
}

interface Spot {
  box: Box;
  x: number;
  y: number;
  anchor: PlacedLabel["anchor"];
}

/** The eight places around a node for a block of w × h, right and left first (easiest to read). */
function spots(c: LabelCandidate, w: number, h: number, fontSize: number): Spot[] {
  const gap = 0.25 * fontSize + 0.5;
  const ascent = fontSize * 0.8;
  const { cx, cy, r } = c;
  const d = r * Math.SQRT1_2;
  const at = (x0: number, y0: number, anchor: Spot["anchor"]): Spot => ({
    box: { x0, y0, x1: x0 + w, y1: y0 + h },
    x: anchor === "start" ? x0 : anchor === "end" ? x0 + w : x0 + w / 2,
    y: y0 + ascent,
    anchor,
  });
  return [
    at(cx + r + gap, cy - h / 2, "start"),
    at(cx - r - gap - w, cy - h / 2, "end"),
    at(cx - w / 2, cy + r + gap, "middle"),
    at(cx - w / 2, cy - r - gap - h, "middle"),
    at(cx + d + gap, cy - d - gap - h, "start"),
    at(cx + d + gap, cy + d + gap, "start"),
    at(cx - d - gap - w, cy - d - gap - h, "end"),
    at(cx - d - gap - w, cy + d + gap, "end"),
  ];
}

export function placeLabels(
  candidates: LabelCandidate[],
  area: Box,
  fontSize: number,
  options: {
    /** The most important nodes may lay their label over much smaller discs (the label's plate keeps it legible). */
    hubs?: number;
    /** The key number of a node that gets one (shared across panels so a node keeps its number). */
    numberFor?: (key: string) => number;
    /** How many of the most important nodes may be labelled besides the required ones: a label
     * on a peripheral leaf only because there is room there would say it matters. */
    optional?: number;
    /** The most important nodes are named or numbered whatever their class: the figure's key players. */
    alwaysName?: number;
  } = {},
): Placement {
  const hubs = options.hubs ?? 30;
  const optional = options.optional ?? Math.max(25, Math.ceil(candidates.length * 0.12));
  const alwaysName = options.alwaysName ?? 20;
  const discs = new BoxIndex();
  const discOf = new Map<string, Box>();
  for (const c of candidates) {
    const box = { x0: c.cx - c.r, y0: c.cy - c.r, x1: c.cx + c.r, y1: c.cy + c.r, r: c.r };
    discs.add(box);
    discOf.set(c.key, box);
  }
  const taken = new BoxIndex();
  const labels: PlacedLabel[] = [];
  const unplaced: LabelCandidate[] = [];
  const lh = fontSize * LINE_HEIGHT;
  const inside = (b: Box) => b.x0 >= area.x0 && b.x1 <= area.x1 && b.y0 >= area.y0 && b.y1 <= area.y1;
  const tryPlace = (c: LabelCandidate, lines: string[], minR: number, force = false): PlacedLabel | undefined => {
    const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
    const h = fontSize * 0.25 + lines.length * lh - (lh - fontSize);
    const options = spots(c, w, h, fontSize);
    const free = options.find((s) => inside(s.box) && !taken.hits(s.box) && !discs.hits(s.box, discOf.get(c.key), minR));
    const spot = free ?? (force ? (options.find((s) => inside(s.box)) ?? options[0]!) : undefined);
    if (!spot) return undefined;
    taken.add(spot.box);
    return { key: c.key, lines, x: spot.x, y: spot.y, anchor: spot.anchor, box: spot.box };
  };
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const [rank, c] of order.entries()) {
    if (rank >= optional && !c.required) continue;
    const minR = rank < hubs ? c.r * 0.5 : 0;
    let placed: PlacedLabel | undefined;
    // The extra lines (a role) may wrap too, after the name has tried both of its forms.
    const extras = c.extra && c.extra.length > 0 ? [c.extra, c.extra.flatMap((line) => lineChoices(line).at(-1)!)] : [[]];
    search: for (const extra of extras) {
      for (const lines of lineChoices(c.text)) {
        placed = tryPlace(c, [...lines, ...extra], minR);
        if (placed) break search;
      }
    }
    if (placed) labels.push(placed);
    else if (c.required || rank < alwaysName) unplaced.push(c);
  }
  // Numbers last: they are small, so they fit where the names did not; forced if even they do not.
  const keyed: KeyEntry[] = [];
  for (const c of unplaced) {
    const number = options.numberFor ? options.numberFor(c.key) : keyed.length + 1;
    keyed.push({ number, key: c.key, text: [c.text, ...(c.extra ?? [])].join(", ") });
    // Free of labels and nodes; else free of labels only (over a small disc); forced as a last resort.
    const placed = tryPlace(c, [String(number)], 0) ?? tryPlace(c, [String(number)], Infinity) ?? tryPlace(c, [String(number)], 0, true)!;
    labels.push({ ...placed, number });
  }
  return { labels, keyed };
}
