/**
 * Timeline chart
 * ==============
 * Draws the timeline as one SVG: on top the article's three ages as a header, under it the
 * Iran–Russia relationship state per period (rank 1 =
 * strategic alliance at the top … 7 = war at the bottom, a block in its rank's row over its years,
 * so states the article gives for overlapping spans both stay visible) with the
 * geography of that period as a strip under it (solid = shared border, hatched = distance); then
 * the periods of Iran and Russia and the article's three ages as bands in lanes; dated events as
 * ticks; and a year axis on the compressed scale of timelineScale.ts. The chart only draws and
 * reports clicks; timeline.ts owns the state.
 */
import type { RelationshipStatePoint, Timeline } from "../../contract/api.ts";
import { packLanes } from "../graph/timelineLanes.ts";
import { axisTicks, COMPRESS_BEFORE, formatSpan, formatYear, yearScale } from "../graph/timelineScale.ts";
import { svgEl, svgText, svgTitle } from "./timelineSvg.ts";

export const LEVEL_NAMES: Record<number, string> = {
  1: "Strategic alliance",
  2: "Strategic partnership",
  3: "Strategic cooperation",
  4: "Cooperation",
  5: "Rivalry",
  6: "Threat",
  7: "War",
};

const MARGIN_LEFT = 128;
const MARGIN_RIGHT = 12;
const RANK_H = 10;
const AGES_H = 13;
const CHART_TOP = 4 + AGES_H;
const CHART_H = RANK_H * 7;
const GEO_H = 8;
const ROW_H = 13;
const LANE_GAP = 3;
const EVENTS_H = 14;
const AXIS_H = 22;

export interface ChartHandlers {
  onPeriod(iri: string): void;
  onSelect(iri: string): void;
}

export interface TimelineChart {
  svg: SVGSVGElement;
  /** The year axis on its own, so it can stay in view (sticky) while the lanes scroll. */
  axisSvg: SVGSVGElement;
  /** The x extent of the year axis, for aligning the sliders. */
  axis: { left: number; right: number };
  setRange(from: number | undefined, to: number | undefined): void;
  setSelected(iri: string | undefined): void;
}

/** A shared-border geography? Decided by the concept's IRI (cas:SharedBorder) or its label. */
export function isSharedBorder(state: RelationshipStatePoint): boolean | undefined {
  const g = state.geography;
  if (!g) return undefined;
  return /SharedBorder$/.test(g.iri) || /shared|border|neighbo/i.test(g.label);
}

function activate(el: SVGElement, label: string, action: () => void, tabbable: boolean): void {
  el.setAttribute("role", "button");
  el.setAttribute("aria-label", label);
  if (tabbable) el.setAttribute("tabindex", "0");
  el.addEventListener("click", action);
  el.addEventListener("keydown", (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === "Enter" || key === " ") {
      event.preventDefault();
      action();
    }
  });
}

const CHAR_W = 6;
/** Fewer characters than this and a cut name says nothing ("per…"): leave it to the tooltip. */
const MIN_CUT = 9;

/**
 * Where a period's name goes: inside its band when it fits; else just after the band when the row
 * is free up to the next band; else cut with an ellipsis if enough of it is left to read; else
 * nowhere (its <title> always has the full name).
 */
export function labelSpot(name: string, x: number, w: number, freeUntil: number): { text: string; x: number; inside: boolean } | undefined {
  const inside = Math.floor((w - 6) / CHAR_W);
  if (name.length <= inside) return { text: name, x: x + 3, inside: true };
  const after = Math.floor((freeUntil - (x + w) - 6) / CHAR_W);
  if (name.length <= after) return { text: name, x: x + w + 3, inside: false };
  const room = Math.max(inside, after);
  if (room >= MIN_CUT) return { text: `${name.slice(0, room - 1)}…`, x: room === inside ? x + 3 : x + w + 3, inside: room === inside };
  return undefined;
}

export function drawTimeline(data: Timeline, width: number, handlers: ChartHandlers): TimelineChart {
  const { lanes, placed } = packLanes(data.periods);
  const scale = yearScale(MARGIN_LEFT, Math.max(MARGIN_LEFT + 100, width - MARGIN_RIGHT));
  const geoTop = CHART_TOP + CHART_H + 3;
  let y = geoTop + GEO_H + 8;
  const laneTop = new Map<string, number>();
  for (const lane of lanes) {
    laneTop.set(lane.key, y);
    y += lane.rows * ROW_H + LANE_GAP;
  }
  const eventsTop = y;
  const axisTop = eventsTop + EVENTS_H + 2;
  const height = axisTop;

  const svg = svgEl("svg", {
    class: "tl-svg",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "group",
    "aria-label": "Timeline of periods, events and the Iran–Russia relationship state",
  });
  const defs = svgEl("defs", {}, svg);
  const hatch = svgEl("pattern", { id: "caspian-tl-distance", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, defs);
  svgEl("rect", { width: 6, height: 6, class: "tl-geo-distance-bg" }, hatch);
  svgEl("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "tl-geo-distance-line" }, hatch);

  // The article's three ages as a header over the chart, with their spans shaded behind it, so the
  // thesis reads at a glance: distance goes with cooperation, a shared border with threat and war.
  const agesGroup = svgEl("g", { class: "tl-ages" }, svg);
  const ages = data.periods.filter((p) => p.kind === "analytic").sort((a, b) => a.startYear - b.startYear);
  ages.forEach((age, i) => {
    const x = scale.x(age.startYear);
    const w = Math.max(2, scale.x(age.endYear) - x);
    svgEl("rect", { x, y: 2, width: w, height: CHART_TOP + CHART_H + 3 + GEO_H - 2, class: `tl-age-bg tl-age-bg-${i % 2}` }, agesGroup);
    const fits = Math.floor((w - 4) / 5.6);
    if (fits >= 4) {
      const text = age.label.length <= fits ? age.label : `${age.label.slice(0, fits - 1)}…`;
      const label = svgText(text, { x: x + w / 2, y: AGES_H - 2, class: "tl-age-label", "text-anchor": "middle" }, agesGroup);
      svgTitle(`${age.label} (${formatSpan(age.startYear, age.endYear)})`, label);
    }
  });

  // Relationship-state chart: grid lines and rank names, then a bar per state.
  const chart = svgEl("g", { class: "tl-states" }, svg);
  const rankY = (rank: number) => CHART_TOP + (rank - 1) * RANK_H;
  for (let rank = 1; rank <= 7; rank++) {
    svgEl("line", { x1: scale.x0, x2: scale.x1, y1: rankY(rank) + RANK_H / 2, y2: rankY(rank) + RANK_H / 2, class: "tl-grid" }, chart);
    svgText(LEVEL_NAMES[rank]!, { x: MARGIN_LEFT - 6, y: rankY(rank) + RANK_H / 2 + 3, class: "tl-rank-label", "text-anchor": "end" }, chart);
  }
  const stateEls = new Map<string, SVGElement[]>();
  const remember = (iri: string, el: SVGElement) => stateEls.set(iri, [...(stateEls.get(iri) ?? []), el]);
  for (const state of data.relationshipStates) {
    const rank = Math.min(7, Math.max(1, state.level.rank));
    const x = scale.x(state.startYear);
    const w = Math.max(3, scale.x(state.endYear) - x);
    const border = isSharedBorder(state);
    const description = [
      `${state.dyad[0].label}–${state.dyad[1].label}: ${state.level.label}`,
      state.period ? state.period.label : undefined,
      formatSpan(state.startYear, state.endYear),
      state.geography ? state.geography.label : undefined,
    ]
      .filter(Boolean)
      .join(", ");
    const g = svgEl("g", { class: `tl-state tl-rank-${rank}`, "data-iri": state.iri }, chart);
    svgEl("rect", { x, y: rankY(rank) + 0.5, width: w, height: RANK_H - 1, rx: 1.5, class: "tl-state-bar" }, g);
    svgTitle(description, g);
    activate(g, description, () => handlers.onSelect(state.iri), true);
    remember(state.iri, g);
    if (border !== undefined) {
      const strip = svgEl("rect", {
        x,
        y: geoTop,
        width: w,
        height: GEO_H,
        class: border ? "tl-geo tl-geo-border" : "tl-geo tl-geo-distance",
        fill: border ? undefined : "url(#caspian-tl-distance)",
        "data-iri": state.iri,
      }, chart);
      svgTitle(description, strip);
      strip.addEventListener("click", () => handlers.onSelect(state.iri));
      remember(state.iri, strip);
    }
  }
  svgText("Geography", { x: MARGIN_LEFT - 6, y: geoTop + GEO_H - 1, class: "tl-rank-label", "text-anchor": "end" }, chart);

  // Period lanes.
  const bands = svgEl("g", { class: "tl-bands" }, svg);
  for (const lane of lanes) {
    const top = laneTop.get(lane.key)!;
    svgEl("rect", { x: 0, y: top - 2, width, height: lane.rows * ROW_H + 1, class: `tl-lane tl-lane-${lane.key}` }, bands);
    svgText(lane.label, { x: MARGIN_LEFT - 6, y: top + ROW_H / 2 + 3, class: "tl-lane-label", "text-anchor": "end" }, bands);
  }
  const bandEls = new Map<string, SVGElement>();
  // Where the next band of the same row starts: a name too long for its band may run on up to it.
  const nextStart = new Map<string, number>();
  const rowsOf = new Map<string, typeof placed>();
  for (const p of placed) rowsOf.set(`${p.lane}/${p.row}`, [...(rowsOf.get(`${p.lane}/${p.row}`) ?? []), p]);
  for (const row of rowsOf.values()) {
    const sorted = [...row].sort((a, b) => a.period.startYear - b.period.startYear);
    sorted.forEach((p, i) => {
      const next = sorted[i + 1];
      if (next) nextStart.set(p.period.iri, scale.x(next.period.startYear));
    });
  }
  for (const { period, lane, row } of placed) {
    const x = scale.x(period.startYear);
    const w = Math.max(3, scale.x(period.endYear) - x);
    const top = laneTop.get(lane)! + row * ROW_H;
    const label = `${period.label} (${formatSpan(period.startYear, period.endYear)})`;
    const g = svgEl("g", { class: `tl-band tl-band-${lane}`, "data-iri": period.iri }, bands);
    svgEl("rect", { x, y: top, width: w, height: ROW_H - 3, rx: 2 }, g);
    const spot = labelSpot(period.label, x, w, nextStart.get(period.iri) ?? scale.x1 + MARGIN_RIGHT);
    if (spot) svgText(spot.text, { x: spot.x, y: top + ROW_H - 6, class: spot.inside ? "tl-band-label" : "tl-band-label tl-band-label-outside" }, g);    svgTitle(label, g);
    activate(g, `Show ${label}`, () => handlers.onPeriod(period.iri), true);
    bandEls.set(period.iri, g);
  }

  // Events as ticks; not tab stops (there are many; search reaches them), but clickable.
  const events = svgEl("g", { class: "tl-events" }, svg);
  svgText("Events", { x: MARGIN_LEFT - 6, y: eventsTop + EVENTS_H - 3, class: "tl-lane-label", "text-anchor": "end" }, events);
  const eventEls = new Map<string, SVGElement>();
  for (const event of data.events) {
    const x = scale.x(event.startYear);
    const w = Math.max(0, scale.x(event.endYear) - x);
    const g = svgEl("g", { class: `tl-event tl-event-${event.kind}`, "data-iri": event.iri }, events);
    if (w >= 2) svgEl("rect", { x, y: eventsTop + 4, width: w, height: EVENTS_H - 8, class: "tl-event-span" }, g);
    svgEl("line", { x1: x, x2: x, y1: eventsTop, y2: eventsTop + EVENTS_H, class: "tl-event-tick" }, g);
    // A wider invisible hit area so a 1-px tick can be pointed at.
    svgEl("rect", { x: x - 3, y: eventsTop, width: w + 6, height: EVENTS_H, class: "tl-hit" }, g);
    svgTitle(`${event.label} (${formatSpan(event.startYear, event.endYear)})`, g);
    g.addEventListener("click", () => handlers.onSelect(event.iri));
    eventEls.set(event.iri, g);
  }

  // Axis, with a break mark where the scale changes pace: its own SVG, sticky under the lanes.
  const axisSvg = svgEl("svg", { class: "tl-svg tl-axis-svg", width, height: AXIS_H, viewBox: `0 ${axisTop} ${width} ${AXIS_H}`, "aria-hidden": "true" });
  const axis = svgEl("g", { class: "tl-axis" }, axisSvg);
  svgEl("line", { x1: scale.x0, x2: scale.x1, y1: axisTop, y2: axisTop, class: "tl-axis-line" }, axis);
  const narrow = scale.x1 - scale.x0 < 700;
  for (const year of axisTicks()) {
    if (narrow && year > COMPRESS_BEFORE && year % 100 !== 0 && year !== 2000) continue;
    // Before 1500 every 250 years gets a tick, every 500 its year (the stretch is narrow).
    const labelled = year >= COMPRESS_BEFORE || year % 500 === 0 || year === 1;
    const x = scale.x(year);
    svgEl("line", { x1: x, x2: x, y1: axisTop, y2: axisTop + 4, class: "tl-axis-tick" }, axis);
    if (labelled) svgText(formatYear(year), { x, y: axisTop + 15, class: "tl-axis-label", "text-anchor": "middle" }, axis);
  }
  const bx = scale.x(COMPRESS_BEFORE);
  svgEl("path", { d: `M${bx - 6},${axisTop + 4} l4,-8 M${bx - 2},${axisTop + 4} l4,-8`, class: "tl-axis-break" }, axis);
  svgTitle("The scale is compressed before 1500", axis);

  // Dimming outside the chosen range; drawn last, ignores the pointer.
  const dimLeft = svgEl("rect", { x: scale.x0, y: 0, width: 0, height: axisTop, class: "tl-dim" }, svg);
  const dimRight = svgEl("rect", { x: scale.x1, y: 0, width: 0, height: axisTop, class: "tl-dim" }, svg);

  let selected: string | undefined;
  return {
    svg,
    axisSvg,
    axis: { left: scale.x0, right: width - scale.x1 },
    setRange(from, to) {
      const left = from === undefined ? scale.x0 : scale.x(from);
      const right = to === undefined ? scale.x1 : scale.x(to);
      dimLeft.setAttribute("width", String(Math.max(0, left - scale.x0)));
      dimRight.setAttribute("x", String(right));
      dimRight.setAttribute("width", String(Math.max(0, scale.x1 - right)));
      for (const [iri, el] of bandEls) {
        const period = placed.find((p) => p.period.iri === iri)!.period;
        const active = (from === undefined || period.endYear >= from) && (to === undefined || period.startYear <= to);
        el.classList.toggle("tl-out", !active);
      }
    },
    setSelected(iri) {
      const all = (key: string | undefined) =>
        key === undefined ? [] : [...(stateEls.get(key) ?? []), bandEls.get(key), eventEls.get(key)].filter((e): e is SVGElement => !!e);
      for (const el of all(selected)) el.classList.remove("tl-selected");
      selected = iri;
      for (const el of all(iri)) el.classList.add("tl-selected");
    },
  };
}
