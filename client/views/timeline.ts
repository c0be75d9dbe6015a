/**
 * Timeline panel
 * ==============
 * `mountTimeline`: the full-width strip under the graph. It shows the chart of timelineChart.ts,
 * and sets the view's year range (ViewState from/to) by a period picker, two range sliders on the
 * chart's compressed scale, a click on a period band, or a play button that sweeps a window
 * across the years. A click on a relationship state or event selects it.
 */
import type { Timeline } from "../../contract/api.ts";
import type { ExplorerContext, PanelMount, ViewState } from "./context.ts";
import "./panels.css";
import { drawTimeline, LEVEL_NAMES, type TimelineChart } from "./timelineChart.ts";
import { LANE_LABELS, laneOf } from "../graph/timelineLanes.ts";
import { createSweep } from "../graph/timelinePlay.ts";
import { formatSpan, formatYear, MAX_YEAR, MIN_YEAR, SLIDER_STEPS, sliderToYear, yearToSlider } from "../graph/timelineScale.ts";

type Load = { type: "loading" } | { type: "error"; message: string } | { type: "ready"; data: Timeline };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export const mountTimeline: PanelMount = (container: HTMLElement, ctx: ExplorerContext) => {
  let load: Load = { type: "loading" };
  let chart: TimelineChart | undefined;
  const abort = new AbortController();

  // The page's container is the labelled landmark; this is only the panel's box.
  const root = el("div", { class: "cas-panel cas-timeline" });
  const controls = el("div", { class: "tl-controls" });
  const periodLabel = el("label", { class: "tl-period-label" }, "Period ");
  const periodSelect = el("select", { class: "tl-period", "data-testid": "timeline-period" });
  periodLabel.append(periodSelect);
  const playButton = el("button", { type: "button", class: "tl-play", "aria-pressed": "false", "data-testid": "timeline-play" }, "▶ Play");
  const allButton = el("button", { type: "button", class: "tl-all", "data-testid": "timeline-all" }, "All years");
  const rangeText = el("output", { class: "tl-range-text", "aria-live": "polite" });
  controls.append(periodLabel, playButton, allButton, rangeText);

  const legend = el("div", { class: "tl-legend", "aria-label": "Legend" });
  const chartBox = el("div", { class: "tl-chart" });
  const status = el("p", { class: "cas-status" }, "Loading timeline…");
  chartBox.append(status);
  // A large store's timeline carries only its most connected events; this says so, and a
  // narrower range of years fetches that range's own events.
  const note = el("p", { class: "cas-status tl-note", "data-testid": "timeline-note", hidden: "" });
  let overview: Timeline | undefined;
  let fetchedWindow = "";
  let windowAbort: AbortController | undefined;

  const sliders = el("div", { class: "tl-sliders" });
  const fromInput = el("input", { type: "range", min: "0", max: String(SLIDER_STEPS), step: "1", "aria-label": "From year", class: "tl-from", "data-testid": "timeline-from" });
  const toInput = el("input", { type: "range", min: "0", max: String(SLIDER_STEPS), step: "1", "aria-label": "To year", class: "tl-to", "data-testid": "timeline-to" });
  sliders.append(fromInput, toInput);
  root.append(controls, legend, chartBox, note, sliders);
  container.append(root);

  buildLegend(legend);

  function periods() {
    return load.type === "ready" ? load.data.periods : [];
  }

  function setRange(from: number | undefined, to: number | undefined, push: boolean): void {
    const full = (from === undefined || from <= MIN_YEAR) && (to === undefined || to >= MAX_YEAR);
    ctx.setState(full ? { from: undefined, to: undefined } : { from, to }, { push });
  }

  let disposed = false;
  const sweep = createSweep({
    frame: (from, to) => ctx.setState({ from, to }),
    // The sweep replaces the URL as it goes; where it stops becomes one history entry.
    onStop: () => {
      if (disposed) return;
      const { from, to } = ctx.getState();
      ctx.setState({ from, to }, { push: true });
    },
    onPlaying: (playing) => {
      playButton.textContent = playing ? "■ Stop" : "▶ Play";
      playButton.setAttribute("aria-pressed", String(playing));
    },
  });
  const stopPlay = () => sweep.stop();

  playButton.addEventListener("click", () => {
    if (sweep.playing) sweep.stop();
    else sweep.play(ctx.getState().from, ctx.getState().to);
  });
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") stopPlay();
  });
  allButton.addEventListener("click", () => {
    stopPlay();
    setRange(undefined, undefined, true);
  });
  periodSelect.addEventListener("change", () => {
    stopPlay();
    const period = periods().find((p) => p.iri === periodSelect.value);
    if (period) setRange(period.startYear, period.endYear, true);
    else if (periodSelect.value === "") setRange(undefined, undefined, true);
  });

  // While dragging only the chart's dimming follows; the view state changes on release.
  const preview = () => {
    const [a, b] = sliderYears();
    chart?.setRange(a, b);
    rangeText.textContent = describeRange(a, b);
  };
  const commit = () => {
    stopPlay();
    const [a, b] = sliderYears();
    setRange(a, b, true);
  };
  function sliderYears(): [number, number] {
    let a = Number(fromInput.value);
    let b = Number(toInput.value);
    if (a > b) [a, b] = [b, a];
    return [sliderToYear(a), sliderToYear(b)];
  }
  for (const input of [fromInput, toInput]) {
    input.addEventListener("input", () => {
      preview();
      input.setAttribute("aria-valuetext", formatYear(sliderToYear(Number(input.value))));
    });
    input.addEventListener("change", commit);
  }

  function render(): void {
    if (load.type !== "ready") return;
    const width = Math.max(480, Math.floor(chartBox.clientWidth || container.clientWidth || 960));
    const next = drawTimeline(load.data, width, {
      onPeriod(iri) {
        stopPlay();
        const period = periods().find((p) => p.iri === iri);
        if (period) ctx.setState({ from: period.startYear, to: period.endYear }, { push: true });
      },
      onSelect(iri) {
        ctx.setState({ selected: iri }, { push: true });
      },
    });
    chartBox.replaceChildren(next.svg, next.axisSvg);
    chart = next;
    sliders.style.paddingLeft = `${next.axis.left}px`;
    sliders.style.paddingRight = `${next.axis.right}px`;
    sync(ctx.getState());
  }

  function fillPeriodSelect(data: Timeline): void {
    const options: HTMLOptionElement[] = [el("option", { value: "" }, "All years")];
    const custom = el("option", { value: "custom", disabled: "", hidden: "" }, "Custom range");
    options.push(custom);
    // Lanes in the chart's order (Iran, Russia, ages, other), each sorted by start year.
    const groups = new Map<string, HTMLOptGroupElement>(
      (["iran", "russia", "ages", "other"] as const).map((lane) => [lane, el("optgroup", { label: LANE_LABELS[lane] })]),
    );
    const sorted = [...data.periods].sort((a, b) => a.startYear - b.startYear || b.endYear - a.endYear);
    for (const period of sorted) {
      groups.get(laneOf(period))!.append(el("option", { value: period.iri }, `${period.label} (${formatSpan(period.startYear, period.endYear)})`));
    }
    periodSelect.replaceChildren(...options, ...[...groups.values()].filter((g) => g.childElementCount > 0));
  }

  function showNote(data: Timeline): void {
    note.textContent = data.eventsOmitted ?? "";
    note.hidden = !data.eventsOmitted;
  }

  /** When the overview was cut, the window's own events replace it while a window is set. */
  function followWindow(from: number | undefined, to: number | undefined): void {
    if (!overview?.eventsOmitted) return;
    const key = `${from ?? ""}:${to ?? ""}`;
    if (key === fetchedWindow) return;
    fetchedWindow = key;
    windowAbort?.abort();
    if (from === undefined && to === undefined) {
      load = { type: "ready", data: overview };
      showNote(overview);
      render();
      return;
    }
    const controller = (windowAbort = new AbortController());
    ctx.api
      .getTimeline(controller.signal, { from, to })
      .then((windowed) => {
        if (controller.signal.aborted || !overview) return;
        load = { type: "ready", data: { ...overview, events: windowed.events, eventCount: windowed.eventCount, eventsOmitted: windowed.eventsOmitted, eventBuckets: windowed.eventBuckets } };
        showNote(windowed);
        render();
      })
      .catch(() => {
        // The overview stays drawn; the next change of range tries again.
        if (fetchedWindow === key) fetchedWindow = "";
      });
  }

  function sync(state: ViewState): void {
    const from = state.from;
    const to = state.to;
    followWindow(from, to);
    fromInput.value = String(from === undefined ? 0 : yearToSlider(from));
    toInput.value = String(to === undefined ? SLIDER_STEPS : yearToSlider(to));
    fromInput.setAttribute("aria-valuetext", formatYear(from ?? MIN_YEAR));
    toInput.setAttribute("aria-valuetext", formatYear(to ?? MAX_YEAR));
    rangeText.textContent = describeRange(from, to);
    chart?.setRange(from, to);
    chart?.setSelected(state.selected);
    if (from === undefined && to === undefined) periodSelect.value = "";
    else {
      const match = periods().find((p) => p.startYear === from && p.endYear === to && p.iri === periodSelect.value)
        ?? periods().find((p) => p.startYear === from && p.endYear === to);
      periodSelect.value = match ? match.iri : "custom";
    }
  }

  const unsubscribe = ctx.subscribe(sync);
  let resizeFrame = 0;
  // Redraw only when the width changes: inserting the chart changes the box's height too.
  const resize = new ResizeObserver(() => {
    if (chart && chart.svg.width.baseVal.value === Math.max(480, Math.floor(chartBox.clientWidth))) return;
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(render);
  });
  resize.observe(chartBox);

  ctx.api
    .getTimeline(abort.signal)
    .then((data) => {
      load = { type: "ready", data };
      overview = data;
      showNote(data);
      fillPeriodSelect(data);
      render();
    })
    .catch((error: unknown) => {
      if (abort.signal.aborted) return;
      load = { type: "error", message: error instanceof Error ? error.message : String(error) };
      status.textContent = `The timeline could not be loaded: ${load.message}`;
      status.setAttribute("role", "alert");
    });

  return () => {
    disposed = true;
    abort.abort();
    windowAbort?.abort();
    sweep.stop();
    unsubscribe();
    resize.disconnect();
    cancelAnimationFrame(resizeFrame);
    root.remove();
  };
};

function describeRange(from: number | undefined, to: number | undefined): string {
  if (from === undefined && to === undefined) return "All years";
  return formatSpan(from ?? MIN_YEAR, to ?? MAX_YEAR);
}

function buildLegend(legend: HTMLElement): void {
  const title = el("span", { class: "tl-legend-title" }, "Iran–Russia relations:");
  legend.append(title);
  for (const [rank, name] of Object.entries(LEVEL_NAMES)) {
    const item = el("span", { class: "tl-legend-item" });
    item.append(el("span", { class: `tl-swatch tl-rank-${rank}`, "aria-hidden": "true" }), document.createTextNode(name));
    legend.append(item);
  }
  const border = el("span", { class: "tl-legend-item" });
  border.append(el("span", { class: "tl-swatch tl-swatch-border", "aria-hidden": "true" }), document.createTextNode("Shared border"));
  const distance = el("span", { class: "tl-legend-item" });
  distance.append(el("span", { class: "tl-swatch tl-swatch-distance", "aria-hidden": "true" }), document.createTextNode("Geographical distance"));
  legend.append(border, distance);
}
