/**
 * Appearance panel
 * ================
 * The controls a Gephi Lite user looks for, in the legend column: size nodes by degree,
 * betweenness or evidence count; colour by class or community; label density and label size
 * sliders; and the layout re-run with its gravity and scaling, with a Stop while it runs.
 * Size and colour live in the URL (they change what a shared view shows); the sliders do not.
 */
import { COLOR_BY, COLOR_BY_LABEL, SIZE_BY, SIZE_BY_LABEL } from "../graph/appearance.ts";
import { DEFAULT_TUNING, type LayoutTuning } from "../graph/layoutPlan.ts";
import type { ViewState } from "./context.ts";
import { h } from "./dom.ts";
import { DEFAULT_LABELS } from "./graphView.ts";

export interface AppearanceActions {
  setState(patch: Partial<ViewState>): void;
  /** Re-runs the layout with these parameters; resolves when it ends or is stopped. */
  relayout(tuning: LayoutTuning): Promise<void>;
  stopLayout(): void;
}

export interface AppearancePanel {
  update(state: ViewState): void;
  /** The layout started or ended elsewhere (first load, a new view). */
  layoutRunning(running: boolean): void;
}

function slider(id: string, label: string, min: number, max: number, step: number, value: number, onInput: (value: number) => void): { row: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { type: "range", id, min, max, step, value: String(value) });
  const out = h("output", { for: id }, String(value));
  input.addEventListener("input", () => {
    out.textContent = input.value;
    onInput(Number(input.value));
  });
  return { row: h("div", { class: "slider-row" }, h("label", { for: id }, label), input, out), input };
}

function select<K extends string>(id: string, label: string, options: readonly K[], names: Record<K, string>, onChange: (value: K) => void): { row: HTMLElement; select: HTMLSelectElement } {
  const el = h("select", { id }, ...options.map((o) => h("option", { value: o }, names[o])));
  el.addEventListener("change", () => onChange(el.value as K));
  return { row: h("div", { class: "select-row" }, h("label", { for: id }, label), el), select: el };
}

export function mountAppearancePanel(container: HTMLElement, actions: AppearanceActions): AppearancePanel {
  const size = select("appearance-size", "Size by", SIZE_BY, SIZE_BY_LABEL, (v) => actions.setState({ sizeBy: v === "degree" ? undefined : v }));
  const colour = select("appearance-colour", "Colour by", COLOR_BY, COLOR_BY_LABEL, (v) => actions.setState({ colorBy: v === "class" ? undefined : v }));
  let state: ViewState = {};
  const density = slider("label-density", "Label density", 0, 1, 0.05, DEFAULT_LABELS.density, (v) => actions.setState({ labelDensity: v }));
  const labelSize = slider("label-size", "Label size", 8, 28, 1, DEFAULT_LABELS.size, (v) => actions.setState({ labelSize: v }));
  const tuning: LayoutTuning = { ...DEFAULT_TUNING };
  const gravity = slider("layout-gravity", "Gravity", 0, 1, 0.01, tuning.gravity, (v) => (tuning.gravity = v));
  const scaling = slider("layout-scaling", "Scaling", 1, 50, 1, tuning.scalingRatio, (v) => (tuning.scalingRatio = v));
  const run = h("button", { type: "button", id: "layout-run", class: "small" }, "Re-run layout");
  const stop = h("button", { type: "button", id: "layout-stop", class: "small", disabled: true }, "Stop");
  const layoutRunning = (running: boolean) => {
    run.disabled = running;
    stop.disabled = !running;
  };
  run.addEventListener("click", () => {
    layoutRunning(true);
    void actions.relayout({ ...tuning }).finally(() => layoutRunning(false));
  });
  stop.addEventListener("click", () => actions.stopLayout());
  container.append(
    h(
      "fieldset",
      { class: "appearance" },
      h("legend", {}, "Appearance"),
      size.row,
      colour.row,
      density.row,
      labelSize.row,
      h("details", { class: "layout-controls" }, h("summary", {}, "Layout"), gravity.row, scaling.row, h("div", { class: "actions" }, run, stop)),
    ),
  );
  return {
    update(next) {
      state = next;
      size.select.value = state.sizeBy ?? "degree";
      colour.select.value = state.colorBy ?? "class";
      if (document.activeElement !== density.input) density.input.value = String(state.labelDensity ?? DEFAULT_LABELS.density);
      if (document.activeElement !== labelSize.input) labelSize.input.value = String(state.labelSize ?? DEFAULT_LABELS.size);
    },
    layoutRunning,
  };
}
