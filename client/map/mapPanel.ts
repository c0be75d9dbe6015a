/**
 * Map panel
 * =========
 * `mountMapPanel`: the Map view over the network's area, switched by a Network | Map toggle
 * (ViewState `display`, in the URL with the map's camera). It loads the places (/api/v1/places) and
 * the base map (world-atlas, bundled: no network beyond the page's own server), follows the
 * timeline's window (ViewState from/to, so the timeline's Play animates it), selects a place or a
 * change in the details panel (which shows its evidence), and lists beside the map what happened
 * in the window and the places it cannot draw.
 */
import type { MapHappening, PlacesMap } from "../../contract/api.ts";
import type { ExplorerContext, PanelMount, ViewState } from "../views/context.ts";
import { RELATION_LABEL, RELATION_STYLE } from "../graph/palette.ts";
import { baseLayers, type WorldTopology } from "./geometry.ts";
import { mapFrame, yearsLabel, type MapFrame } from "./mapModel.ts";
import { CHANGE_COLOR, MapView } from "./mapView.ts";
import "./map.css";

/** What tests and the benchmark read from the page. */
export interface MapProbe {
  state: "idle" | "loading" | "drawn" | "error";
  /** performance.now() when the first frame with the base map and markers was drawn. */
  firstFrameAt?: number;
  /** From the Map view's first request to that frame. */
  firstFrameMs?: number;
  /** performance.now() when the panel was mounted (the page mounts it once the graph is loaded). */
  mountedAt?: number;
  view?: MapView;
}
declare global {
  interface Window {
    caspianMap?: MapProbe;
  }
}

type Load = { type: "idle" } | { type: "loading" } | { type: "error"; message: string } | { type: "ready"; data: PlacesMap };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The relation kinds a map marker can take, for the legend. */
const LEGEND_RELATIONS = ["war", "rivalry", "threat", "treatyParty", "alliance", "other"] as const;

export const mountMapPanel: PanelMount = (container: HTMLElement, ctx: ExplorerContext) => {
  const probe: MapProbe = (window.caspianMap = { state: "idle", mountedAt: performance.now() });
  const area = container.parentElement!;
  let load: Load = { type: "idle" };
  let view: MapView | undefined;
  let frame: MapFrame | undefined;
  const abort = new AbortController();

  // ---- the Network | Map switch, over the graph area
  const toggle = el("div", { class: "view-switch", role: "group", "aria-label": "Main view" });
  const networkButton = el("button", { type: "button", "data-view": "network", "aria-pressed": "true" }, "Network");
  const mapButton = el("button", { type: "button", "data-view": "map", "aria-pressed": "false", "data-testid": "view-map" }, "Map");
  toggle.append(networkButton, mapButton);
  area.append(toggle);
  networkButton.addEventListener("click", () => ctx.setState({ display: undefined }, { push: true }));
  mapButton.addEventListener("click", () => ctx.setState({ display: "map" }, { push: true }));

  // ---- the map's own layout: stage (SVG) and side list
  container.classList.add("map-view");
  const stage = el("div", { class: "map-stage" });
  const side = el("aside", { class: "map-side", "aria-label": "What the map shows" });
  const status = el("p", { class: "map-status", "aria-live": "polite" }, "");
  const controls = el("div", { class: "map-zoom" });
  const zoomIn = el("button", { type: "button", "aria-label": "Zoom the map in" }, "+");
  const zoomOut = el("button", { type: "button", "aria-label": "Zoom the map out" }, "−");
  const fit = el("button", { type: "button", "aria-label": "Show the whole region" }, "Fit");
  controls.append(zoomIn, zoomOut, fit);
  const legend = el("div", { class: "map-legend", "aria-label": "Map legend" });
  for (const kind of LEGEND_RELATIONS) {
    const item = el("span", { class: "map-legend-item" });
    const swatch = el("span", { class: "map-swatch", "aria-hidden": "true" });
    swatch.style.background = RELATION_STYLE[kind].color;
    item.append(swatch, document.createTextNode(RELATION_LABEL[kind]));
    legend.append(item);
  }
  const changeItem = el("span", { class: "map-legend-item" });
  const ring = el("span", { class: "map-swatch map-swatch-change", "aria-hidden": "true" });
  ring.style.borderColor = CHANGE_COLOR;
  changeItem.append(ring, document.createTextNode("Territorial change (ceded, annexed, occupied …)"));
  legend.append(changeItem);
  const windowHeading = el("h3", {}, "In this window");
  const happeningList = el("ol", { class: "map-happenings", "data-testid": "map-happenings" });
  const unplacedHeading = el("h3", {}, "Not on the map");
  const unplacedNote = el("p", { class: "muted" }, "No single point stands for these places:");
  const unplacedList = el("ul", { class: "map-unplaced", "data-testid": "map-unplaced" });
  side.append(status, windowHeading, happeningList, unplacedHeading, unplacedNote, unplacedList);
  container.append(stage, side);
  stage.append(controls, legend);

  zoomIn.addEventListener("click", () => view?.zoomBy(1.4));
  zoomOut.addEventListener("click", () => view?.zoomBy(1 / 1.4));
  fit.addEventListener("click", () => {
    view?.setCamera(undefined);
    ctx.setState({ map: undefined }, { push: true });
  });

  const select = (iri: string) => ctx.setState({ selected: iri, selectedEdge: undefined, tab: "details" }, { push: true });

  function ensureLoaded(): void {
    if (load.type !== "idle") return;
    load = { type: "loading" };
    probe.state = "loading";
    const started = performance.now();
    status.textContent = "Loading the map…";
    Promise.all([ctx.api.getPlaces(abort.signal), import("world-atlas/countries-50m.json")])
      .then(([data, atlas]) => {
        load = { type: "ready", data };
        view = new MapView(stage, {
          select,
          camera: (camera) => ctx.setState({ map: camera }, { push: false }),
        });
        probe.view = view;
        view.setBase(baseLayers((atlas as { default?: unknown }).default as WorldTopology ?? (atlas as unknown as WorldTopology)));
        fillUnplaced(data);
        sync(ctx.getState());
        requestAnimationFrame(() => {
          probe.firstFrameAt = performance.now();
          probe.firstFrameMs = probe.firstFrameAt - started;
          probe.state = "drawn";
          container.dataset.state = "drawn";
        });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        load = { type: "error", message: error instanceof Error ? error.message : String(error) };
        probe.state = "error";
        status.textContent = `The map could not be loaded: ${load.message}`;
        status.setAttribute("role", "alert");
      });
  }

  function fillUnplaced(data: PlacesMap): void {
    const unplaced = mapFrame(data).unplaced;
    unplacedList.replaceChildren(
      ...unplaced.map((place) => {
        const item = el("li");
        const button = el("button", { type: "button", class: "link-button", "data-iri": place.iri }, place.label);
        button.addEventListener("click", () => select(place.iri));
        item.append(button);
        return item;
      }),
    );
  }

  function fillHappenings(current: MapFrame, state: ViewState): void {
    const windowed = state.from !== undefined || state.to !== undefined;
    const shown: MapHappening[] = [];
    const seen = new Set<string>();
    for (const marker of current.markers) {
      for (const h of marker.happenings) {
        if (seen.has(h.iri)) continue;
        seen.add(h.iri);
        shown.push(h);
      }
    }
    shown.sort((a, b) => (a.startYear ?? Infinity) - (b.startYear ?? Infinity) || (a.label < b.label ? -1 : 1));
    const places = new Map(load.type === "ready" ? load.data.places.map((p) => [p.iri, p.label]) : []);
    const placesOf = (iri: string) => [...new Set(current.markers.filter((m) => m.happenings.some((h) => h.iri === iri)).map((m) => places.get(m.place.iri)!))];
    const year = (n: number | undefined, open: string) => (n === undefined ? open : yearsLabel({ startYear: n }));
    windowHeading.textContent = windowed ? `In ${year(state.from, "…")}–${year(state.to, "…")}: ${shown.length} at their places` : `Everything at a place: ${shown.length}`;
    happeningList.replaceChildren(
      ...shown.map((h) => {
        const item = el("li", { "data-iri": h.iri, ...(h.change ? { "data-change": h.change } : {}) });
        const button = el("button", { type: "button", class: "link-button" }, h.label);
        button.addEventListener("click", () => select(h.iri));
        const swatch = el("span", { class: "map-swatch", "aria-hidden": "true" });
        swatch.style.background = RELATION_STYLE[h.relation].color;
        item.append(swatch, el("span", { class: "map-year" }, yearsLabel(h)), button, el("span", { class: "muted" }, ` at ${placesOf(h.iri).join(", ")}${h.change ? ` (${h.change})` : ""}`));
        return item;
      }),
    );
    status.textContent = windowed && current.undated ? `${current.undated} undated happening${current.undated === 1 ? "" : "s"} left out of this window.` : "";
  }

  let shownKey = "";
  function sync(state: ViewState): void {
    const on = state.display === "map";
    container.hidden = !on;
    area.classList.toggle("showing-map", on);
    networkButton.setAttribute("aria-pressed", String(!on));
    mapButton.setAttribute("aria-pressed", String(on));
    if (!on) return;
    ensureLoaded();
    if (load.type !== "ready" || !view) return;
    view.resize();
    const key = JSON.stringify([state.from, state.to]);
    if (key !== shownKey || !frame) {
      shownKey = key;
      frame = mapFrame(load.data, state.from, state.to);
      view.setFrame(frame);
      fillHappenings(frame, state);
    }
    const camera = view.getCamera();
    if (state.map && (state.map.lon !== camera.lon || state.map.lat !== camera.lat || state.map.zoom !== camera.zoom)) view.setCamera(state.map);
    else if (!state.map && camera.zoom !== 1) view.setCamera(undefined);
    view.setSelected(state.selected);
  }

  const unsubscribe = ctx.subscribe(sync);
  const resize = new ResizeObserver(() => view?.resize());
  resize.observe(stage);
  sync(ctx.getState());

  return () => {
    abort.abort();
    unsubscribe();
    resize.disconnect();
    toggle.remove();
    container.replaceChildren();
  };
};
