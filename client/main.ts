/**
 * Explorer
 * ========
 * The composition root of the page: loads the graph, lays it out in a worker, wires the state
 * (in the URL) to the sigma view and the panels, and mounts the timeline, paths and lens panels.
 */
/// <reference types="vite/client" />
import type { GraphPayload } from "../contract/api.ts";
import * as api from "./api/client.ts";
import { addNeighbourhood, mergeNeighbours } from "./graph/addNeighbourhood.ts";
import { applyColor, applySize } from "./graph/appearance.ts";
import { buildGraph, countKinds, refreshDerived, resize, type ExplorerGraph } from "./graph/model.ts";
import { runLayout, type LayoutHandle, type LayoutStats } from "./graph/runLayout.ts";
import { createBusy } from "./views/busy.ts";
import type { ExplorerContext, PanelMount, ViewState } from "./views/context.ts";
import { createDetailsPanel } from "./views/detailsPanel.ts";
import { h } from "./views/dom.ts";
import { mountAppearancePanel } from "./views/appearancePanel.ts";
import { mountFilterPanel } from "./views/filterPanel.ts";
import { DEFAULT_LABELS, GraphView } from "./views/graphView.ts";
import { mountViewToggle } from "./views/viewToggle.ts";
import { mountSearchBox } from "./views/searchBox.ts";
import { createSourceDialog } from "./views/sourceDialog.ts";
import { mountTabs } from "./views/tabs.ts";
import { applyTheme, systemTheme, THEME_COLORS, type Theme } from "./views/theme.ts";
import { createStateStore } from "./views/urlState.ts";
import { mountExportDialog } from "./views/exportDialog.ts";
import { mountUploadPanel } from "./views/uploadPanel.ts";

/** What tests and the benchmark read from the page (the page works without it). */
interface ExplorerProbe {
  state: "loading" | "drawn" | "ready" | "error";
  layout?: LayoutStats;
  /** From the start of the graph request to sigma's first drawn frame. */
  firstFrameMs?: number;
  /** performance.now() at the first drawn frame: milliseconds since navigation started. */
  firstFrameAt?: number;
  view?: GraphView;
}
declare global {
  interface Window {
    caspian: ExplorerProbe;
  }
}
const probe: ExplorerProbe = (window.caspian = { state: "loading" });

const $ = (id: string) => document.getElementById(id)!;
const store = createStateStore();
const busy = createBusy($("graph").parentElement!);
const status = $("graph-status");
const graphContainer = $("graph");

let view: GraphView | undefined;
let graph: ExplorerGraph | undefined;
let layout: LayoutHandle | undefined;
const theme = (): Theme => store.get().theme ?? systemTheme();

function setState(patch: Partial<ViewState>, options: { push?: boolean } = { push: true }) {
  store.set(patch, options);
}

function select(iri: string | undefined) {
  setState({ selected: iri, selectedEdge: undefined, tab: "details" });
}

function focusNode(iri: string) {
  select(iri);
  if (view && graph?.hasNode(iri)) view.centreOn(iri);
}

// ---- panels ------------------------------------------------------------------------------
const sourceDialog = createSourceDialog(busy);
const details = createDetailsPanel($("panel-details"), {
  select: (iri) => focusNode(iri),
  expand: (iri) => void expandNeighbours(iri),
  hide: (iri) => setState({ hidden: [...(store.get().hidden ?? []), iri], selected: store.get().selected === iri ? undefined : store.get().selected }),
  showInText: (ev) => void sourceDialog.open(ev.iri, ev.quote),
  busy,
  window: () => ({ from: store.get().from, to: store.get().to, editorial: store.get().editorial }),
});
// Every PanelMount returns its cleanup (listeners, workers, sigma instances); the page calls them
// when it is left, so a panel never outlives its page (bfcache included).
const unmounts: (() => void)[] = [];
window.addEventListener("pagehide", () => {
  for (const unmount of unmounts.splice(0)) unmount();
});

const filters = mountFilterPanel($("filters"), (patch) => setState(patch));
const appearance = mountAppearancePanel($("filters"), {
  setState: (patch) => setState(patch, { push: false }),
  relayout: async (tuning) => {
    if (!graph) return;
    layout?.stop();
    const current = (layout = runLayout(graph, () => view?.scheduleRelabel(), tuning));
    graphContainer.dataset.layout = "running";
    await current.done;
    if (layout !== current) return;
    graphContainer.dataset.layout = "done";
    remember(graph, store.get().view ?? "actors");
    view?.scheduleRelabel();
  },
  stopLayout: () => layout?.stop(),
});
const viewToggle = mountViewToggle($("graph").parentElement!, (full) => setState({ view: full ? "full" : undefined, selectedEdge: undefined }));
unmounts.push(mountSearchBox($("search"), (hit) => focusNode(hit.iri), () => ({ from: store.get().from, to: store.get().to })));
mountUploadPanel($("panel-data"), { changed: () => {} });
unmounts.push(mountExportDialog($("reset"), () => graph, () => store.get()));
const showTab = mountTabs(
  $("side-tabs"),
  [
    { id: "details", label: "Details", panel: $("panel-details") },
    { id: "paths", label: "Paths", panel: $("panel-paths") },
    { id: "lens", label: "Third parties", panel: $("panel-lens") },
    { id: "query", label: "Query", panel: $("panel-query") },
    { id: "data", label: "Data", panel: $("panel-data") },
  ],
  (id) => setState({ tab: id }),
);

// ---- expand / reset / theme / zoom ---------------------------------------------------------
async function expandNeighbours(iri: string) {
  if (!graph) return;
  // The neighbours route answers with whole nodes under its own budget; an entity that is not a
  // node of the graph view (404 there) still has its relations in the entity view.
  const merged = await busy(
    "Expanding…",
    api.getNeighbours(iri).then(
      (payload) => mergeNeighbours(graph!, iri, payload),
      async (error: unknown) => {
        if (!(error instanceof api.ApiRequestError && error.status === 404)) throw error;
        return addNeighbourhood(graph!, await api.getEntity(iri));
      },
    ),
  );
  const { neighbours, addedNodes, addedEdges } = merged;
  const before = store.get().hidden ?? [];
  const label = graph.hasNode(iri) ? graph.getNodeAttribute(iri, "label") : iri;
  const broughtBack = before.filter((n) => neighbours.has(n) || n === iri).length;
  if ("omitted" in merged && merged.omitted) status.textContent = `Neighbours of ${label}: ${merged.omitted}`;
  // Saying nothing looked like a broken button: say that there was nothing to add.
  else if (addedNodes === 0 && addedEdges === 0 && broughtBack === 0) status.textContent = `All ${neighbours.size} neighbours of ${label} are already shown.`;
  else status.textContent = `Added ${addedNodes} node${addedNodes === 1 ? "" : "s"} and ${addedEdges} edge${addedEdges === 1 ? "" : "s"} around ${label}.`;
  if (addedNodes > 0 || addedEdges > 0) {
    // Index the new nodes in sigma before their sizes change: a partial repaint of a node sigma
    // has not indexed yet throws.
    view?.sigma.refresh();
    resize(graph);
    refreshDerived(graph);
    applyAppearance(store.get(), true);
    view?.graphChanged();
  }
  const hidden = before.filter((n) => !neighbours.has(n) && n !== iri);
  setState({ hidden: hidden.length ? hidden : undefined, selected: iri });
  refreshCounts();
}

$("reset").addEventListener("click", () => {
  store.replace({ theme: store.get().theme }, { push: true });
  view?.setFocus({ highlightNodes: undefined, highlightEdges: undefined, colorByNode: undefined });
  void view?.sigma.getCamera().animatedReset({ duration: 300 });
});
// The header's SPARQL button opens the workbench; /sparql itself answers the service description.
$("open-sparql").addEventListener("click", (event) => {
  event.preventDefault();
  setState({ tab: "query" });
  requestAnimationFrame(() => ($("panel-query").querySelector<HTMLElement>(".cm-content, textarea") ?? $("tab-query")).focus());
});
const themeButton = $("theme-toggle");
themeButton.addEventListener("click", () => setState({ theme: theme() === "dark" ? "light" : "dark" }));
$("zoom-in").addEventListener("click", () => void view?.sigma.getCamera().animatedZoom({ duration: 200 }));
$("zoom-out").addEventListener("click", () => void view?.sigma.getCamera().animatedUnzoom({ duration: 200 }));
$("zoom-fit").addEventListener("click", () => void view?.sigma.getCamera().animatedReset({ duration: 300 }));

// The canvas itself takes the keyboard too: arrows pan, + and - zoom, Escape clears the selection.
graphContainer.addEventListener("keydown", (event) => {
  const camera = view?.sigma.getCamera();
  if (!camera) return;
  const step = 0.1 * camera.ratio;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  const move = moves[event.key];
  if (move) {
    event.preventDefault();
    const state = camera.getState();
    void camera.animate({ x: state.x + move[0], y: state.y + move[1] }, { duration: 100 });
  } else if (event.key === "+" || event.key === "=") void camera.animatedZoom({ duration: 150 });
  else if (event.key === "-") void camera.animatedUnzoom({ duration: 150 });
  else if (event.key === "Escape") setState({ selected: undefined, selectedEdge: undefined });
});

// ---- state → view --------------------------------------------------------------------------
let shown: { node?: string; edge?: string } = {};
let shownTheme: Theme | undefined;
let shownFocusKey: string | undefined;

function refreshCounts() {
  if (!graph) return;
  const a = graph.getAttributes() as GraphAttributes;
  const windowed = Boolean(a.window && (a.window.from !== undefined || a.window.to !== undefined));
  filters.update(store.get(), { ...countKinds(graph), omitted: { undated: a.undatedOmitted, editorial: a.editorialOmitted, windowed } });
}

/** The graph attributes the server's time rule and editorial switch report. */
interface GraphAttributes {
  window?: { from?: number; to?: number };
  undatedOmitted?: number;
  editorialOmitted?: number;
}

// ---- appearance: size and colour by, labels ----------------------------------------------------
let shownAppearance: string | undefined;
function applyAppearance(state: ViewState, force = false) {
  if (!graph) return;
  const key = JSON.stringify([state.sizeBy, state.colorBy, graph.order, graph.size]);
  if (key !== shownAppearance || force) {
    shownAppearance = key;
    applySize(graph, state.sizeBy ?? "degree");
    applyColor(graph, state.colorBy ?? "class");
  }
  view?.setLabels({ density: state.labelDensity ?? DEFAULT_LABELS.density, size: state.labelSize ?? DEFAULT_LABELS.size });
}

/** What the server must answer again when it changes: the view and the time window. */
const graphQueryKey = (state: ViewState) => JSON.stringify([state.view, state.from, state.to, state.undated, state.editorial]);
let loadedQueryKey: string | undefined;

function applyState(state: ViewState) {
  const t = theme();
  if (t !== shownTheme) {
    shownTheme = t;
    applyTheme(t);
    themeButton.setAttribute("aria-pressed", String(t === "dark"));
    themeButton.textContent = t === "dark" ? "Light theme" : "Dark theme";
    view?.setTheme(THEME_COLORS[t]);
  }
  showTab(state.tab ?? "details");
  appearance.update(state);
  viewToggle.update(state.view === "full");
  if (loadedQueryKey !== undefined && graphQueryKey(state) !== loadedQueryKey) void loadGraph();
  applyAppearance(state);
  // Camera moves change the state many times a second: only a change of what is drawn may
  // re-run the reducers (a full sigma refresh) or rebuild the legend.
  const focusKey = JSON.stringify([state.selected, state.selectedEdge, state.kinds, state.relations, state.hidden, state.hiddenClasses, state.from, state.to, graph?.order, graph?.size]);
  if (focusKey !== shownFocusKey) {
    shownFocusKey = focusKey;
    refreshCounts();
    view?.setFocus({
      selected: state.selected,
      selectedEdge: state.selectedEdge,
      kinds: state.kinds ? new Set(state.kinds) : undefined,
      relations: state.relations ? new Set(state.relations) : undefined,
      hidden: new Set(state.hidden ?? []),
      hiddenClasses: new Set(state.hiddenClasses ?? []),
      from: state.from,
      to: state.to,
    });
  }
  if (state.selectedEdge && graph?.hasEdge(state.selectedEdge)) {
    if (shown.edge !== state.selectedEdge) {
      const key = state.selectedEdge;
      const [s, t2] = graph.extremities(key);
      const ref = (n: string) => ({ iri: n, label: graph!.getNodeAttribute(n, "label") });
      void details.showEdge(key, graph.getEdgeAttributes(key), ref(s), ref(t2));
    }
    shown = { edge: state.selectedEdge };
  } else if (state.selected) {
    if (shown.node !== state.selected) void details.showNode(state.selected);
    shown = { node: state.selected };
  } else if (shown.node || shown.edge || graph) {
    if (shown.node || shown.edge) details.clear();
    shown = {};
  }
}
store.subscribe(applyState);
applyState(store.get());

// ---- the graph -----------------------------------------------------------------------------
let panelsMounted = false;

let loading: AbortController | undefined;

/** Laid-out positions per view, so a new window of the same view keeps every node where it was. */
const positions = new Map<string, Map<string, { x: number; y: number }>>();
function remember(g: ExplorerGraph, viewName: string) {
  const map = positions.get(viewName) ?? new Map<string, { x: number; y: number }>();
  g.forEachNode((node, a) => map.set(node, { x: a.x, y: a.y }));
  positions.set(viewName, map);
}
/** Puts the nodes laid out before where they were; returns how many it placed. */
function placedBefore(g: ExplorerGraph, viewName: string): number {
  const map = positions.get(viewName);
  if (!map) return 0;
  let placed = 0;
  g.updateEachNodeAttributes((node, a) => {
    const p = map.get(node);
    if (p) {
      a.x = p.x;
      a.y = p.y;
      placed++;
    }
    return a;
  }, { attributes: ["x", "y"] });
  return placed;
}

/** One line under the graph: what is drawn, and what the view left out and why. */
function graphStatus(a: GraphPayload["attributes"] & GraphAttributes, nodes: number, edges: number, state: ViewState): string {
  const parts = [state.view === "full" ? `Full graph: ${nodes} nodes, ${edges} edges` : `Actors' network: ${nodes} actors, ${edges} relations`];
  if (a.window && (a.window.from !== undefined || a.window.to !== undefined)) {
    parts.push(`years ${a.window.from ?? "…"}–${a.window.to ?? "…"}`);
    if (a.undatedOmitted) parts.push(`${a.undatedOmitted} undated left out`);
  }
  if (a.editorialOmitted) parts.push(`${a.editorialOmitted} editorial left out`);
  if (a.omitted) parts.push(a.omitted);
  return parts.join(" · ");
}

async function loadGraph() {
  const started = performance.now();
  const state = store.get();
  loadedQueryKey = graphQueryKey(state);
  loading?.abort();
  const controller = (loading = new AbortController());
  probe.state = "loading";
  graphContainer.dataset.state = "loading";
  try {
    const payload = await busy(
      "Loading the graph…",
      api.getGraph({ view: state.view ?? "actors", from: state.from, to: state.to, undated: state.undated ? "include" : undefined, editorial: state.editorial }, controller.signal),
    );
    if (controller !== loading) return;
    graph = buildGraph(payload);
    const viewName = state.view ?? "actors";
    const known = placedBefore(graph, viewName);
    shownAppearance = undefined;
    applyAppearance(store.get());
    const events = {
      clickNode: (node: string) => select(node),
      clickEdge: (edge: string) => setState({ selectedEdge: edge, selected: undefined, tab: "details" }),
      clickStage: () => {
        if (store.get().selected || store.get().selectedEdge) setState({ selected: undefined, selectedEdge: undefined });
      },
      camera: (camera: { x: number; y: number; ratio: number }) => {
        if (probe.state === "ready") store.set({ camera }, { push: false });
      },
    };
    if (view) view.setGraph(graph);
    else view = new GraphView(graphContainer, graph, THEME_COLORS[theme()], events);
    probe.view = view;
    view.sigma.once("afterRender", () => {
      probe.firstFrameAt = performance.now();
      probe.firstFrameMs = probe.firstFrameAt - started;
      // A graph that needs no layout is ready before its first frame: keep it ready.
      if (probe.state === "loading") {
        probe.state = "drawn";
        graphContainer.dataset.state = "drawn";
      }
    });
    applyState(store.get());
    const camera = store.get().camera;
    if (camera) view.sigma.getCamera().setState(camera);
    if (!panelsMounted) {
      panelsMounted = true;
      void mountPanels();
    }
    status.textContent = graphStatus(payload.attributes as GraphPayload["attributes"] & GraphAttributes, graph.order, graph.size, state);
    layout?.stop();
    if (known === graph.order && graph.order > 0) {
      // Every node was laid out in an earlier load of this view (a window change, a Play frame):
      // keep the picture still instead of laying it out again.
      graphContainer.dataset.layout = "done";
      view.scheduleRelabel();
      probe.state = "ready";
      graphContainer.dataset.state = "ready";
      return;
    }
    const current = (layout = runLayout(graph, (iterations) => {
      graphContainer.dataset.layout = `running ${iterations}`;
      view?.scheduleRelabel();
    }));
    appearance.layoutRunning(true);
    const stats = await busy("Laying out the graph…", current.done);
    appearance.layoutRunning(false);
    // A newer graph (another view or window) took over: its own run finishes the job.
    if (layout !== current) return;
    probe.layout = stats;
    remember(graph, viewName);
    graphContainer.dataset.layout = "done";
    view.scheduleRelabel();
    if (camera) view.sigma.getCamera().setState(camera);
    else if (store.get().selected && graph.hasNode(store.get().selected!)) view.centreOn(store.get().selected!, false);
    else if (store.get().selectedEdge && graph.hasEdge(store.get().selectedEdge!)) view.centreOn(graph.source(store.get().selectedEdge!), false);
    probe.state = "ready";
    graphContainer.dataset.state = "ready";
  } catch (error) {
    if ((error as Error).name === "AbortError") return;
    probe.state = "error";
    graphContainer.dataset.state = "error";
    status.replaceChildren(h("span", { role: "alert", class: "error" }, `Could not load the graph: ${(error as Error).message}`));
  }
}

// ---- the other panels (timeline, paths, lens) -------------------------------------------------
const ctx: ExplorerContext = {
  api,
  getState: () => store.get(),
  setState: (patch, options) => store.set(patch, options),
  subscribe: (listener) => store.subscribe(listener),
  graph: () => graph ?? buildGraph({ attributes: { totalNodes: 0, totalEdges: 0 }, options: { type: "directed", multi: true, allowSelfLoops: false }, nodes: [], edges: [] }),
  highlight: (nodes, edges = [], colorByNode) =>
    view?.setFocus({
      highlightNodes: nodes.length ? new Set(nodes) : undefined,
      highlightEdges: edges.length ? new Set(edges) : undefined,
      colorByNode: nodes.length ? colorByNode : undefined,
    }),
  focusNode,
};

// A glob import, so the page builds whether or not a panel module exists yet.
const panelModules = import.meta.glob<Record<string, PanelMount>>(["./views/timeline.ts", "./views/paths.ts", "./views/lens.ts", "./workbench/workbench.ts", "./map/mapPanel.ts"]);
const panels: [string, string, string][] = [
  ["./map/mapPanel.ts", "mountMapPanel", "map-view"],
  ["./views/timeline.ts", "mountTimeline", "timeline"],
  ["./views/paths.ts", "mountPathsPanel", "panel-paths"],
  ["./views/lens.ts", "mountLensPanel", "panel-lens"],
  ["./workbench/workbench.ts", "mountWorkbench", "panel-query"],
];

async function mountPanels() {
  for (const [path, name, id] of panels) {
    const container = $(id);
    const load = panelModules[path];
    if (!load) {
      container.append(h("p", { class: "muted" }, "This panel is not available in this build."));
      continue;
    }
    try {
      const mount = (await load())[name];
      if (typeof mount === "function") unmounts.push(mount(container, ctx));
    } catch (error) {
      container.append(h("p", { class: "error", role: "alert" }, `This panel failed to start: ${(error as Error).message}`));
    }
  }
}

void loadGraph();
